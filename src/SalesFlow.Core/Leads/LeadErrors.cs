using SalesFlow.Core.Common;

namespace SalesFlow.Core.Leads;

public static class LeadErrors
{
    public static Error WrongStatus(LeadStatus from, LeadStatus to) =>
        Error.Conflict("lead.wrongStatus", $"A {from} lead cannot become {to}.", ("from", from.ToString()), ("to", to.ToString()));

    /// <summary>API.md: 422 with code <c>lead.duplicate</c> and <c>duplicateOf</c>.</summary>
    public static Error Duplicate(Guid duplicateOf, string matchedOn) =>
        Error.Rule("lead.duplicate", $"A lead, contact or customer with the same {matchedOn} already exists.", ("duplicateOf", duplicateOf), ("matchedOn", matchedOn));

    public static readonly Error NeedsAPhoneOrEmail =
        Error.Rule("lead.needsContactWay", "A lead needs a mobile number or an e-mail address.");

    public static readonly Error NoOwnerAvailable =
        Error.Rule("lead.noOwnerAvailable", "No active sales rep was found to take this lead; name an owner.");

    public static Error NotConvertible(LeadStatus status) =>
        Error.Rule("lead.notConvertible", $"Only an open lead can be converted; this one is {status}.", ("leadStatus", status.ToString()));

    public static Error NotFound(Guid id) => Error.NotFound("Lead", id);
}

public static class LeadPermissions
{
    public const string View = "leads.view";
    public const string Edit = "leads.edit";
}

/// <summary>Configuration section <c>Leads</c>.</summary>
public sealed class LeadOptions
{
    /// <summary>Referral leads must be followed up within this time (PRODUCT.md: 24 hours).</summary>
    public TimeSpan ReferralFollowUpWithin { get; set; } = TimeSpan.FromHours(24);
}
