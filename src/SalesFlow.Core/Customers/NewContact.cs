using SalesFlow.Core.Data;

namespace SalesFlow.Core.Customers;

/// <summary>
/// How a contact's fields are stored (trimmed, e-mail lower-case so the lead duplicate rule matches whatever the
/// case), shared by the contact editor, lead conversion and imports. The request is validated by the caller.
/// </summary>
public static class NewContact
{
    public static Contact Add(SalesFlowDbContext db, SaveContact request)
    {
        var contact = new Contact(request.CustomerId, request.FullName.Trim());
        Apply(contact, request);
        db.Contacts.Add(contact);
        return contact;
    }

    public static void Apply(Contact contact, SaveContact request) =>
        contact.Update(request.FullName.Trim(), Trimmed(request.Title), Trimmed(request.OfficePhone), Trimmed(request.Mobile), Trimmed(request.Email)?.ToLowerInvariant(), request.IsPrimary);

    private static string? Trimmed(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
