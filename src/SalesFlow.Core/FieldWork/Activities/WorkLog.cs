using SalesFlow.Core.Common;
using SalesFlow.Core.Data;

namespace SalesFlow.Core.FieldWork.Activities;

public enum WorkLogStatus
{
    Draft,
    Submitted,
}

/// <summary>
/// A rep's daily work log (工作日志) for one company-local date: the rep's notes and plan for tomorrow, beside the
/// summary the server builds from that day's activities and visits. Submitted logs can still be commented on by
/// the rep's managers, never edited.
/// </summary>
public sealed class WorkLog : IHasId, IAudited, IVersioned, IRepOwned
{
    public const int TextMaxLength = 4000;

    private WorkLog()
    {
    }

    public WorkLog(Guid ownerId, Guid orgUnitId, DateOnly date)
    {
        Id = Guid.CreateVersion7();
        OwnerId = ownerId;
        OrgUnitId = orgUnitId;
        Date = date;
        Status = WorkLogStatus.Draft;
    }

    public Guid Id { get; private set; }

    public Guid OwnerId { get; private set; }

    public Guid OrgUnitId { get; private set; }

    public DateOnly Date { get; private set; }

    public string? Notes { get; private set; }

    public string? PlanForTomorrow { get; private set; }

    public WorkLogStatus Status { get; private set; }

    public DateTime? SubmittedAtUtc { get; private set; }

    public string? ManagerComment { get; private set; }

    public Guid? CommentedById { get; private set; }

    public DateTime? CommentedAtUtc { get; private set; }

    public int Version { get; private set; }

    public DateTime CreatedAtUtc { get; private set; }

    public string CreatedBy { get; private set; } = "";

    public DateTime UpdatedAtUtc { get; private set; }

    public string UpdatedBy { get; private set; } = "";

    public Result Write(string? notes, string? planForTomorrow)
    {
        if (Status != WorkLogStatus.Draft)
        {
            return FieldWorkErrors.WrongStatus("WorkLog", Status.ToString(), WorkLogStatus.Draft.ToString());
        }

        Notes = notes;
        PlanForTomorrow = planForTomorrow;
        return Result.Ok();
    }

    public Result Submit(DateTime nowUtc)
    {
        if (Status != WorkLogStatus.Draft)
        {
            return FieldWorkErrors.WrongStatus("WorkLog", Status.ToString(), WorkLogStatus.Submitted.ToString());
        }

        Status = WorkLogStatus.Submitted;
        SubmittedAtUtc = nowUtc;
        return Result.Ok();
    }

    public void Comment(string comment, Guid byEmployeeId, DateTime nowUtc)
    {
        ManagerComment = comment;
        CommentedById = byEmployeeId;
        CommentedAtUtc = nowUtc;
    }
}
