using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using SalesFlow.Core.Common;
using SalesFlow.Core.Data;

namespace SalesFlow.Core.Customers;

/// <summary>Adds a contact (no <see cref="ContactId"/>) or edits one (with its version).</summary>
public sealed record SaveContact(
    Guid CustomerId,
    Guid? ContactId,
    [property: Required, StringLength(50, MinimumLength = 1)] string FullName,
    [property: StringLength(50)] string? Title,
    [property: StringLength(30), Phone] string? OfficePhone,
    [property: StringLength(30), Phone] string? Mobile,
    [property: StringLength(200), EmailAddress] string? Email,
    bool IsPrimary,
    int? Version);

/// <summary>A customer has at most one primary contact: making one primary demotes the others.</summary>
public sealed class SaveContactHandler(IDbContextFactory<SalesFlowDbContext> dbFactory)
{
    public async Task<Result<ContactRow>> HandleAsync(SaveContact request, Actor actor, CancellationToken ct)
    {
        if (actor.Require(CustomerPermissions.Edit) is { } denied)
        {
            return denied;
        }

        if (RequestValidation.Check(request) is { } invalid)
        {
            return invalid;
        }

        await using var db = await dbFactory.OpenAsync(actor, ct);
        if (!await db.Customers.VisibleTo(actor).AnyAsync(c => c.Id == request.CustomerId && !c.IsDeleted, ct))
        {
            return CustomerErrors.NotFound(request.CustomerId);
        }

        Contact? contact;
        if (request.ContactId is { } contactId)
        {
            contact = await db.Contacts.SingleOrDefaultAsync(k => k.Id == contactId && k.CustomerId == request.CustomerId && !k.IsDeleted, ct);
            if (contact is null)
            {
                return CustomerErrors.ContactNotFound(contactId);
            }

            if (request.Version is not { } version)
            {
                return Error.Invalid("version", "required");
            }

            if (contact.Version != version)
            {
                return Error.StaleVersion("Contact", version, contact.Version);
            }
        }
        else
        {
            contact = NewContact.Add(db, request);
        }

        if (request.IsPrimary)
        {
            foreach (var other in await db.Contacts.Where(k => k.CustomerId == request.CustomerId && k.IsPrimary && k.Id != contact.Id).ToListAsync(ct))
            {
                other.Demote();
            }
        }

        NewContact.Apply(contact, request);
        if (await db.SaveOrConflictAsync("Contact", ct) is { } conflict)
        {
            return conflict;
        }

        return new ContactRow(contact.Id, contact.FullName, contact.Title, contact.OfficePhone, contact.Mobile, contact.Email, contact.IsPrimary, contact.Version);
    }
}
