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
/// A kind that only adds (leads) does both in one pass: see <see cref="CheckAndAddAsync"/>.
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
        var onePass = rows.AddsOnly && !job.DryRun;
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

            result = onePass ? await CheckAndAddAsync(job, actor, rows, map, reader, errors, ct) : await CheckAsync(job, actor, rows, map, reader, errors, ct);
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
        if (onePass)
        {
            if (result.ApplyFailed)
            {
                job.Fail("import.applyFailed", Now);
            }
            else
            {
                job.Finish(result.Applied is null && result.Invalid > 0 ? ImportStatus.Rejected : ImportStatus.Succeeded, result.Applied ?? 0, Now);
            }

            await errors.FlushAsync(ct);
            await jobs.SaveChangesAsync(ct);
            return;
        }

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
            var fromFile = FileProblems(rows, map, chunk, duplicates);
            Tally(result, map, chunk, fromFile, await rows.CheckManyAsync(db, actor, map, chunk, ct), errors);
            db.ChangeTracker.Clear();
            await errors.FlushAsync(ct);
            progress.Report(job.Id, new(result.Read, result.Valid, result.Invalid, 0, Percent(job, reader.Fraction, applying: false)));
        }

        await errors.FlushAsync(ct);
        return result;
    }

    /// <summary>
    /// The one pass of a kind that only adds (leads), in the import's single transaction: each chunk is checked and its
    /// valid rows added at once. Before, the whole file was read and checked a second time inside the transaction, a
    /// third of a 1M-lead import at L. The checks see the file's earlier rows, saved in the transaction; the duplicate rule
    /// inside the file stands for them (see <see cref="ImportRows.CheckAndAddManyAsync"/>). A job applied whole stops adding
    /// at its first invalid row, rolls back, and checks the rest as a dry run would. Errors are written only while no
    /// transaction is open: on SQLite the import's transaction holds the only write lock.
    /// </summary>
    private async Task<Checked> CheckAndAddAsync(ImportJob job, Actor actor, ImportRows rows, HeaderMap map, TabularReader reader, ErrorLog errors, CancellationToken ct)
    {
        await using var db = await dbFactory.OpenAsync(actor, ct);
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        var transaction = await db.BeginAllOrNothingAsync(ct);
        var duplicates = new InFileDuplicates();
        var result = new Checked();
        var applied = 0;
        TabularRow? current = null;
        try
        {
            foreach (var chunk in reader.Rows().Chunk(options.BatchSize))
            {
                current = chunk[^1];
                var fromFile = FileProblems(rows, map, chunk, duplicates);
                var answers = await rows.CheckAndAddManyAsync(db, actor, map, chunk, [.. fromFile.Select(p => p.Count > 0)], add: transaction is not null, Now, ct);
                var validBefore = result.Valid;
                Tally(result, map, chunk, fromFile, answers, errors);
                if (transaction is not null && result.Invalid > 0 && (!job.ApplyValidRowsOnly || rows.AllOrNothing))
                {
                    db.ChangeTracker.Clear();
                    await transaction.RollbackAsync(ct);
                    await transaction.DisposeAsync();
                    transaction = null;
                }
                else if (transaction is not null)
                {
                    await BulkInsert.SaveAddedAsync(db, ct);
                    applied += result.Valid - validBefore;
                }

                db.ChangeTracker.Clear();
                if (transaction is null)
                {
                    await errors.FlushAsync(ct);
                }

                progress.Report(job.Id, new(result.Read, result.Valid, result.Invalid, applied, (int)Math.Round(reader.Fraction * 100)));
            }

            if (transaction is not null && result.Valid > 0)
            {
                await rows.FinishAsync(db, ct);
                await db.SaveChangesAsync(ct);

                // As the two-pass apply does: "succeeded" is committed with the rows (see ApplyAsync).
                var now = Now;
                var (read, valid, invalid) = (result.Read, result.Valid, result.Invalid);
                await db.ImportJobs.Where(j => j.Id == job.Id).ExecuteUpdateAsync(
                    set => set.SetProperty(j => j.Status, ImportStatus.Succeeded).SetProperty(j => j.RowsRead, read).SetProperty(j => j.RowsValid, valid)
                        .SetProperty(j => j.RowsInvalid, invalid).SetProperty(j => j.RowsApplied, applied).SetProperty(j => j.FinishedAtUtc, now),
                    ct);
                await transaction.CommitAsync(ct);
                result.Applied = applied;
            }
        }
        catch (DbUpdateException e)
        {
            if (transaction is not null)
            {
                await transaction.RollbackAsync(CancellationToken.None);
            }

            errors.Add(current?.Line ?? 0, null, SaveFailed(e), current?.Cells ?? []);
            result.ApplyFailed = true;
        }
        finally
        {
            if (transaction is not null)
            {
                await transaction.DisposeAsync();
            }
        }

        return result;
    }

    /// <summary>
    /// What the file itself says is wrong with each row: a row the file garbled (shifted cells, bytes of another encoding) is
    /// reported for that alone, its cells' other errors being the garbling's echoes; otherwise its duplicates inside the file.
    /// </summary>
    private static List<ImportProblem>[] FileProblems(ImportRows rows, HeaderMap map, TabularRow[] chunk, InFileDuplicates duplicates) =>
        [.. chunk.Select(row => row.Problem is { } asWritten ? [asWritten] : duplicates.See(row.Line, rows.UniqueKeys(map, row)).ToList())];

    /// <summary>Counts a checked chunk and logs its errors: the file's own problems, then (unless garbled) the rules'.</summary>
    private static void Tally(Checked result, HeaderMap map, TabularRow[] chunk, List<ImportProblem>[] fromFile, IReadOnlyList<Error?> answers, ErrorLog errors)
    {
        for (var i = 0; i < chunk.Length; i++)
        {
            var row = chunk[i];
            var problems = fromFile[i];
            if (row.Problem is null && answers[i] is { } error)
            {
                problems.AddRange(ImportProblem.From(error));
            }

            result.Read++;
            if (problems.Count == 0)
            {
                result.Valid++;
                continue;
            }

            result.Invalid++;
            result.InvalidLines.Add(row.Line);
            foreach (var problem in problems)
            {
                errors.Add(row.Line, map.HeaderOf(problem.Field), problem, row.Cells);
            }
        }
    }

    private static ImportProblem SaveFailed(DbUpdateException e)
    {
        var detail = e.InnerException?.Message ?? e.Message;
        return new ImportProblem(null, "import.saveFailed", detail, new Dictionary<string, string?> { ["detail"] = detail });
    }

    private async Task<int?> ApplyAsync(ImportJob job, Actor actor, ImportRows rows, HeaderMap map, string path, Checked valid, ErrorLog errors, CancellationToken ct)
    {
        using var reader = TabularFile.Open(path);
        await using var db = await dbFactory.OpenAsync(actor, ct);
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
                await db.SaveChangesAsync(ct);

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
            errors.Add(current?.Line ?? 0, null, SaveFailed(e), current?.Cells ?? []);
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

        /// <summary>One pass only: the rows committed, null when nothing was.</summary>
        public int? Applied { get; set; }

        /// <summary>One pass only: saving failed and everything was rolled back.</summary>
        public bool ApplyFailed { get; set; }
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
