using Microsoft.EntityFrameworkCore;
using SalesFlow.Core.Common;
using SalesFlow.Core.Data;
using SalesFlow.Core.Organization;

namespace SalesFlow.Core.Customers;

/// <summary>
/// The rules of a new customer, on a context the caller opened (the create use case, lead conversion and
/// imports all come here): it belongs to its owner (the caller unless a manager names someone in their scope)
/// and to the owner's unit; the region defaults to the region above that unit. The caller holds a transaction
/// (the number comes from a counter) and saves. <see cref="CheckAsync"/> is the same rules without adding, for an
/// import's validation pass.
/// </summary>
public static class NewCustomer
{
    /// <summary>Where a valid new customer goes: its owner, the owner's unit and its region.</summary>
    public sealed record Placement(Guid OwnerId, Guid OrgUnitId, Guid RegionId);

    public static async Task<Result<Customer>> AddAsync(SalesFlowDbContext db, Actor actor, CreateCustomer request, CancellationToken ct)
    {
        var placement = await CheckAsync(db, actor, request, ct);
        if (!placement.IsSuccess)
        {
            return placement.Error!;
        }

        var (ownerId, unitId, regionId) = placement.Value!;
        var number = await SequenceNumbers.NextAsync(db, Customer.NumberSeries, SequenceNumbers.NoYear, ct);
        var customer = new Customer(number, request.Name.Trim(), request.Type!.Value, regionId, ownerId, unitId);
        customer.UpdateDetails(customer.Name, customer.Type, request.Industry?.Trim(), regionId, request.Address?.Trim(), request.Phone?.Trim(), request.Tags ?? []);
        customer.Classify(request.Class ?? CustomerClass.C, request.ValueTier ?? ValueTier.General);
        customer.PreferLanguage(request.PreferredLanguage ?? CustomerLanguages.Default);
        db.Customers.Add(customer);
        return customer;
    }

    public static async Task<Result<Placement>> CheckAsync(SalesFlowDbContext db, Actor actor, CreateCustomer request, CancellationToken ct)
    {
        if (RequestValidation.Check(request) is { } invalid)
        {
            return invalid;
        }

        if (CustomerLanguages.Check(request.PreferredLanguage) is { } language)
        {
            return language;
        }

        if (request.Tags is { } tags && Customer.JoinTags(tags).Length > Customer.TagsMaxLength)
        {
            return Error.Invalid("tags", "maxLength", ("max", Customer.TagsMaxLength));
        }

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

        return new Placement(owner.Id, owner.OrgUnitId, regionId.Value);
    }
}
