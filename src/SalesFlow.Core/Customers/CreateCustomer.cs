using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using SalesFlow.Core.Common;
using SalesFlow.Core.Data;
using SalesFlow.Core.Organization;

namespace SalesFlow.Core.Customers;

public sealed record CreateCustomer(
    [property: Required, StringLength(Customer.NameMaxLength, MinimumLength = 1)] string Name,
    [property: Required] CustomerType? Type,
    CustomerClass? Class,
    ValueTier? ValueTier,
    [property: StringLength(50)] string? Industry,
    Guid? RegionId,
    Guid? OwnerId,
    [property: StringLength(300)] string? Address,
    [property: StringLength(30)] string? Phone,
    IReadOnlyList<string>? Tags);

/// <summary>
/// A new customer belongs to its owner (the caller unless a manager names someone in their scope) and to the
/// owner's unit; the region defaults to the region above that unit.
/// </summary>
public sealed class CreateCustomerHandler(IDbContextFactory<SalesFlowDbContext> dbFactory, CustomerQueries queries)
{
    public async Task<Result<CustomerDetails>> HandleAsync(CreateCustomer request, Actor actor, CancellationToken ct)
    {
        if (actor.Require(CustomerPermissions.Edit) is { } denied)
        {
            return denied;
        }

        if (RequestValidation.Check(request) is { } invalid)
        {
            return invalid;
        }

        if (request.Tags is { } tags && Customer.JoinTags(tags).Length > Customer.TagsMaxLength)
        {
            return Error.Invalid("tags", "maxLength", ("max", Customer.TagsMaxLength));
        }

        await using var db = await dbFactory.OpenAsync(actor, ct);
        var ownerId = request.OwnerId ?? actor.EmployeeId;
        var owner = ownerId is null ? null : await db.Employees.VisibleTo(actor).Where(e => e.Id == ownerId && e.IsActive)
            .Select(e => new { e.Id, e.OrgUnitId, UnitPath = db.OrgUnits.Where(u => u.Id == e.OrgUnitId).Select(u => u.Path).First() })
            .SingleOrDefaultAsync(ct);
        if (owner is null)
        {
            return CustomerErrors.OwnerInactive;
        }

        var regionId = request.RegionId ?? await Regions.AboveAsync(db, owner.UnitPath, ct);
        if (regionId is null || !await db.OrgUnits.AnyAsync(u => u.Id == regionId && u.Kind == OrgUnitKind.Region && !u.IsDeleted, ct))
        {
            return CustomerErrors.RegionUnknown;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var number = await SequenceNumbers.NextAsync(db, Customer.NumberSeries, SequenceNumbers.NoYear, ct);
        var customer = new Customer(number, request.Name.Trim(), request.Type!.Value, regionId.Value, owner.Id, owner.OrgUnitId);
        customer.UpdateDetails(customer.Name, customer.Type, request.Industry?.Trim(), regionId.Value, request.Address?.Trim(), request.Phone?.Trim(), request.Tags ?? []);
        customer.Classify(request.Class ?? CustomerClass.C, request.ValueTier ?? ValueTier.General);
        db.Customers.Add(customer);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return await queries.GetAsync(actor, customer.Id, ct);
    }
}
