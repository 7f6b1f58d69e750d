using SalesFlow.Core.Common;
using SalesFlow.Core.Data;

namespace SalesFlow.Core.Approvals;

public enum ApprovalStatus
{
    Pending,
    Approved,
    Rejected,
    Cancelled,
}

public enum ApprovalStepStatus
{
    /// <summary>Later in the chain: waits for the steps before it.</summary>
    Waiting,

    /// <summary>The step whose approver decides now.</summary>
    Pending,
    Approved,
    Rejected,

    /// <summary>The request was rejected or cancelled before this step was reached.</summary>
    Skipped,
    Cancelled,
}

/// <summary>
/// One request for approval of something another module owns (a quote, a price list, an order...). It names the
/// subject, who asked (employee and unit at the time), the amount and/or percentage, and an ordered chain of steps
/// built from the org tree (<see cref="ApprovalChain"/>). Steps are decided one after another; the request is approved
/// when the last step approves and rejected at the first rejection. Only <see cref="ApprovalEngine"/> changes it.
/// </summary>
public sealed class ApprovalRequest : IHasId, IAudited, IVersioned
{
    public const int KindMaxLength = 30;
    public const int NumberMaxLength = 40;
    public const int TitleMaxLength = 200;
    public const int ReasonMaxLength = 500;
    public const int CommentMaxLength = 1000;

    private readonly List<ApprovalStep> _steps = [];

    private ApprovalRequest()
    {
    }

    internal ApprovalRequest(ApprovalSubject subject, Guid requestedById, Guid requestedByUnitId, string requiredRole, decimal? amount, decimal? percentage, string? reason)
    {
        Id = Guid.CreateVersion7();
        SubjectKind = subject.Kind;
        SubjectId = subject.Id;
        SubjectNumber = subject.Number;
        SubjectTitle = subject.Title;
        RequestedById = requestedById;
        RequestedByUnitId = requestedByUnitId;
        RequiredRole = requiredRole;
        Amount = amount is { } a ? decimal.Round(a, 2, MidpointRounding.AwayFromZero) : null;
        Percentage = percentage is { } p ? decimal.Round(p, 2, MidpointRounding.AwayFromZero) : null;
        Reason = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim();
        Status = ApprovalStatus.Pending;
    }

    public Guid Id { get; private set; }

    /// <summary>"Quote", "PriceList", "Order" ...: which <see cref="IApprovalSubjectHandler"/> hears the decision.</summary>
    public string SubjectKind { get; private set; } = "";

    public Guid SubjectId { get; private set; }

    public string SubjectNumber { get; private set; } = "";

    public string SubjectTitle { get; private set; } = "";

    public Guid RequestedById { get; private set; }

    /// <summary>The requester's unit when they asked: the chain and the approvers' scope are read from it.</summary>
    public Guid RequestedByUnitId { get; private set; }

    /// <summary>The highest role the chain goes up to.</summary>
    public string RequiredRole { get; private set; } = "";

    public decimal? Amount { get; private set; }

    public decimal? Percentage { get; private set; }

    public string? Reason { get; private set; }

    public ApprovalStatus Status { get; private set; }

    /// <summary>The role deciding now (denormalized from the pending step, so the inbox is one indexed query); null once decided.</summary>
    public string? CurrentApproverRole { get; private set; }

    public Guid? CurrentApproverUnitId { get; private set; }

    public DateTime? DecidedAtUtc { get; private set; }

    public int Version { get; private set; }

    public DateTime CreatedAtUtc { get; private set; }

    public string CreatedBy { get; private set; } = "";

    public DateTime UpdatedAtUtc { get; private set; }

    public string UpdatedBy { get; private set; } = "";

    public IReadOnlyList<ApprovalStep> Steps => _steps;

    public ApprovalStep? CurrentStep => _steps.FirstOrDefault(s => s.Status == ApprovalStepStatus.Pending);

    internal void SetChain(IReadOnlyList<(string Role, Guid UnitId)> chain)
    {
        _steps.Clear();
        for (var i = 0; i < chain.Count; i++)
        {
            _steps.Add(new ApprovalStep(Id, i + 1, chain[i].Role, chain[i].UnitId, i == 0 ? ApprovalStepStatus.Pending : ApprovalStepStatus.Waiting));
        }

        PointAtCurrent();
    }

    /// <summary>Approves the current step; returns true when that was the last step (the request is approved).</summary>
    internal bool Approve(Guid deciderId, string? comment, DateTime atUtc)
    {
        var step = CurrentStep!;
        step.Decide(ApprovalStepStatus.Approved, deciderId, comment, atUtc);
        var next = _steps.FirstOrDefault(s => s.Status == ApprovalStepStatus.Waiting);
        if (next is null)
        {
            Status = ApprovalStatus.Approved;
            DecidedAtUtc = atUtc;
        }
        else
        {
            next.Reach();
        }

        PointAtCurrent();
        return next is null;
    }

    internal void Reject(Guid deciderId, string comment, DateTime atUtc)
    {
        CurrentStep!.Decide(ApprovalStepStatus.Rejected, deciderId, comment, atUtc);
        foreach (var waiting in _steps.Where(s => s.Status == ApprovalStepStatus.Waiting))
        {
            waiting.Close(ApprovalStepStatus.Skipped);
        }

        Status = ApprovalStatus.Rejected;
        DecidedAtUtc = atUtc;
        PointAtCurrent();
    }

    internal void Cancel(DateTime atUtc)
    {
        foreach (var open in _steps.Where(s => s.Status is ApprovalStepStatus.Waiting or ApprovalStepStatus.Pending))
        {
            open.Close(ApprovalStepStatus.Cancelled);
        }

        Status = ApprovalStatus.Cancelled;
        DecidedAtUtc = atUtc;
        PointAtCurrent();
    }

    private void PointAtCurrent()
    {
        var current = Status == ApprovalStatus.Pending ? CurrentStep : null;
        CurrentApproverRole = current?.ApproverRole;
        CurrentApproverUnitId = current?.ApproverUnitId;
    }
}

/// <summary>One level of the chain: the role that decides and the org unit whose holder it is (the region for a regional manager, the company for the director).</summary>
public sealed class ApprovalStep : IHasId, IAudited
{
    private ApprovalStep()
    {
    }

    internal ApprovalStep(Guid requestId, int position, string approverRole, Guid approverUnitId, ApprovalStepStatus status)
    {
        Id = Guid.CreateVersion7();
        RequestId = requestId;
        Position = position;
        ApproverRole = approverRole;
        ApproverUnitId = approverUnitId;
        Status = status;
    }

    public Guid Id { get; private set; }

    public Guid RequestId { get; private set; }

    public int Position { get; private set; }

    public string ApproverRole { get; private set; } = "";

    public Guid ApproverUnitId { get; private set; }

    public ApprovalStepStatus Status { get; private set; }

    public Guid? DecidedById { get; private set; }

    public string? Comment { get; private set; }

    public DateTime? DecidedAtUtc { get; private set; }

    public DateTime CreatedAtUtc { get; private set; }

    public string CreatedBy { get; private set; } = "";

    public DateTime UpdatedAtUtc { get; private set; }

    public string UpdatedBy { get; private set; } = "";

    internal void Reach() => Status = ApprovalStepStatus.Pending;

    internal void Close(ApprovalStepStatus status) => Status = status;

    internal void Decide(ApprovalStepStatus decision, Guid deciderId, string? comment, DateTime atUtc)
    {
        Status = decision;
        DecidedById = deciderId;
        Comment = string.IsNullOrWhiteSpace(comment) ? null : comment.Trim();
        DecidedAtUtc = atUtc;
    }
}
