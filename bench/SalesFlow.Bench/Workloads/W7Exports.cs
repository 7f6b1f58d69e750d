using System.Text;
using Npgsql;
using SalesFlow.Bench.Running;
using SalesFlow.Core.Common;
using SalesFlow.Core.Customers;
using SalesFlow.Core.Exports;

namespace SalesFlow.Bench.Workloads;

/// <summary>
/// W7: the director's customer export (every customer: 1M at L) to CSV and to XLSX through the product's own path
/// (<see cref="ExportQueries.CustomersAsync"/> written by <see cref="TableFile"/>, as the export endpoint streams it),
/// against the database's own fastest CSV: PostgreSQL <c>COPY (query) TO STDOUT (FORMAT csv)</c>, on SQLite a plain data
/// reader writing CSV text, with the same columns, joins and order. Both write a file; the answers compared are the row
/// count, a hash of the customer numbers and the first and last 100 rows (the baseline's cells made formula-safe by the
/// product's rule before comparing); the XLSX is read back and must hold no formula. Targets: CSV ≥ 0.3× and XLSX ≥ 0.1×
/// the baseline's throughput, the product's peak memory ≤ 200 MB.
/// </summary>
internal sealed class W7Exports : IWorkload
{
    public const double MemoryLimitMb = 200;

    private const int Columns = 11;

    public string Name => "W7";

    public string Title => "customer export to CSV and XLSX";

    public async Task<IReadOnlyList<BenchResult>> RunAsync(BenchRun run, CancellationToken ct)
    {
        var director = await run.ActorAsync("director", ct);
        var exports = run.Services.GetRequiredService<ExportQueries>();
        var sql = new PlainSql(run.Database);
        var folder = Directory.CreateTempSubdirectory("salesflow-bench-w7-");
        var productCsv = Path.Combine(folder.FullName, "product.csv");
        var productXlsx = Path.Combine(folder.FullName, "product.xlsx");
        var baselineCsv = Path.Combine(folder.FullName, "baseline.csv");
        try
        {
            await RemoveHostileAsync(sql);
            await AddHostileAsync(sql, ct);
            var times = new Times();
            var queries = (await SqlCapture.CaptureAsync(() => ProductAsync(exports, director, TableFormat.Csv, productCsv, ct))).Count;
            for (var pair = -1; pair < run.Pairs; pair++)
            {
                if (pair % 2 == 0)
                {
                    times.Baseline.Add(await TimedAsync(() => BaselineAsync(sql, baselineCsv, ct)));
                }

                await times.ProductAsync(TableFormat.Csv, () => ProductAsync(exports, director, TableFormat.Csv, productCsv, ct));
                await times.ProductAsync(TableFormat.Xlsx, () => ProductAsync(exports, director, TableFormat.Xlsx, productXlsx, ct));

                if (pair % 2 != 0)
                {
                    times.Baseline.Add(await TimedAsync(() => BaselineAsync(sql, baselineCsv, ct)));
                }

                if (pair == -1 || pair == run.Pairs - 1)
                {
                    times.Rows = Check(productCsv, productXlsx, baselineCsv);
                }

                if (pair == -1)
                {
                    times.Clear();
                }
            }

            return [Result(run, times, TableFormat.Csv, queries), Result(run, times, TableFormat.Xlsx, queries)];
        }
        finally
        {
            await RemoveHostileAsync(sql);
            folder.Delete(recursive: true);
        }
    }

    /// <summary>The export as the endpoint sends it: the product's table written by <see cref="TableFile"/> to a file.</summary>
    private static async Task ProductAsync(ExportQueries exports, Actor director, TableFormat format, string path, CancellationToken ct)
    {
        var table = await exports.CustomersAsync(director, new CustomerFilter(), null, ct);
        var export = table.Value ?? throw new InvalidOperationException(table.Error?.Message);
        await using var file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16, FileOptions.Asynchronous);
        await TableFile.WriteAsync(file, format, export.Headers, export.Rows, ct);
    }

    /// <summary>The same columns as the product's export, read in the customer list's default order (name, then id).</summary>
    private static string Query(bool sqlite) => $"""
        SELECT c.number AS "number", c.name AS "name", c.type AS "type", c.class AS "class", c.value_tier AS "valueTier",
               c.industry AS "industry", r.name AS "region", e.name AS "owner", c.phone AS "phone",
               {(sqlite ? "trim(c.tags, ',')" : "btrim(c.tags, ',')")} AS "tags",
               {(sqlite ? "substr(c.created_at_utc, 1, 19) || 'Z'" : "to_char(c.created_at_utc AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS\"Z\"')")} AS "createdAt"
        FROM customers c
        JOIN org_units r ON r.id = c.region_id
        JOIN employees e ON e.id = c.owner_id
        WHERE {(sqlite ? "c.is_deleted = 0" : "NOT c.is_deleted")}
        ORDER BY c.name, c.id
        """;

    private static async Task BaselineAsync(PlainSql sql, string path, CancellationToken ct)
    {
        await using var connection = await sql.OpenAsync(ct);
        await using var file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16, FileOptions.Asynchronous);
        await using var writer = new StreamWriter(file, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), 1 << 16);
        if (connection is NpgsqlConnection postgres)
        {
            using var copy = await postgres.BeginTextExportAsync($"COPY ({Query(sqlite: false)}) TO STDOUT (FORMAT csv, HEADER)", ct);
            var buffer = new char[1 << 16];
            int read;
            while ((read = await copy.ReadAsync(buffer, ct)) > 0)
            {
                await writer.WriteAsync(buffer.AsMemory(0, read), ct);
            }

            return;
        }

        await using var command = sql.Command(connection, Query(sqlite: true), new Dictionary<string, object>());
        await using var reader = await command.ExecuteReaderAsync(ct);
        await writer.WriteLineAsync(string.Join(',', Enumerable.Range(0, reader.FieldCount).Select(reader.GetName)));
        var cells = new string?[reader.FieldCount];
        while (await reader.ReadAsync(ct))
        {
            for (var i = 0; i < cells.Length; i++)
            {
                cells[i] = reader.IsDBNull(i) ? null : reader.GetString(i);
            }

            await writer.WriteLineAsync(string.Join(',', cells.Select(Quoted)));
        }
    }

    private static string Quoted(string? value) =>
        value is null ? "" : value.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + value.Replace("\"", "\"\"") + "\"" : value;

    /// <summary>
    /// Customers whose cells could run as formulas (the generated company has none), named so they sort first and land
    /// in the compared head rows; removed again after the run.
    /// </summary>
    private static readonly (string Number, string Name, string? Phone, string? Industry)[] Hostile =
    [
        ("W7-FORMULA-1", "=HYPERLINK(\"http://example.com\",\"点我\")", "+8613800000000", "@SUM(A1:A9)"),
        ("W7-FORMULA-2", "+加号, \"引号\" 公司", "-1234.56", "-2+3"),
        ("W7-FORMULA-3", "@提及公司", " =1+1", "\t制表"),
    ];

    private static async Task AddHostileAsync(PlainSql sql, CancellationToken ct)
    {
        var copy = "type, class, value_tier, region_id, owner_id, org_unit_id, address, tags, credit_limit, payment_terms_days, is_deleted, version, " +
                   "created_at_utc, created_by, updated_at_utc, updated_by, credit_checked_at_utc, preferred_language";
        foreach (var (number, name, phone, industry) in Hostile)
        {
            var parameters = new Dictionary<string, object> { ["id"] = Guid.NewGuid(), ["number"] = number, ["name"] = name, ["phone"] = phone!, ["industry"] = industry! };
            await sql.ScalarAsync(
                $"INSERT INTO customers (id, number, name, phone, industry, {copy}) SELECT @id, @number, @name, @phone, @industry, {copy} FROM customers " +
                $"WHERE number = (SELECT MIN(number) FROM customers WHERE {(sql.IsSqlite ? "is_deleted = 0" : "NOT is_deleted")})",
                parameters,
                ct);
        }
    }

    private static async Task RemoveHostileAsync(PlainSql sql) =>
        await sql.ScalarAsync("DELETE FROM customers WHERE number LIKE 'W7-FORMULA-%'", new Dictionary<string, object>(), CancellationToken.None);

    /// <summary>Product CSV, product XLSX and baseline CSV hold the same rows; no product cell can run as a formula. Returns the row count.</summary>
    private long Check(string productCsv, string productXlsx, string baselineCsv)
    {
        var baseline = ExportDigest.OfCsv(baselineCsv);
        var product = ExportDigest.OfCsv(productCsv);
        if (product.DifferenceFrom(baseline) is { } csv)
        {
            throw new BenchMismatchException($"{Name} CSV: the product and the baseline disagree: {csv}");
        }

        if (baseline.Unsafe < Hostile.Length || product.Unsafe > 0 || product.Neutralized != baseline.Unsafe)
        {
            throw new BenchMismatchException($"{Name} CSV: {baseline.Unsafe} cells could run as formulas, the product neutralized {product.Neutralized} and left {product.Unsafe}.");
        }

        var (xlsx, formulas) = ExportDigest.OfXlsx(productXlsx, Columns);
        if (xlsx.DifferenceFrom(baseline) is { } differs)
        {
            throw new BenchMismatchException($"{Name} XLSX: the product and the baseline disagree: {differs}");
        }

        if (formulas > 0 || xlsx.Unsafe > 0 || xlsx.Neutralized != baseline.Unsafe)
        {
            throw new BenchMismatchException($"{Name} XLSX: {formulas} formula cells, {xlsx.Unsafe} cells left unsafe, {xlsx.Neutralized} of {baseline.Unsafe} neutralized.");
        }

        return baseline.Rows;
    }

    private static async Task<double> TimedAsync(Func<Task> action) => (await AbRunner.TimeAsync(async _ => { await action(); return 0; }, CancellationToken.None)).Ms;

    private BenchResult Result(BenchRun run, Times times, TableFormat format, int queries)
    {
        var (product, share, heap, workingSet, growth) = format == TableFormat.Csv
            ? (times.Csv, 0.3, times.CsvHeapMb, times.CsvWorkingSetMb, times.CsvGrowthMb)
            : (times.Xlsx, 0.1, times.XlsxHeapMb, times.XlsxWorkingSetMb, times.XlsxGrowthMb);
        var result = AbRunner.Summarize(run, Name, $"customers {format.ToString().ToUpperInvariant()} vs baseline CSV", product, times.Baseline, BenchTarget.Throughput(share),
            $"peak memory ≤ {MemoryLimitMb:0} MB: {(workingSet <= MemoryLimitMb ? "met" : "MISSED")}");
        result.Figures["rows"] = times.Rows;
        result.Figures["product_rows_per_s"] = times.Rows / Math.Max(AbRunner.Median(product) / 1000, 1e-9);
        result.Figures["baseline_rows_per_s"] = times.Rows / Math.Max(AbRunner.Median(times.Baseline) / 1000, 1e-9);
        result.Figures["product_queries"] = queries;
        result.Figures["peak_heap_mb"] = heap;
        result.Figures["peak_working_set_mb"] = workingSet;
        result.Figures["working_set_growth_mb"] = growth;
        return result;
    }

    private sealed class Times
    {
        public List<double> Csv { get; } = [];

        public List<double> Xlsx { get; } = [];

        public List<double> Baseline { get; } = [];

        public long Rows { get; set; }

        public double CsvHeapMb { get; private set; }

        public double CsvWorkingSetMb { get; private set; }

        public double XlsxHeapMb { get; private set; }

        public double XlsxWorkingSetMb { get; private set; }

        public double CsvGrowthMb { get; private set; }

        public double XlsxGrowthMb { get; private set; }

        /// <summary>Times one product export and keeps the highest memory any of them needed.</summary>
        public async Task ProductAsync(TableFormat format, Func<Task> export)
        {
            var memory = MemorySampler.Start();
            try
            {
                (format == TableFormat.Csv ? Csv : Xlsx).Add(await TimedAsync(export));
            }
            finally
            {
                await memory.DisposeAsync();
            }

            Observe(memory, format);
        }

        private void Observe(MemorySampler memory, TableFormat format)
        {
            if (format == TableFormat.Csv)
            {
                (CsvHeapMb, CsvWorkingSetMb) = (Math.Max(CsvHeapMb, memory.PeakHeapMb), Math.Max(CsvWorkingSetMb, memory.PeakWorkingSetMb));
                CsvGrowthMb = Math.Max(CsvGrowthMb, memory.WorkingSetGrowthMb);
            }
            else
            {
                (XlsxHeapMb, XlsxWorkingSetMb) = (Math.Max(XlsxHeapMb, memory.PeakHeapMb), Math.Max(XlsxWorkingSetMb, memory.PeakWorkingSetMb));
                XlsxGrowthMb = Math.Max(XlsxGrowthMb, memory.WorkingSetGrowthMb);
            }
        }

        /// <summary>The warm-up pair counts for the answer check only.</summary>
        public void Clear()
        {
            Csv.Clear();
            Xlsx.Clear();
            Baseline.Clear();
        }
    }
}
