using SalesFlow.Core.Common;
using SalesFlow.Core.Data;

namespace SalesFlow.Core.FieldWork.Activities;

public enum ActivityType
{
    Call,
    Visit,
    Meeting,
    Email,
    Task,
}

/// <summary>
/// One thing a rep did or will do about a customer and/or a lead (and later an opportunity): when, the outcome
/// and the next step with its due date. The day's activities feed the rep's work log.
/// </summary>
public sealed class Activity : IHasId, IAudited, IVersioned, IRepOwned
{
    public const int SubjectMaxLength = 200;
    public const int TextMaxLength = 2000;

    private Activity()
    {
    }

    public Activity(Guid ownerId, Guid orgUnitId)
    {
        Id = Guid.CreateVersion7();
        OwnerId = ownerId;
        OrgUnitId = orgUnitId;
    }

    public Guid Id { get; private set; }

    public ActivityType Type { get; private set; }

    public Guid? CustomerId { get; private set; }

    public Guid? LeadId { get; private set; }

    /// <summary>The opportunity it is about; no foreign key yet (opportunities arrive in another module).</summary>
    public Guid? OpportunityId { get; private set; }

    public string Subject { get; private set; } = "";

    public DateTime OccurredAtUtc { get; private set; }

    public string? Outcome { get; private set; }

    public string? NextStep { get; private set; }

    public DateOnly? NextStepDue { get; private set; }

    public Guid OwnerId { get; private set; }

    public Guid OrgUnitId { get; private set; }

    public bool IsDeleted { get; private set; }

    public int Version { get; private set; }

    public DateTime CreatedAtUtc { get; private set; }

    public string CreatedBy { get; private set; } = "";

    public DateTime UpdatedAtUtc { get; private set; }

    public string UpdatedBy { get; private set; } = "";

    public void Describe(
        ActivityType type, Guid? customerId, Guid? leadId, Guid? opportunityId, string subject, DateTime occurredAtUtc,
        string? outcome, string? nextStep, DateOnly? nextStepDue)
    {
        Type = type;
        CustomerId = customerId;
        LeadId = leadId;
        OpportunityId = opportunityId;
        Subject = subject;
        OccurredAtUtc = DateTime.SpecifyKind(occurredAtUtc, DateTimeKind.Utc);
        Outcome = outcome;
        NextStep = nextStep;
        NextStepDue = nextStepDue;
    }

    public void Delete() => IsDeleted = true;
}
