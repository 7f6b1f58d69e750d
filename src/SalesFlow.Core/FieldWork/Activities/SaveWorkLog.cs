using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using SalesFlow.Core.Common;
using SalesFlow.Core.Data;

namespace SalesFlow.Core.FieldWork.Activities;

/// <summary>The caller's own log of a day: notes and plan for tomorrow. The first save creates it; later saves send its version.</summary>
public sealed record SaveWorkLog(
    DateOnly Date,
    [property: StringLength(WorkLog.TextMaxLength)] string? Notes,
    [property: StringLength(WorkLog.TextMaxLength)] string? PlanForTomorrow,
    int? Version = null,
    bool Submit = false);

public sealed record CommentWorkLog(Guid Id, [property: Required, StringLength(WorkLog.TextMaxLength, MinimumLength = 1)] string Comment);

public sealed class SaveWorkLogHandler(IDbContextFactory<SalesFlowDbContext> dbFactory, CompanyClock clock, WorkLogQueries queries)
{
    public async Task<Result<WorkLogDetails>> HandleAsync(SaveWorkLog request, Actor actor, CancellationToken ct)
    {
        if (actor.Require(FieldWorkPermissions.Edit) is { } denied)
        {
            return denied;
        }

        if (RequestValidation.Check(request) is { } invalid)
        {
            return invalid;
        }

        if (request.Date > clock.Today.AddDays(1))
        {
            return Error.Invalid("date", "range");
        }

        await using var db = await dbFactory.OpenAsync(actor, ct);
        var owner = await RepOwner.ChooseAsync(db, actor, null, ct);
        if (!owner.IsSuccess)
        {
            return owner.Error!;
        }

        var log = await db.WorkLogs.SingleOrDefaultAsync(w => w.OwnerId == owner.Value!.EmployeeId && w.Date == request.Date, ct);
        if (log is null)
        {
            log = new WorkLog(owner.Value!.EmployeeId, owner.Value.OrgUnitId, request.Date);
            db.WorkLogs.Add(log);
        }
        else if (request.Version != log.Version)
        {
            return Error.StaleVersion("WorkLog", request.Version ?? 0, log.Version, (await queries.GetAsync(actor, log.Id, ct)).Value);
        }

        var written = log.Write(Trim(request.Notes), Trim(request.PlanForTomorrow));
        if (written.IsSuccess && request.Submit)
        {
            written = log.Submit(clock.UtcNow);
        }

        if (!written.IsSuccess)
        {
            return written.Error!;
        }

        if (await db.SaveOrConflictAsync("WorkLog", ct) is { } conflict)
        {
            return conflict;
        }

        return await queries.GetAsync(actor, log.Id, ct);
    }

    /// <summary>A manager's comment on a team member's log (never on one's own).</summary>
    public async Task<Result<WorkLogDetails>> HandleAsync(CommentWorkLog request, Actor actor, CancellationToken ct)
    {
        if (actor.Require(FieldWorkPermissions.Manage) is { } denied)
        {
            return denied;
        }

        if (RequestValidation.Check(request) is { } invalid)
        {
            return invalid;
        }

        await using var db = await dbFactory.OpenAsync(actor, ct);
        var log = await db.WorkLogs.VisibleTo(actor).SingleOrDefaultAsync(w => w.Id == request.Id, ct);
        if (log is null)
        {
            return FieldWorkErrors.NotFound("WorkLog", request.Id);
        }

        if (actor.EmployeeId is not { } manager || manager == log.OwnerId)
        {
            return FieldWorkErrors.NotYourOwn;
        }

        log.Comment(request.Comment.Trim(), manager, clock.UtcNow);
        if (await db.SaveOrConflictAsync("WorkLog", ct) is { } conflict)
        {
            return conflict;
        }

        return await queries.GetAsync(actor, log.Id, ct);
    }

    private static string? Trim(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
