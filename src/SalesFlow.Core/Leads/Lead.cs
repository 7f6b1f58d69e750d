using SalesFlow.Core.Common;
using SalesFlow.Core.Data;

namespace SalesFlow.Core.Leads;

public enum LeadSource
{
    Website,
    Exhibition,
    Referral,
    ColdVisit,
    YellowPages,
    PhoneIn,
    Campaign,
    Dealer,
}

public enum LeadStatus
{
    New,
    Contacted,
    Qualified,
    Converted,
    Disqualified,
}

/// <summary>
/// A prospect before it is a customer: New → Contacted → Qualified → Converted, or Disqualified with a reason
/// from any open state. Referral leads must be contacted within a set time of their capture.
/// </summary>
public sealed class Lead : IHasId, IAudited, IVersioned
{
    public const int NameMaxLength = 50;
    public const int CompanyMaxLength = 200;

    private Lead()
    {
    }

    public Lead(string name, string? company, string? mobile, string? email, LeadSource source, Guid? regionId, string? needs)
    {
        Id = Guid.CreateVersion7();
        Name = name;
        Company = company;
        Mobile = mobile;
        Email = email;
        Source = source;
        RegionId = regionId;
        Needs = needs;
        Status = LeadStatus.New;
    }

    public Guid Id { get; private set; }

    public string Name { get; private set; } = "";

    public string? Company { get; private set; }

    public string? Mobile { get; private set; }

    public string? Email { get; private set; }

    public LeadSource Source { get; private set; }

    public Guid? RegionId { get; private set; }

    public string? Needs { get; private set; }

    public LeadStatus Status { get; private set; }

    public string? DisqualifyReason { get; private set; }

    public Guid? OwnerId { get; private set; }

    public Guid? OrgUnitId { get; private set; }

    public DateTime? AssignedAtUtc { get; private set; }

    public DateTime? FirstContactAtUtc { get; private set; }

    public Guid? ConvertedCustomerId { get; private set; }

    public Guid? ConvertedContactId { get; private set; }

    public Guid? ConvertedOpportunityId { get; private set; }

    public bool IsDeleted { get; private set; }

    public int Version { get; private set; }

    public DateTime CreatedAtUtc { get; private set; }

    public string CreatedBy { get; private set; } = "";

    public DateTime UpdatedAtUtc { get; private set; }

    public string UpdatedBy { get; private set; } = "";

    public bool IsOpen => Status is LeadStatus.New or LeadStatus.Contacted or LeadStatus.Qualified;

    public void AssignTo(Guid ownerId, Guid ownerUnitId, DateTime nowUtc)
    {
        OwnerId = ownerId;
        OrgUnitId = ownerUnitId;
        AssignedAtUtc = nowUtc;
    }

    public Result MarkContacted(DateTime nowUtc)
    {
        if (Status != LeadStatus.New)
        {
            return LeadErrors.WrongStatus(Status, LeadStatus.Contacted);
        }

        Status = LeadStatus.Contacted;
        FirstContactAtUtc = nowUtc;
        return Result.Ok();
    }

    public Result Qualify(DateTime nowUtc)
    {
        if (Status is not (LeadStatus.New or LeadStatus.Contacted))
        {
            return LeadErrors.WrongStatus(Status, LeadStatus.Qualified);
        }

        FirstContactAtUtc ??= nowUtc;
        Status = LeadStatus.Qualified;
        return Result.Ok();
    }

    public Result Disqualify(string reason)
    {
        if (!IsOpen)
        {
            return LeadErrors.WrongStatus(Status, LeadStatus.Disqualified);
        }

        if (string.IsNullOrWhiteSpace(reason))
        {
            return Error.Invalid("reason", "required");
        }

        Status = LeadStatus.Disqualified;
        DisqualifyReason = reason.Trim();
        return Result.Ok();
    }

    /// <summary>Conversion made the customer, contact and opportunity; the lead keeps where it went.</summary>
    public Result Convert(Guid customerId, Guid contactId, Guid opportunityId)
    {
        if (!IsOpen)
        {
            return LeadErrors.NotConvertible(Status);
        }

        Status = LeadStatus.Converted;
        ConvertedCustomerId = customerId;
        ConvertedContactId = contactId;
        ConvertedOpportunityId = opportunityId;
        return Result.Ok();
    }

    /// <summary>A referral nobody has contacted within <paramref name="followUpWithin"/> of its capture.</summary>
    public bool IsFollowUpOverdue(DateTime nowUtc, TimeSpan followUpWithin) =>
        IsOverdue(Source, FirstContactAtUtc, Status, CreatedAtUtc, nowUtc - followUpWithin);

    /// <summary>The 24-hour rule on plain values, so list projections can apply it to the columns they read.</summary>
    public static bool IsOverdue(LeadSource source, DateTime? firstContactAtUtc, LeadStatus status, DateTime createdAtUtc, DateTime createdBefore) =>
        source == LeadSource.Referral && firstContactAtUtc is null && status is (LeadStatus.New or LeadStatus.Contacted or LeadStatus.Qualified)
        && createdAtUtc < createdBefore;
}
