using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using SalesFlow.Core.Common;
using SalesFlow.Core.Data;
using SalesFlow.Core.Organization;

namespace SalesFlow.Core.Customers;

/// <summary>
/// Edits a customer. Owner changes go through hand-over; credit limit and payment terms are accepted
/// unchanged from anyone but changed only by finance (<see cref="SetCustomerCreditHandler"/>).
/// </summary>
public sealed record UpdateCustomer(
    Guid Id,
    [property: Required, StringLength(Customer.NameMaxLength, MinimumLength = 1)] string Name,
    [property: Required] CustomerType? Type,
    [property: Required] CustomerClass? Class,
    [property: Required] ValueTier? ValueTier,
    [property: StringLength(50)] string? Industry,
    [property: Required] Guid? RegionId,
    [property: StringLength(300)] string? Address,
    [property: StringLength(30)] string? Phone,
    IReadOnlyList<string>? Tags,
    [property: Required] int? Version,
    Guid? OwnerId = null,
    decimal? CreditLimit = null,
    int? PaymentTermsDays = null,
    string? PreferredLanguage = null);

public sealed class UpdateCustomerHandler(IDbContextFactory<SalesFlowDbContext> dbFactory, CustomerQueries queries)
{
    public async Task<Result<CustomerDetails>> HandleAsync(UpdateCustomer request, Actor actor, CancellationToken ct)
    {
        if (actor.Require(CustomerPermissions.Edit) is { } denied)
        {
            return denied;
        }

        if ((RequestValidation.Check(request) ?? CustomerLanguages.Check(request.PreferredLanguage)) is { } invalid)
        {
            return invalid;
        }

        await using var db = await dbFactory.OpenAsync(actor, ct);
        var loaded = await EditableCustomer.LoadAsync(db, queries, actor, request.Id, request.Version!.Value, ct);
        if (!loaded.IsSuccess)
        {
            return loaded.Error!;
        }

        var customer = loaded.Value!;

        if (request.OwnerId is { } owner && owner != customer.OwnerId)
        {
            return Error.Invalid("ownerId", "changeThroughAction");
        }

        if ((request.CreditLimit is { } limit && limit != customer.CreditLimit) || (request.PaymentTermsDays is { } days && days != customer.PaymentTermsDays))
        {
            return CustomerErrors.CreditIsFinanceOnly;
        }

        if (!await db.OrgUnits.AnyAsync(u => u.Id == request.RegionId && u.Kind == OrgUnitKind.Region && !u.IsDeleted, ct))
        {
            return CustomerErrors.RegionUnknown;
        }

        var tags = request.Tags ?? customer.TagList;
        if (Customer.JoinTags(tags).Length > Customer.TagsMaxLength)
        {
            return Error.Invalid("tags", "maxLength", ("max", Customer.TagsMaxLength));
        }

        customer.UpdateDetails(request.Name.Trim(), request.Type!.Value, request.Industry?.Trim(), request.RegionId!.Value, request.Address?.Trim(), request.Phone?.Trim(), tags);
        customer.Classify(request.Class!.Value, request.ValueTier!.Value);
        if (request.PreferredLanguage is { } language)
        {
            customer.PreferLanguage(language);
        }

        if (await db.SaveOrConflictAsync("Customer", ct) is { } conflict)
        {
            return conflict;
        }

        return await queries.GetAsync(actor, customer.Id, ct);
    }
}
