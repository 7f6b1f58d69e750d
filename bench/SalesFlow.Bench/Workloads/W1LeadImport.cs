using System.Globalization;
using Microsoft.EntityFrameworkCore;
using SalesFlow.Bench.Data;
using SalesFlow.Bench.Running;
using SalesFlow.Core.Common;
using SalesFlow.Core.Data;
using SalesFlow.Core.Imports;
using SalesFlow.Core.Leads;

namespace SalesFlow.Bench.Workloads;

/// <summary>
/// W1: a lead file (1M rows at L) through the product's import pipeline exactly as the web worker runs it — upload by
/// <see cref="StartImportHandler"/>, then <see cref="ImportRunner"/> as the director, checking every row (validation,
/// duplicates against leads/contacts/customers and inside the file, region and owner resolution), applying the valid
/// rows only, with the audit trail — against the same valid rows written by the bulk path (PostgreSQL binary COPY,
/// SQLite prepared inserts in one transaction). Both must land the same leads; the product must report the planted bad
/// rows by reason. Between runs the imported leads, their audit lines and the jobs are deleted (not timed).
/// </summary>
internal sealed class W1LeadImport : IWorkload
{
    private const double MemoryTargetMb = 300;

    public string Name => "W1";

    public string Title => "lead import";

    public async Task<IReadOnlyList<BenchResult>> RunAsync(BenchRun run, CancellationToken ct)
    {
        var director = await run.ActorAsync("director", ct);
        var file = new LeadImportFile(run.Database.Scale);
        var imported = new ImportedLeads(new PlainSql(run.Database));
        var path = Path.Combine(Path.GetTempPath(), $"salesflow-bench-w1-{Guid.NewGuid():N}.csv");
        await file.WriteAsync(path, ct);
        var expected = ExpectedOf(file, run.Services.GetRequiredService<ImportOptions>().MaxStoredErrors);
        var resolved = new ResolvedOwners(file.Count);
        var productTimes = new List<double>();
        var baselineTimes = new List<double>();
        var checkShares = new List<double>();
        double peakHeap = 0, peakWorkingSet = 0;
        try
        {
            await imported.DeleteAsync(ct);
            for (var pair = -1; pair < run.Pairs; pair++)
            {
                // The warm-up pair runs the product first: the baseline writes the owners the product chose.
                foreach (var productTurn in pair % 2 == 0 ? new[] { false, true } : [true, false])
                {
                    if (productTurn)
                    {
                        (Guid Id, double CheckMs) job;
                        double ms;
                        var memory = MemorySampler.Start();
                        await using (memory)
                        {
                            (job, ms) = await AbRunner.TimeAsync(c => ImportAsync(run, director, path, c), ct);
                        }

                        var jobId = job.Id;
                        run.Progress(string.Create(CultureInfo.InvariantCulture, $"W1 pair {pair}: product {ms / 1000:0.0} s, checking {job.CheckMs / 1000:0.0} s of it"));

                        peakHeap = Math.Max(peakHeap, memory.PeakHeapMb);
                        peakWorkingSet = Math.Max(peakWorkingSet, memory.PeakWorkingSetMb);

                        var answer = await ProductAnswerAsync(run, imported, jobId, pair == -1 ? resolved : null, ct);
                        Compare(answer, expected);
                        if (pair >= 0)
                        {
                            productTimes.Add(ms);
                            checkShares.Add(job.CheckMs / ms);
                        }
                    }
                    else
                    {
                        var (_, ms) = await AbRunner.TimeAsync(c => BulkAsync(run, file, resolved, director, c), ct);
                        run.Progress(string.Create(CultureInfo.InvariantCulture, $"W1 pair {pair}: baseline {ms / 1000:0.0} s"));
                        Compare(await imported.ReadAsync(null, ct), expected);
                        if (pair >= 0)
                        {
                            baselineTimes.Add(ms);
                        }
                    }

                    await imported.DeleteAsync(ct);
                }
            }
        }
        finally
        {
            await imported.DeleteAsync(CancellationToken.None);
            File.Delete(path);
        }

        var rows = expected.Valid;
        var memoryVerdict = peakWorkingSet <= MemoryTargetMb ? "met" : "MISSED";
        var result = AbRunner.Summarize(run, Name, $"{file.Count:N0} rows, valid only", productTimes, baselineTimes, BenchTarget.Throughput(0.5),
            $"peak memory ≤ {MemoryTargetMb:0} MB: {memoryVerdict}");
        return
        [
            result with
            {
                Figures = new Dictionary<string, double>
                {
                    ["product rows/s"] = rows / (result.ProductMs / 1000),
                    ["baseline rows/s"] = rows / (result.BaselineMs / 1000),
                    ["product peak working set MB"] = peakWorkingSet,
                    ["product peak heap MB"] = peakHeap,
                    ["product check pass share"] = AbRunner.Median(checkShares),
                    ["memory target MB"] = MemoryTargetMb,
                },
            },
        ];
    }

    /// <summary>
    /// Upload and run, as the endpoint and the worker do (the queue is left to the worker; here the run is awaited). Also
    /// when the apply pass saved its first chunk, read from the job's progress as the import screen reads it: how the time
    /// splits between checking every row and applying the valid ones.
    /// </summary>
    private static async Task<(Guid Id, double CheckMs)> ImportAsync(BenchRun run, Actor director, string path, CancellationToken ct)
    {
        var begun = System.Diagnostics.Stopwatch.GetTimestamp();
        await using var scope = run.Services.CreateAsyncScope();
        Guid jobId;
        await using (var content = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, useAsync: true))
        {
            var started = await scope.ServiceProvider.GetRequiredService<StartImportHandler>().HandleAsync(
                new StartImport(ImportKind.Leads, ImportedLeads.FileName, content, DryRun: false, ApplyValidRowsOnly: true), director, ct);
            jobId = started.IsSuccess ? started.Value!.Id : throw new InvalidOperationException($"W1: the upload was refused: {started.Error}");
        }

        var progress = scope.ServiceProvider.GetRequiredService<ImportProgress>();
        var checkMs = 0.0;
        using var done = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var watch = Task.Run(
            async () =>
            {
                while (!done.IsCancellationRequested && checkMs == 0)
                {
                    if (progress.Of(jobId) is { RowsApplied: > 0 })
                    {
                        checkMs = System.Diagnostics.Stopwatch.GetElapsedTime(begun).TotalMilliseconds;
                    }

                    await Task.Delay(20, CancellationToken.None);
                }
            },
            CancellationToken.None);
        await scope.ServiceProvider.GetRequiredService<ImportRunner>().RunAsync(jobId, ct);
        await done.CancelAsync();
        await watch;
        return (jobId, checkMs);
    }

    /// <summary>
    /// The bulk path: the file's valid rows as <see cref="Lead"/> records, with the region, owner and unit the product
    /// resolved for each (read back from the warm-up import, not recomputed: the baseline measures writing, not the rules).
    /// </summary>
    private static async Task<long> BulkAsync(BenchRun run, LeadImportFile file, ResolvedOwners resolved, Actor actor, CancellationToken ct)
    {
        Microsoft.EntityFrameworkCore.Metadata.IModel model;
        await using (var db = await run.Services.GetRequiredService<IDbContextFactory<SalesFlowDbContext>>().CreateDbContextAsync(ct))
        {
            model = db.Model;
        }

        var now = DateTime.UtcNow;
        await using var writer = await BulkWriter.OpenAsync(run.Database, model, ct);
        return await writer.WriteAsync(
            file.Rows().Where(r => r.Bad == BadLead.None).Select(r =>
            {
                var (region, owner, unit) = resolved.Of(r.Index);
                var lead = new Lead(r.Name, r.Company, r.Mobile, r.Email, r.Source, region, r.Needs).Stamped(now, actor.UserName);
                lead.AssignTo(owner, unit, now);
                return lead;
            }),
            ct);
    }

    private static async Task<Answer> ProductAnswerAsync(BenchRun run, ImportedLeads imported, Guid jobId, ResolvedOwners? learn, CancellationToken ct)
    {
        await using var db = await run.Services.GetRequiredService<IDbContextFactory<SalesFlowDbContext>>().CreateDbContextAsync(ct);
        var job = await db.ImportJobs.AsNoTracking().SingleAsync(j => j.Id == jobId, ct);
        var codes = await db.ImportRowErrors.Where(e => e.JobId == jobId).GroupBy(e => e.Code).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        var (count, checksum) = await imported.ReadAsync(learn is null ? null : learn.Learn, ct);
        return new Answer(count, checksum, $"{job.Status} read {job.RowsRead} valid {job.RowsValid} invalid {job.RowsInvalid} applied {job.RowsApplied}",
            Codes(codes.Select(c => (c.Key, c.Count))));
    }

    /// <summary>What the file says the import must report: every row read, the planted bad rows refused, the first kept errors by code.</summary>
    private static Expected ExpectedOf(LeadImportFile file, int maxStoredErrors)
    {
        var bad = file.Rows().Where(r => r.Bad != BadLead.None).ToList();
        var valid = file.Count - bad.Count;
        var codes = bad.Take(maxStoredErrors).GroupBy(r => LeadImportFile.CodeOf(r.Bad)).Select(g => (g.Key, g.Count()));
        return new Expected(valid, $"{ImportStatus.Succeeded} read {file.Count} valid {valid} invalid {bad.Count} applied {valid}", Codes(codes));
    }

    private static string Codes(IEnumerable<(string Code, int Count)> codes) =>
        string.Join(", ", codes.OrderBy(c => c.Code, StringComparer.Ordinal).Select(c => $"{c.Code} {c.Count}"));

    private static void Compare(Answer product, Expected expected)
    {
        if (product.Job != expected.Job || product.Errors != expected.Errors || product.Count != expected.Valid)
        {
            throw new BenchMismatchException($"W1: the import reported \"{product.Job}; {product.Errors}\" and stored {product.Count} leads; " +
                                             $"the file needs \"{expected.Job}; {expected.Errors}\"");
        }

        expected.Checksum ??= product.Checksum;
        if (product.Checksum != expected.Checksum)
        {
            throw new BenchMismatchException($"W1: the import stored different leads than the first run (checksum {product.Checksum:x} vs {expected.Checksum:x})");
        }
    }

    private static void Compare((int Count, ulong Checksum) baseline, Expected expected)
    {
        if (baseline.Count != expected.Valid || baseline.Checksum != expected.Checksum)
        {
            throw new BenchMismatchException($"W1: the baseline stored {baseline.Count} leads (checksum {baseline.Checksum:x}); the product {expected.Valid} (checksum {expected.Checksum:x})");
        }
    }

    private sealed record Answer(int Count, ulong Checksum, string Job, string Errors);

    private sealed record Expected(int Valid, string Job, string Errors)
    {
        /// <summary>The checksum of the leads the first product run stored; every later run of either path must match it.</summary>
        public ulong? Checksum { get; set; }
    }

    /// <summary>
    /// Region, owner and unit per row of the file, as the product resolved them; compact (a small index per row) so that
    /// holding them does not count against the product's memory.
    /// </summary>
    private sealed class ResolvedOwners(int rows)
    {
        private readonly short[] _slot = Enumerable.Repeat((short)-1, rows).ToArray();
        private readonly List<(Guid? Region, Guid Owner, Guid Unit)> _values = [];
        private readonly Dictionary<(Guid?, Guid, Guid), short> _slots = [];

        public void Learn(StoredLead lead)
        {
            var key = (lead.RegionId is null ? (Guid?)null : Guid.Parse(lead.RegionId), Guid.Parse(lead.OwnerId), Guid.Parse(lead.UnitId));
            if (!_slots.TryGetValue(key, out var slot))
            {
                slot = (short)_values.Count;
                _values.Add(key);
                _slots[key] = slot;
            }

            _slot[LeadImportFile.IndexOfMobile(lead.Mobile)] = slot;
        }

        public (Guid? Region, Guid Owner, Guid Unit) Of(int index) =>
            _slot[index] >= 0 ? _values[_slot[index]] : throw new BenchMismatchException($"W1: the product did not import the valid row at line {index + 2}.");
    }
}
