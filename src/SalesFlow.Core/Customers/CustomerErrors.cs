using SalesFlow.Core.Common;

namespace SalesFlow.Core.Customers;

public static class CustomerErrors
{
    public static readonly Error SameOwner = Error.Rule("customer.sameOwner", "The customer already belongs to this owner.");

    public static readonly Error AlreadyDeleted = Error.Conflict("customer.alreadyDeleted", "The customer is already deleted.");

    public static readonly Error NotDeleted = Error.Conflict("customer.notDeleted", "The customer is not deleted.");

    public static readonly Error OwnerInactive = Error.Rule("customer.ownerInactive", "The new owner does not exist or has left the company.");

    public static readonly Error RegionUnknown = Error.Rule("customer.regionUnknown", "The region must be one of the company's regions.");

    public static readonly Error CreditIsFinanceOnly =
        Error.Rule("customer.creditIsFinanceOnly", "Credit limit and payment terms are set by finance.");

    public static Error NotFound(Guid id) => Error.NotFound("Customer", id);

    public static Error ContactNotFound(Guid id) => Error.NotFound("Contact", id);
}

public static class CustomerPermissions
{
    public const string View = "customers.view";
    public const string Edit = "customers.edit";
    public const string EditCredit = "customers.editCredit";
    public const string HandOver = "customers.handOver";
}
