using Microsoft.EntityFrameworkCore;
using SalesFlow.Core.Common;
using SalesFlow.Core.Data;

namespace SalesFlow.Core.Customers;

/// <summary>
/// The first step of every customer edit: the live customer in the caller's scope, at the version the caller
/// read — or 404, or 409 carrying the current record so the caller can merge.
/// </summary>
internal static class EditableCustomer
{
    public static async Task<Result<Customer>> LoadAsync(
        SalesFlowDbContext db, CustomerQueries queries, Actor actor, Guid id, int version, CancellationToken ct)
    {
        var customer = await db.Customers.VisibleTo(actor).SingleOrDefaultAsync(c => c.Id == id && !c.IsDeleted, ct);
        if (customer is null)
        {
            return CustomerErrors.NotFound(id);
        }

        if (customer.Version != version)
        {
            return Error.StaleVersion("Customer", version, customer.Version, (await queries.GetAsync(actor, customer.Id, ct)).Value);
        }

        return customer;
    }
}
