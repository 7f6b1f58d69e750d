using SalesFlow.Core.Common;

namespace SalesFlow.Core.Imports;

public enum ImportKind
{
    Customers,
    Contacts,
    Leads,

    /// <summary>Dealers' monthly stock reports (进销存), one row per dealer, month and product; always all or nothing.</summary>
    StockReports,
}

public enum ImportStatus
{
    Queued,
    Validating,
    Applying,

    /// <summary>Every valid row was saved.</summary>
    Succeeded,

    /// <summary>A dry run validated every row and saved nothing.</summary>
    DryRunDone,

    /// <summary>Some rows were invalid and the caller did not ask to apply the valid ones only: nothing was saved.</summary>
    Rejected,

    /// <summary>The file could not be read, or applying failed and was rolled back: nothing was saved.</summary>
    Failed,
}

/// <summary>
/// One upload of customers, contacts or leads. The file waits under the data folder until the background
/// worker has validated (and, unless a dry run, applied) it; then it is deleted and only the counts and the
/// first row errors remain. Only the uploader and those who see everything may look at a job.
/// </summary>
public sealed class ImportJob : IHasId
{
    public const int FileNameMaxLength = 260;

    private ImportJob()
    {
    }

    public ImportJob(Guid userId, string userName, ImportKind kind, string fileName, bool dryRun, bool applyValidRowsOnly, DateTime nowUtc)
    {
        Id = Guid.CreateVersion7();
        UserId = userId;
        UserName = userName;
        Kind = kind;
        FileName = fileName.Length > FileNameMaxLength ? fileName[..FileNameMaxLength] : fileName;
        DryRun = dryRun;
        ApplyValidRowsOnly = applyValidRowsOnly;
        Status = ImportStatus.Queued;
        CreatedAtUtc = nowUtc;
    }

    public Guid Id { get; private set; }

    public Guid UserId { get; private set; }

    public string UserName { get; private set; } = "";

    public ImportKind Kind { get; private set; }

    public string FileName { get; private set; } = "";

    public bool DryRun { get; private set; }

    public bool ApplyValidRowsOnly { get; private set; }

    public ImportStatus Status { get; private set; }

    public int RowsRead { get; private set; }

    public int RowsValid { get; private set; }

    public int RowsInvalid { get; private set; }

    public int RowsApplied { get; private set; }

    /// <summary>The file's header row as read (JSON array), for the error file.</summary>
    public string? HeadersJson { get; private set; }

    /// <summary>Why a Failed job failed (an error code of the catalogue), when not a row's fault.</summary>
    public string? FailureCode { get; private set; }

    public DateTime CreatedAtUtc { get; private set; }

    public DateTime? StartedAtUtc { get; private set; }

    public DateTime? FinishedAtUtc { get; private set; }

    /// <summary>The app instance running the job (or that took the upload), until <see cref="LeasedUntilUtc"/>; it renews the lease while it runs.</summary>
    public string? LeaseHolder { get; private set; }

    /// <summary>When another instance may take the job over: a job whose runner died (a crash, a kill) is run again from the start after this.</summary>
    public DateTime? LeasedUntilUtc { get; private set; }

    /// <summary>How many times a runner has taken the job; a job that keeps cutting its runner off is failed after <c>Imports:MaxAttempts</c>.</summary>
    public int Attempts { get; private set; }

    public bool IsFinished => Status is ImportStatus.Succeeded or ImportStatus.DryRunDone or ImportStatus.Rejected or ImportStatus.Failed;

    public const int LeaseHolderMaxLength = 200;

    /// <summary>The instance that took the upload runs it first; others may take it once the lease has run out.</summary>
    public void Lease(string holder, DateTime untilUtc)
    {
        LeaseHolder = holder.Length > LeaseHolderMaxLength ? holder[..LeaseHolderMaxLength] : holder;
        LeasedUntilUtc = untilUtc;
    }

    /// <summary>
    /// A run cut off before it finished (its transaction was rolled back, so nothing of it was saved) starts over:
    /// the counts of the cut-off run are forgotten (its row errors are deleted by the runner).
    /// </summary>
    public void Restart()
    {
        Status = ImportStatus.Queued;
        (RowsRead, RowsValid, RowsInvalid, RowsApplied) = (0, 0, 0, 0);
        HeadersJson = null;
        StartedAtUtc = null;
    }

    public void StartValidating(IReadOnlyList<string> headers, DateTime nowUtc)
    {
        Status = ImportStatus.Validating;
        HeadersJson = System.Text.Json.JsonSerializer.Serialize(headers);
        StartedAtUtc = nowUtc;
    }

    public void Validated(int read, int valid, int invalid)
    {
        (RowsRead, RowsValid, RowsInvalid) = (read, valid, invalid);
    }

    public void StartApplying() => Status = ImportStatus.Applying;

    public void Finish(ImportStatus status, int applied, DateTime nowUtc)
    {
        Status = status;
        RowsApplied = applied;
        FinishedAtUtc = nowUtc;
    }

    public void Fail(string code, DateTime nowUtc)
    {
        Status = ImportStatus.Failed;
        FailureCode = code;
        RowsApplied = 0;
        FinishedAtUtc = nowUtc;
    }
}

/// <summary>One problem with one row: the line in the file, the column, the rule broken and the row as it was.</summary>
public sealed class ImportRowError
{
    private ImportRowError()
    {
    }

    public ImportRowError(Guid jobId, int line, string? column, ImportProblem problem, IReadOnlyList<string?> row)
    {
        Id = Guid.CreateVersion7();
        JobId = jobId;
        Line = line;
        Column = Cut(column, ColumnMaxLength);
        Field = Cut(problem.Field, ColumnMaxLength);
        Code = problem.Code;
        Message = Cut(problem.Message, MessageMaxLength)!;
        ArgsJson = problem.Args.Count == 0 ? null : System.Text.Json.JsonSerializer.Serialize(problem.Args.ToDictionary(a => a.Key, a => Cut(a.Value, CellMaxLength)));
        RowJson = System.Text.Json.JsonSerializer.Serialize(row.Select(cell => Cut(cell, CellMaxLength)));
    }

    public const int ColumnMaxLength = 100;
    public const int MessageMaxLength = 500;

    /// <summary>The most a cell of the error file holds (Excel's own limit); a longer cell of the file is kept cut, with "…".</summary>
    public const int CellMaxLength = 32_767;

    public Guid Id { get; private set; }

    public Guid JobId { get; private set; }

    public int Line { get; private set; }

    /// <summary>The column's header as the file spelled it.</summary>
    public string? Column { get; private set; }

    public string? Field { get; private set; }

    /// <summary>An error code (<c>lead.duplicate</c>) or a field rule (<c>field.required</c>).</summary>
    public string Code { get; private set; } = "";

    /// <summary>The English fallback; the caller's language comes from the catalogue by <see cref="Code"/>.</summary>
    public string Message { get; private set; } = "";

    public string? ArgsJson { get; private set; }

    public string RowJson { get; private set; } = "[]";

    private static string? Cut(string? text, int max) => text is null || text.Length <= max ? text : string.Concat(text.AsSpan(0, max - 1), "…");
}
