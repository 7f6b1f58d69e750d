using Microsoft.EntityFrameworkCore;
using SalesFlow.Core.Common;
using SalesFlow.Core.Data;
using SalesFlow.Core.Identity;

namespace SalesFlow.Core.Imports;

/// <summary>
/// Runs one job: a streaming pass that checks every row (the use cases' rules plus duplicates inside the file),
/// then — unless it was a dry run or a row failed and the caller did not ask for the valid rows only — a second
/// streaming pass that adds the rows in ONE transaction, saving in batches and emptying the change tracker so
/// memory stays flat whatever the file's size. Anything failing while applying rolls the whole job back.
/// </summary>
public sealed class ImportRunner(
    IDbContextFactory<SalesFlowDbContext> dbFactory, ActorResolver actors, ImportOptions options, ImportQueue queue, ImportProgress progress, TimeProvider time, IServiceProvider services)
{
    /// <summary>
    /// Runs the job if this instance may take it: queued and not leased to another live instance, or cut off with an instance
    /// whose lease ran out (a crash or a kill: its transaction was rolled back, so it starts over). Another instance running
    /// it, or a finished job, is left alone. The lease is renewed while the job runs; a runner that loses it stops.
    /// </summary>
    public async Task RunAsync(Guid jobId, CancellationToken ct)
    {
        if (!await ClaimAsync(jobId, ct))
        {
            return;
        }

        var path = options.PathOf(jobId);
        var finished = false;
        using var lost = CancellationTokenSource.CreateLinkedTokenSource(ct);
        using var renewing = new CancellationTokenSource();
        var renewal = RenewAsync(jobId, lost, renewing.Token);
        try
        {
            await using var jobs = await dbFactory.CreateDbContextAsync(ct);
            var job = await jobs.ImportJobs.SingleOrDefaultAsync(j => j.Id == jobId, ct);
            if (job is null)
            {
                return;
            }

            if (job.Attempts > options.MaxAttempts || !File.Exists(path))
            {
                job.Fail("import.interrupted", Now);
                await jobs.SaveChangesAsync(ct);
                finished = true;
                return;
            }

            if (job.Status != ImportStatus.Queued)
            {
                // Cut off: nothing of that run was committed, so it starts over, without the errors it had found so far.
                await jobs.ImportRowErrors.Where(e => e.JobId == jobId).ExecuteDeleteAsync(ct);
                job.Restart();
            }

            var actor = await actors.ResolveAsync(job.UserId, null, ct);
            if (actor is null)
            {
                job.Fail("import.uploaderGone", time.GetUtcNow().UtcDateTime);
                await jobs.SaveChangesAsync(ct);
                finished = true;
                return;
            }

            try
            {
                await RunAsync(jobs, job, actor, path, lost.Token);
                finished = true;
            }
            catch (OperationCanceledException) when (lost.IsCancellationRequested && !ct.IsCancellationRequested)
            {
                // The lease went to another instance, which runs the job again; this run's transaction was rolled back.
            }
            catch (Exception) when (!lost.IsCancellationRequested)
            {
                // Not left "running" until the lease runs out: the job says it failed, the worker logs why.
                jobs.ChangeTracker.Clear();
                await jobs.ImportJobs.Where(j => j.Id == jobId).ExecuteUpdateAsync(
                    set => set.SetProperty(j => j.Status, ImportStatus.Failed).SetProperty(j => j.FailureCode, "common.internal").SetProperty(j => j.FinishedAtUtc, Now),
                    CancellationToken.None);
                finished = true;
                throw;
            }
        }
        finally
        {
            await renewing.CancelAsync();
            await renewal;
            progress.Forget(jobId);

            // A job stopped half-way (the app stopping, the lease lost) keeps its file: it is run again from the start.
            if (finished)
            {
                DeleteUpload(path);
            }
        }
    }

    /// <summary>
    /// The jobs nobody runs: queued or cut off, and not leased (or the lease ran out), oldest first. The worker asks at
    /// start and then now and then, so a job queued by an instance that died, or cut off by a crash, is run again.
    /// </summary>
    public async Task<IReadOnlyList<Guid>> ClaimableAsync(CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var now = Now;
        return await Claimable(db.ImportJobs, queue.Instance, now).OrderBy(j => j.CreatedAtUtc).Select(j => j.Id).ToListAsync(ct);
    }

    private static IQueryable<ImportJob> Claimable(IQueryable<ImportJob> jobs, string instance, DateTime now) => jobs.Where(j =>
        (j.Status == ImportStatus.Queued || j.Status == ImportStatus.Validating || j.Status == ImportStatus.Applying)
        && (j.LeasedUntilUtc == null || j.LeasedUntilUtc < now || (j.LeaseHolder == instance && j.Status == ImportStatus.Queued)));

    /// <summary>One conditional UPDATE, so two instances racing for a job cannot both take it.</summary>
    private async Task<bool> ClaimAsync(Guid jobId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var now = Now;
        var until = now + options.Lease;
        var instance = queue.Instance;
        return await Claimable(db.ImportJobs.Where(j => j.Id == jobId), instance, now).ExecuteUpdateAsync(
            set => set.SetProperty(j => j.LeaseHolder, instance).SetProperty(j => j.LeasedUntilUtc, until).SetProperty(j => j.Attempts, j => j.Attempts + 1),
            ct) == 1;
    }

    /// <summary>
    /// Keeps the lease while the job runs. A renewal that fails (SQLite busy with the import's own transaction) is tried again
    /// at the next tick; a lease found in another instance's hands means this run was given up for dead: it stops.
    /// </summary>
    private async Task RenewAsync(Guid jobId, CancellationTokenSource lost, CancellationToken stop)
    {
        var every = options.Lease / 3;
        var instance = queue.Instance;
        await using (var probe = await dbFactory.CreateDbContextAsync(stop))
        {
            // SQLite has one writer and one instance: the renewal would only queue behind the import's own transaction (and log
            // "database is locked" each time), and no other instance can take the job over. A restart takes it after the lease.
            if (probe.Database.IsSqlite())
            {
                return;
            }
        }

        try
        {
            while (true)
            {
                await Task.Delay(every, time, stop);
                try
                {
                    await using var db = await dbFactory.CreateDbContextAsync(stop);
                    var until = Now + options.Lease;
                    var kept = await db.ImportJobs.Where(j => j.Id == jobId && j.LeaseHolder == instance)
                        .ExecuteUpdateAsync(set => set.SetProperty(j => j.LeasedUntilUtc, until), stop);
                    if (kept == 0)
                    {
                        await lost.CancelAsync();
                        return;
                    }
                }
                catch (Exception) when (!stop.IsCancellationRequested)
                {
                    // Tried again at the next tick.
                }
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
        }
    }

    // The upload may be gone already (another instance's disk, a cleaned temp folder): a missing folder is no error.
    private static void DeleteUpload(string path)
    {
        if (File.Exists(path))
        {
            File.Delete(path);
        }
    }

    private async Task RunAsync(SalesFlowDbContext jobs, ImportJob job, Actor actor, string path, CancellationToken ct)
    {
        var rows = ImportRows.For(job.Kind, services);
        var errors = new ErrorLog(jobs, job.Id, options.MaxStoredErrors);
        HeaderMap map;
        Checked result;
        try
        {
            using var reader = TabularFile.Open(path);
            map = ImportColumns.Map(job.Kind, reader.Headers);
            job.StartValidating(reader.Headers, Now);
            await jobs.SaveChangesAsync(ct);
            if (map.Missing.Count > 0)
            {
                foreach (var column in map.Missing)
                {
                    errors.Add(1, column, new ImportProblem(null, "import.missingColumn", $"The file has no column {column}.", new Dictionary<string, string?> { ["column"] = column }), reader.Headers);
                }

                await errors.FlushAsync(ct);
                job.Fail("import.missingColumn", Now);
                await jobs.SaveChangesAsync(ct);
                return;
            }

            result = await CheckAsync(job, actor, rows, map, reader, errors, ct);
        }
        catch (UnreadableFileException e)
        {
            // Nothing after this line can be read, so nothing of the file is applied, whatever the caller asked; the line says where to look.
            errors.Add(e.Line, null, e.Problem, []);
            await errors.FlushAsync(ct);
            job.Fail("import.unreadable", Now);
            await jobs.SaveChangesAsync(ct);
            return;
        }
        catch (Exception e) when (e is IOException or InvalidDataException or FormatException or InvalidOperationException && e is not ObjectDisposedException)
        {
            job.Fail("import.unreadable", Now);
            await jobs.SaveChangesAsync(ct);
            return;
        }

        job.Validated(result.Read, result.Valid, result.Invalid);
        if (job.DryRun || (result.Invalid > 0 && (!job.ApplyValidRowsOnly || rows.AllOrNothing)) || result.Valid == 0)
        {
            job.Finish(job.DryRun ? ImportStatus.DryRunDone : result.Invalid > 0 ? ImportStatus.Rejected : ImportStatus.Succeeded, 0, Now);
            await jobs.SaveChangesAsync(ct);
            return;
        }

        job.StartApplying();
        await jobs.SaveChangesAsync(ct);
        var applied = await ApplyAsync(job, actor, rows, map, path, result, errors, ct);
        if (applied is null)
        {
            job.Fail("import.applyFailed", Now);
        }
        else
        {
            job.Finish(ImportStatus.Succeeded, applied.Value, Now);
        }

        await errors.FlushAsync(ct);
        await jobs.SaveChangesAsync(ct);
    }

    private async Task<Checked> CheckAsync(ImportJob job, Actor actor, ImportRows rows, HeaderMap map, TabularReader reader, ErrorLog errors, CancellationToken ct)
    {
        await using var db = await dbFactory.OpenAsync(actor, ct);

        // One connection for the whole pass: otherwise each of a chunk's queries takes one from the pool and resets it.
        await db.Database.OpenConnectionAsync(ct);
        var duplicates = new InFileDuplicates();
        var result = new Checked();
        foreach (var chunk in reader.Rows().Chunk(options.BatchSize))
        {
            var checkedRows = await rows.CheckManyAsync(db, actor, map, chunk, ct);
            for (var i = 0; i < chunk.Length; i++)
            {
                var row = chunk[i];
                // A row the file itself garbled (shifted cells, bytes of another encoding) is reported for that alone: its cells'
                // other errors would only be the garbling's echoes.
                var problems = new List<ImportProblem>();
                if (row.Problem is { } asWritten)
                {
                    problems.Add(asWritten);
                }
                else
                {
                    problems.AddRange(duplicates.See(row.Line, rows.UniqueKeys(map, row)));
                    if (checkedRows[i] is { } error)
                    {
                        problems.AddRange(ImportProblem.From(error));
                    }
                }

                result.Read++;
                if (problems.Count == 0)
                {
                    result.Valid++;
                }
                else
                {
                    result.Invalid++;
                    result.InvalidLines.Add(row.Line);
                    foreach (var problem in problems)
                    {
                        errors.Add(row.Line, map.HeaderOf(problem.Field), problem, row.Cells);
                    }
                }
            }

            db.ChangeTracker.Clear();
            await errors.FlushAsync(ct);
            progress.Report(job.Id, new(result.Read, result.Valid, result.Invalid, 0, Percent(job, reader.Fraction, applying: false)));
        }

        await errors.FlushAsync(ct);
        return result;
    }

    private async Task<int?> ApplyAsync(ImportJob job, Actor actor, ImportRows rows, HeaderMap map, string path, Checked valid, ErrorLog errors, CancellationToken ct)
    {
        using var reader = TabularFile.Open(path);
        await using var db = await dbFactory.OpenAsync(actor, ct);
        db.ChangeTracker.AutoDetectChangesEnabled = !rows.AddsOnly;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var applied = 0;
        TabularRow? current = null;
        try
        {
            foreach (var chunk in reader.Rows().Where(row => !valid.InvalidLines.Contains(row.Line)).Chunk(options.BatchSize))
            {
                current = chunk[^1];
                if (await rows.AddManyAsync(db, actor, map, chunk, Now, ct) is { } failed)
                {
                    await transaction.RollbackAsync(ct);
                    var row = chunk[failed.Row];
                    foreach (var problem in ImportProblem.From(failed.Error))
                    {
                        errors.Add(row.Line, map.HeaderOf(problem.Field), problem, row.Cells);
                    }

                    return null;
                }

                applied += chunk.Length;
                if (rows.AddsOnly)
                {
                    await BulkInsert.SaveAddedAsync(db, ct);
                }
                else
                {
                    await db.SaveChangesAsync(ct);
                }

                db.ChangeTracker.Clear();
                progress.Report(job.Id, new(valid.Read, valid.Valid, valid.Invalid, applied, Percent(job, reader.Fraction, applying: true)));
            }

            await rows.FinishAsync(db, ct);
            await db.SaveChangesAsync(ct);

            // The job says "succeeded" in the same transaction as its rows: a crash right after the commit cannot leave the
            // rows saved under a job that looks cut off (and would be run again, adding every row twice).
            var now = Now;
            await db.ImportJobs.Where(j => j.Id == job.Id).ExecuteUpdateAsync(
                set => set.SetProperty(j => j.Status, ImportStatus.Succeeded).SetProperty(j => j.RowsApplied, applied).SetProperty(j => j.FinishedAtUtc, now),
                ct);
            await transaction.CommitAsync(ct);
            return applied;
        }
        catch (DbUpdateException e)
        {
            await transaction.RollbackAsync(CancellationToken.None);
            var detail = e.InnerException?.Message ?? e.Message;
            var problem = new ImportProblem(null, "import.saveFailed", detail, new Dictionary<string, string?> { ["detail"] = detail });
            errors.Add(current?.Line ?? 0, null, problem, current?.Cells ?? []);
            return null;
        }
    }

    private static int Percent(ImportJob job, double fraction, bool applying)
    {
        // Checking is the whole job for a dry run, half of it otherwise.
        var share = job.DryRun ? 100 : 50;
        return (int)Math.Round((applying ? 50 : 0) + (fraction * share));
    }

    private DateTime Now => time.GetUtcNow().UtcDateTime;

    private sealed class Checked
    {
        public int Read { get; set; }

        public int Valid { get; set; }

        public int Invalid { get; set; }

        public HashSet<int> InvalidLines { get; } = [];
    }

    /// <summary>Keeps the first errors of a job, written in batches through the job's own context.</summary>
    private sealed class ErrorLog(SalesFlowDbContext jobs, Guid jobId, int max)
    {
        private int kept;

        public void Add(int line, string? column, ImportProblem problem, IReadOnlyList<string?> row)
        {
            if (kept++ < max)
            {
                jobs.ImportRowErrors.Add(new ImportRowError(jobId, line, column, problem, row));
            }
        }

        public async Task FlushAsync(CancellationToken ct) => await jobs.SaveChangesAsync(ct);
    }
}
