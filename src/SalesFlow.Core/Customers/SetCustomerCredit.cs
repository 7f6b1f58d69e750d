using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using SalesFlow.Core.Common;
using SalesFlow.Core.Data;

namespace SalesFlow.Core.Customers;

public sealed record SetCustomerCredit(
    Guid Id,
    [property: Required, Range(0, 1_000_000_000_000)] decimal? CreditLimit,
    [property: Required, Range(0, 365)] int? PaymentTermsDays,
    [property: Required] int? Version);

/// <summary>Finance sets a customer's credit limit and payment terms; the order credit check reads them.</summary>
public sealed class SetCustomerCreditHandler(IDbContextFactory<SalesFlowDbContext> dbFactory, CustomerQueries queries)
{
    public async Task<Result<CustomerDetails>> HandleAsync(SetCustomerCredit request, Actor actor, CancellationToken ct)
    {
        if (actor.Require(CustomerPermissions.EditCredit) is { } denied)
        {
            return denied;
        }

        if (RequestValidation.Check(request) is { } invalid)
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

        var set = customer.SetCredit(request.CreditLimit!.Value, request.PaymentTermsDays!.Value);
        if (!set.IsSuccess)
        {
            return set.Error!;
        }

        if (await db.SaveOrConflictAsync("Customer", ct) is { } conflict)
        {
            return conflict;
        }

        return await queries.GetAsync(actor, customer.Id, ct);
    }
}
