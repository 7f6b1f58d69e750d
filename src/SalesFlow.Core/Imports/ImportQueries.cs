using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SalesFlow.Core.Common;
using SalesFlow.Core.Data;

namespace SalesFlow.Core.Imports;

public sealed record ImportRowErrorView(int Line, string? Column, string? Field, string Code, string Message);

public sealed record ImportJobView(
    Guid Id, ImportKind Kind, ImportStatus Status, string FileName, bool DryRun, bool ApplyValidRowsOnly, string UserName,
    int RowsRead, int RowsValid, int RowsInvalid, int RowsApplied, int Progress, string? FailureCode, string? Failure,
    DateTime CreatedAtUtc, DateTime? StartedAtUtc, DateTime? FinishedAtUtc, IReadOnlyList<ImportRowErrorView> Errors, bool ErrorsTruncated);

/// <summary>One job as its uploader (or someone who sees everything) may see it, messages in the reader's language.</summary>
public sealed class ImportQueries(IDbContextFactory<SalesFlowDbContext> dbFactory, ImportProgress progress, ImportOptions options)
{
    /// <summary>Errors shown with the job; the error file has every kept error.</summary>
    public const int ErrorsShown = 200;

    public async Task<Result<ImportJobView>> GetAsync(Actor actor, Guid id, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var job = await Visible(db, actor).AsNoTracking().SingleOrDefaultAsync(j => j.Id == id, ct);
        if (job is null)
        {
            return ImportErrors.NotFound(id);
        }

        var errors = job.IsFinished
            ? await db.ImportRowErrors.AsNoTracking().Where(e => e.JobId == id).OrderBy(e => e.Line).ThenBy(e => e.Id).Take(ErrorsShown + 1).ToListAsync(ct)
            : [];
        return View(job, errors, progress.Of(id));
    }

    /// <summary>The caller's latest jobs, newest first.</summary>
    public async Task<Result<IReadOnlyList<ImportJobView>>> RecentAsync(Actor actor, int count, CancellationToken ct)
    {
        if (actor.Require(ImportPermissions.Run) is { } denied)
        {
            return denied;
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var jobs = await db.ImportJobs.AsNoTracking().Where(j => j.UserId == actor.UserId)
            .OrderByDescending(j => j.CreatedAtUtc).Take(Math.Clamp(count, 1, 100)).ToListAsync(ct);
        return jobs.Select(j => View(j, [], progress.Of(j.Id))).ToList();
    }

    /// <summary>The error file's content: the file's own columns, the row as it was, and what is wrong with it.</summary>
    public async Task<Result<(ImportJob Job, IAsyncEnumerable<ImportRowError> Errors)>> ErrorsAsync(Actor actor, Guid id, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var job = await Visible(db, actor).AsNoTracking().SingleOrDefaultAsync(j => j.Id == id, ct);
        return job is null ? ImportErrors.NotFound(id) : (job, StreamErrors(id, ct));
    }

    public static IReadOnlyList<string> Headers(ImportJob job) =>
        job.HeadersJson is null ? [] : JsonSerializer.Deserialize<string[]>(job.HeadersJson) ?? [];

    public static ImportProblem Problem(ImportRowError error) =>
        new(error.Field, error.Code, error.Message, error.ArgsJson is null ? new Dictionary<string, string?>() : JsonSerializer.Deserialize<Dictionary<string, string?>>(error.ArgsJson)!);

    private async IAsyncEnumerable<ImportRowError> StreamErrors(Guid id, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await foreach (var error in db.ImportRowErrors.AsNoTracking().Where(e => e.JobId == id).OrderBy(e => e.Line).ThenBy(e => e.Id).AsAsyncEnumerable().WithCancellation(ct))
        {
            yield return error;
        }
    }

    /// <summary>The uploader's own jobs; everyone's for those who see all records (directors).</summary>
    private static IQueryable<ImportJob> Visible(SalesFlowDbContext db, Actor actor) =>
        actor.Scope == DataScope.All ? db.ImportJobs : db.ImportJobs.Where(j => j.UserId == actor.UserId);

    private ImportJobView View(ImportJob job, List<ImportRowError> errors, ImportProgress.Snapshot? live)
    {
        var culture = CultureInfo.CurrentUICulture;
        var shown = errors.Take(ErrorsShown).Select(e => new ImportRowErrorView(e.Line, e.Column, e.Field, e.Code, Problem(e).Describe(culture))).ToList();
        var failure = job.FailureCode is { } code ? ErrorText.Title(new Error(ErrorKind.BusinessRule, code, code), culture) : null;
        var percent = job.IsFinished ? 100 : live?.Percent ?? 0;
        return new ImportJobView(
            job.Id, job.Kind, job.Status, job.FileName, job.DryRun, job.ApplyValidRowsOnly, job.UserName,
            live?.RowsRead ?? job.RowsRead, live?.RowsValid ?? job.RowsValid, live?.RowsInvalid ?? job.RowsInvalid, live?.RowsApplied ?? job.RowsApplied,
            percent, job.FailureCode, failure, job.CreatedAtUtc, job.StartedAtUtc, job.FinishedAtUtc, shown,
            errors.Count > ErrorsShown || job.RowsInvalid > options.MaxStoredErrors);
    }
}
