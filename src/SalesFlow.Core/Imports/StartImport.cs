using Microsoft.EntityFrameworkCore;
using SalesFlow.Core.Common;
using SalesFlow.Core.Data;

namespace SalesFlow.Core.Imports;

/// <summary>An upload: the file's name and content, what it holds, and whether to save anything.</summary>
public sealed record StartImport(ImportKind Kind, string FileName, Stream Content, bool DryRun, bool ApplyValidRowsOnly = false);

/// <summary>Keeps the file under the data folder, records the job and queues it for the worker; the caller polls the job.</summary>
public sealed class StartImportHandler(
    IDbContextFactory<SalesFlowDbContext> dbFactory, ImportOptions options, ImportQueue queue, ImportQueries queries, TimeProvider time)
{
    public async Task<Result<ImportJobView>> HandleAsync(StartImport request, Actor actor, CancellationToken ct)
    {
        if ((actor.Require(ImportPermissions.Run) ?? actor.Require(ImportRows.For(request.Kind).Permission)) is { } denied)
        {
            return denied;
        }

        var extension = Path.GetExtension(request.FileName).ToLowerInvariant();
        if (extension is not (".csv" or ".xlsx"))
        {
            return ImportErrors.UnsupportedFile;
        }

        var now = time.GetUtcNow().UtcDateTime;
        var job = new ImportJob(actor.UserId, actor.UserName, request.Kind, Path.GetFileName(request.FileName), request.DryRun, request.ApplyValidRowsOnly, now);
        var path = options.PathOf(job.Id);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await using (var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true))
        {
            await request.Content.CopyToAsync(file, ct);
            if (file.Length > options.MaxFileBytes)
            {
                file.Close();
                File.Delete(path);
                return ImportErrors.FileTooLarge;
            }
        }

        await using (var db = await dbFactory.OpenAsync(actor, ct))
        {
            // This instance has the file and runs the job; another takes it over only if this one dies.
            job.Lease(queue.Instance, now + options.Lease);
            db.ImportJobs.Add(job);
            await db.SaveChangesAsync(ct);
        }

        // Read before queueing, so the answer always shows the job as queued, not wherever the worker already is.
        var queued = await queries.GetAsync(actor, job.Id, ct);
        queue.Enqueue(job.Id);
        return queued;
    }
}
