using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using SalesFlow.Core.Common;
using SalesFlow.Core.Data;

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
    IReadOnlyList<string>? Tags,
    string? PreferredLanguage = null);

/// <summary>Creates a customer through <see cref="NewCustomer"/>, in its own transaction for the sequence number.</summary>
public sealed class CreateCustomerHandler(IDbContextFactory<SalesFlowDbContext> dbFactory, CustomerQueries queries)
{
    public async Task<Result<CustomerDetails>> HandleAsync(CreateCustomer request, Actor actor, CancellationToken ct)
    {
        if (actor.Require(CustomerPermissions.Edit) is { } denied)
        {
            return denied;
        }

        await using var db = await dbFactory.OpenAsync(actor, ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var customer = await NewCustomer.AddAsync(db, actor, request, ct);
        if (!customer.IsSuccess)
        {
            return customer.Error!;
        }

        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return await queries.GetAsync(actor, customer.Value!.Id, ct);
    }
}
