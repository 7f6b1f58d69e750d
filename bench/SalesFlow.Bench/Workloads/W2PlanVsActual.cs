using Microsoft.EntityFrameworkCore;
using SalesFlow.Bench.Running;
using SalesFlow.Core.Common;
using SalesFlow.Core.Data;
using SalesFlow.Core.Dealers;
using SalesFlow.Core.Dealers.Evaluations;
using SalesFlow.Core.Planning;
using SalesFlow.Core.Planning.Progress;
using SalesFlow.Core.Planning.Targets;

namespace SalesFlow.Bench.Workloads;

/// <summary>
/// W2: plan vs. actual roll-ups through the product's progress queries (which read the maintained monthly summaries)
/// and the dealer evaluation's facts (sell-in of every dealer in a quarter against its quarter target). Each is
/// compared with hand-written SQL over the same maintained totals (ad hoc: ≤ 1.25×) and, for the summary-backed ones, with SQL
/// that scans the raw order lines (the summaries must make it ≤ 0.05× of that).
/// </summary>
internal sealed class W2PlanVsActual : IWorkload
{
    private const string Booked = "('Confirmed', 'PartiallyFulfilled', 'Fulfilled')";

    public string Name => "W2";

    public string Title => "plan-vs-actual roll-up";

    public async Task<IReadOnlyList<BenchResult>> RunAsync(BenchRun run, CancellationToken ct)
    {
        var director = await run.ActorAsync("director", ct);
        var progress = run.Services.GetRequiredService<TargetProgressQueries>();
        var sql = new PlainSql(run.Database);
        var year = Period.OfYear(Data.Scale.LastMonth.Year);
        Guid company, region, team;
        await using (var db = await run.Services.GetRequiredService<IDbContextFactory<SalesFlowDbContext>>().CreateDbContextAsync(ct))
        {
            var roots = db.Targets.Where(t => t.Period == year.ToString() && t.Measure == TargetMeasure.Revenue && t.OwnerType == TargetOwnerType.OrgUnit);
            company = await roots.Where(t => t.ParentId == null).Select(t => t.Id).SingleAsync(ct);
            region = await roots.Where(t => t.ParentId == company).OrderBy(t => t.Id).Select(t => t.Id).FirstAsync(ct);
            team = await roots.Where(t => t.ParentId == region).OrderBy(t => t.Id).Select(t => t.Id).FirstAsync(ct);
        }

        var results = new List<BenchResult>();
        var adHoc = BenchTarget.AtMost(1.25, "≤ 1.25× ad hoc SQL");
        var raw = BenchTarget.AtMost(0.05, "≤ 0.05× raw-scan SQL");

        async Task<List<string>> Node(Guid id, CancellationToken c)
        {
            var node = (await progress.GetAsync(director, id, c)).Value!;
            return [.. node.Children.Prepend(node).OrderBy(n => n.OwnerId).Select(n => $"{n.OwnerId} {PlainSql.Amount(n.Target)} {PlainSql.Amount(n.Actual ?? 0m)}")];
        }

        async Task<List<string>> Months(Guid id, CancellationToken c) =>
            [.. (await progress.MonthsAsync(director, id, c)).Value!.Months.Select(m => $"{m.Month} {PlainSql.Amount(m.Actual ?? 0m)}")];

        foreach (var (name, id) in new[] { ("region×year", company), ("rep×year", team) })
        {
            results.Add(await AbRunner.CompareAsync(run, Name, name + " vs ad hoc", c => Node(id, c), c => NodeSqlAsync(sql, id, year, summaries: true, c), AbRunner.FirstDifference, adHoc, ct));
            results.Add(await AbRunner.CompareAsync(run, Name, name + " vs raw scan", c => Node(id, c), c => NodeSqlAsync(sql, id, year, summaries: false, c), AbRunner.FirstDifference, raw, ct));
        }

        foreach (var (name, id) in new[] { ("company×month", company), ("region×month", region) })
        {
            results.Add(await AbRunner.CompareAsync(run, Name, name + " vs ad hoc", c => Months(id, c), c => MonthsSqlAsync(sql, id, year, summaries: true, c), AbRunner.FirstDifference, adHoc, ct));
            results.Add(await AbRunner.CompareAsync(run, Name, name + " vs raw scan", c => Months(id, c), c => MonthsSqlAsync(sql, id, year, summaries: false, c), AbRunner.FirstDifference, raw, ct));
        }

        results.Add(await DealerQuartersAsync(run, sql, adHoc, ct));
        return results;
    }

    /// <summary>A node and its split children: each one's target and the actual of its subtree (units) or its own (people).</summary>
    private static Task<List<string>> NodeSqlAsync(PlainSql sql, Guid node, Period year, bool summaries, CancellationToken ct)
    {
        var (facts, unitColumn, ownerColumn) = summaries
            ? ($"SELECT org_unit_id, owner_id, amount FROM sales_month_totals WHERE month_start BETWEEN @first AND @last", "org_unit_id", "owner_id")
            : ($"SELECT o.org_unit_id, o.owner_id, l.net_amount AS amount FROM orders o JOIN order_lines l ON l.order_id = o.id " +
               $"WHERE o.order_date BETWEEN @first AND @last AND o.status IN {Booked}", "org_unit_id", "owner_id");
        var text = $"""
            WITH facts AS ({facts}),
            nodes AS (SELECT id, owner_type, owner_id, amount FROM targets WHERE id = @node OR (parent_id = @node AND origin = 'Split'))
            SELECT n.owner_id, n.amount,
              CASE WHEN n.owner_type = 'OrgUnit'
                THEN (SELECT SUM(f.amount) FROM facts f JOIN org_units fu ON fu.id = f.{unitColumn} JOIN org_units nu ON nu.id = n.owner_id WHERE fu.path LIKE nu.path || '%')
                ELSE (SELECT SUM(f.amount) FROM facts f WHERE f.{ownerColumn} = n.owner_id) END
            FROM nodes n
            """;
        return Lines(sql, text, node, year, r => (sql.Guid(r, 0), $"{sql.Guid(r, 0)} {PlainSql.Amount(sql.Quantity(r, 1))} {PlainSql.Amount(sql.Money(r, 2))}"), ct);
    }

    /// <summary>The node's actual per month of its year.</summary>
    private static async Task<List<string>> MonthsSqlAsync(PlainSql sql, Guid node, Period year, bool summaries, CancellationToken ct)
    {
        var facts = summaries
            ? $"SELECT s.org_unit_id, {sql.MonthOf("s.month_start")} AS month, s.amount FROM sales_month_totals s WHERE s.month_start BETWEEN @first AND @last"
            : $"SELECT o.org_unit_id, {sql.MonthOf("o.order_date")} AS month, l.net_amount AS amount FROM orders o JOIN order_lines l ON l.order_id = o.id " +
              $"WHERE o.order_date BETWEEN @first AND @last AND o.status IN {Booked}";
        var text = $"""
            SELECT f.month, SUM(f.amount) FROM ({facts}) f
            WHERE f.org_unit_id IN (SELECT u.id FROM org_units u, org_units n, targets t WHERE t.id = @node AND n.id = t.owner_id AND u.path LIKE n.path || '%')
            GROUP BY f.month
            """;
        var sums = (await Lines(sql, text, node, year, r => (r.GetString(0), $"{r.GetString(0)} {PlainSql.Amount(sql.Money(r, 1))}"), ct))
            .Select(l => l.Split(' ')).ToDictionary(p => p[0], p => p[1]);
        return [.. year.Children(PeriodKind.Month).Select(m => $"{m} {sums.GetValueOrDefault(m.ToString(), "0.00")}")];
    }

    private static async Task<List<string>> Lines(PlainSql sql, string text, Guid node, Period year, Func<System.Data.Common.DbDataReader, (string Key, string Line)> read, CancellationToken ct)
    {
        var rows = new List<(string Key, string Line)>();
        await using var connection = await sql.OpenAsync(ct);
        await using var command = sql.Command(connection, text, new Dictionary<string, object> { ["node"] = node, ["first"] = year.Start, ["last"] = year.End });
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            rows.Add(read(reader));
        }

        return [.. rows.OrderBy(r => r.Key, StringComparer.Ordinal).Select(r => r.Line)];
    }

    /// <summary>Every active dealer's sell-in in the last whole quarter against its quarter target: the evaluation's facts vs. SQL.</summary>
    private async Task<BenchResult> DealerQuartersAsync(BenchRun run, PlainSql sql, BenchTarget target, CancellationToken ct)
    {
        var quarter = Period.OfQuarter(2026, 3);
        var factory = run.Services.GetRequiredService<IDbContextFactory<SalesFlowDbContext>>();
        var clock = run.Services.GetRequiredService<CompanyClock>();
        var options = run.Services.GetRequiredService<DealerEvaluationOptions>();
        List<EvaluatedDealer> dealers;
        await using (var db = await factory.CreateDbContextAsync(ct))
        {
            dealers = await db.Dealers.Where(d => d.Status == DealerStatus.Active).Select(d => new EvaluatedDealer(d.Id, d.CustomerId, d.Tier)).ToListAsync(ct);
        }

        async Task<List<string>> Product(CancellationToken c)
        {
            await using var db = await factory.CreateDbContextAsync(c);
            var facts = await EvaluationFactQueries.MeasureAsync(db, dealers, quarter, Data.Scale.LastMonth.AddMonths(1), clock, options, c);
            return [.. facts.Where(f => f.Value.SellInAmount != 0 || f.Value.TargetAmount is not null).OrderBy(f => f.Key.ToString(), StringComparer.Ordinal)
                .Select(f => $"{f.Key} {PlainSql.Amount(f.Value.TargetAmount ?? 0m)} {PlainSql.Amount(f.Value.SellInAmount)}")];
        }

        var text = $"""
            SELECT d.id, (SELECT SUM(t.amount) FROM targets t WHERE t.owner_type = 'Dealer' AND t.owner_id = d.id AND t.measure = 'Revenue'
                            AND t.product_line = '' AND t.product_id IS NULL AND t.period_kind = 'Quarter' AND t.period_start = @first),
                   (SELECT SUM(l.net_amount) FROM orders o JOIN order_lines l ON l.order_id = o.id
                            WHERE o.dealer_id = d.id AND o.order_date BETWEEN @first AND @last AND o.status IN {Booked})
            FROM dealers d WHERE d.status = 'Active'
            """;
        async Task<List<string>> Baseline(CancellationToken c) =>
            [.. (await Lines(sql, text, Guid.Empty, quarter, r => (sql.Guid(r, 0), $"{sql.Guid(r, 0)} {PlainSql.Amount(sql.Quantity(r, 1))} {PlainSql.Amount(sql.Money(r, 2))}"), c))
                .Where(l => !l.EndsWith(" 0.00 0.00", StringComparison.Ordinal))];

        return await AbRunner.CompareAsync(run, Name, "dealer×quarter vs ad hoc", Product, Baseline, AbRunner.FirstDifference, target, ct);
    }
}
