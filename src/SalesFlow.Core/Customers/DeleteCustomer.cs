using Microsoft.EntityFrameworkCore;
using SalesFlow.Core.Common;
using SalesFlow.Core.Data;

namespace SalesFlow.Core.Customers;

public sealed record DeleteCustomer(Guid Id);

public sealed record RestoreCustomer(Guid Id);

public sealed record RemoveContact(Guid CustomerId, Guid ContactId);

/// <summary>Soft deletes: the record and its history stay and can be restored.</summary>
public sealed class DeleteCustomerHandler(IDbContextFactory<SalesFlowDbContext> dbFactory)
{
    public async Task<Result> HandleAsync(DeleteCustomer request, Actor actor, CancellationToken ct) =>
        await ChangeAsync(request.Id, actor, c => c.Delete(), ct);

    public async Task<Result> HandleAsync(RestoreCustomer request, Actor actor, CancellationToken ct) =>
        await ChangeAsync(request.Id, actor, c => c.Restore(), ct);

    public async Task<Result> HandleAsync(RemoveContact request, Actor actor, CancellationToken ct)
    {
        if (actor.Require(CustomerPermissions.Edit) is { } denied)
        {
            return denied;
        }

        await using var db = await dbFactory.OpenAsync(actor, ct);
        if (!await db.Customers.VisibleTo(actor).AnyAsync(c => c.Id == request.CustomerId, ct))
        {
            return CustomerErrors.NotFound(request.CustomerId);
        }

        var contact = await db.Contacts.SingleOrDefaultAsync(k => k.Id == request.ContactId && k.CustomerId == request.CustomerId && !k.IsDeleted, ct);
        if (contact is null)
        {
            return CustomerErrors.ContactNotFound(request.ContactId);
        }

        contact.Delete();
        return await db.SaveOrConflictAsync("Contact", ct) is { } conflict ? conflict : Result.Ok();
    }

    private async Task<Result> ChangeAsync(Guid id, Actor actor, Func<Customer, Result> change, CancellationToken ct)
    {
        if (actor.Require(CustomerPermissions.Edit) is { } denied)
        {
            return denied;
        }

        await using var db = await dbFactory.OpenAsync(actor, ct);
        var customer = await db.Customers.VisibleTo(actor).SingleOrDefaultAsync(c => c.Id == id, ct);
        if (customer is null)
        {
            return CustomerErrors.NotFound(id);
        }

        var changed = change(customer);
        if (!changed.IsSuccess)
        {
            return changed;
        }

        return await db.SaveOrConflictAsync("Customer", ct) is { } conflict ? conflict : Result.Ok();
    }
}
