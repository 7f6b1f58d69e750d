using System.Globalization;
using Microsoft.EntityFrameworkCore;
using SalesFlow.Bench.Running;
using SalesFlow.Core.Common;
using SalesFlow.Core.Data;
using SalesFlow.Core.Dealers;
using SalesFlow.Core.Dealers.Evaluations;
using SalesFlow.Core.Planning;
using SalesFlow.Core.Planning.Progress;
using SalesFlow.Core.Planning.Summaries;
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
            return [.. node.Children.Prepend(node).OrderBy(n => n.OwnerId).Select(n => NodeLine(n.OwnerId.ToString(), n.Target, n.Planned ?? 0m, n.Actual ?? 0m))];
        }

        async Task<List<string>> Months(Guid id, CancellationToken c) =>
            [.. (await progress.MonthsAsync(director, id, c)).Value!.Months.Select(m => MonthLine(m.Month, m.Target, m.Planned ?? 0m, m.Actual ?? 0m))];

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

        results.AddRange(await DealerQuartersAsync(run, sql, adHoc, raw, ct));
        return results;
    }

    /// <summary>
    /// A node and its split children: each one's target, planned (approved monthly plans of the reps; the bench dataset has
    /// none, so it reads empty tables as the product does) and the actual of its subtree (units) or its own (people).
    /// </summary>
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
                ELSE (SELECT SUM(f.amount) FROM facts f WHERE f.{ownerColumn} = n.owner_id) END,
              CASE WHEN n.owner_type = 'OrgUnit'
                THEN (SELECT SUM(p.amount) FROM ({Plans}) p JOIN org_units pu ON pu.id = p.org_unit_id JOIN org_units nu ON nu.id = n.owner_id
                      WHERE p.owner_type <> 'Dealer' AND pu.path LIKE nu.path || '%')
                ELSE (SELECT SUM(p.amount) FROM ({Plans}) p WHERE p.owner_type = 'Employee' AND p.owner_id = n.owner_id) END
            FROM nodes n
            """;
        return Lines(sql, text, node, year, r => (sql.Guid(r, 0), NodeLine(sql.Guid(r, 0), sql.Quantity(r, 1), sql.Money(r, 3), sql.Money(r, 2))), ct);
    }

    /// <summary>The lines of the approved monthly plans of the period, with their plan's owner and unit.</summary>
    private const string Plans = """
        SELECT p.org_unit_id, p.owner_type, p.owner_id, p.month_start, l.amount FROM monthly_plans p JOIN monthly_plan_lines l ON l.plan_id = p.id
        WHERE p.status = 'Approved' AND p.month_start BETWEEN @first AND @last
        """;

    private static string NodeLine(string owner, decimal target, decimal planned, decimal actual) =>
        string.Create(CultureInfo.InvariantCulture, $"{owner} {target:F2} {planned:F2} {actual:F2}");

    /// <summary>
    /// The node's months: the target of each (its month-phased children, else its own target spread by days, the remainder
    /// on the last month), planned (the reps' approved plans in its subtree) and actual.
    /// </summary>
    private static async Task<List<string>> MonthsSqlAsync(PlainSql sql, Guid node, Period year, bool summaries, CancellationToken ct)
    {
        var facts = summaries
            ? $"SELECT s.org_unit_id, {sql.MonthOf("s.month_start")} AS month, s.amount FROM sales_month_totals s WHERE s.month_start BETWEEN @first AND @last"
            : $"SELECT o.org_unit_id, {sql.MonthOf("o.order_date")} AS month, l.net_amount AS amount FROM orders o JOIN order_lines l ON l.order_id = o.id " +
              $"WHERE o.order_date BETWEEN @first AND @last AND o.status IN {Booked}";
        var text = $"""
            WITH units AS (SELECT u.id FROM org_units u, org_units n, targets t WHERE t.id = @node AND n.id = t.owner_id AND u.path LIKE n.path || '%')
            SELECT 'actual', f.month, SUM(f.amount) FROM ({facts}) f WHERE f.org_unit_id IN (SELECT id FROM units) GROUP BY f.month
            UNION ALL
            SELECT 'planned', {sql.MonthOf("p.month_start")}, SUM(p.amount) FROM ({Plans}) p
              WHERE p.owner_type <> 'Dealer' AND p.org_unit_id IN (SELECT id FROM units) GROUP BY {sql.MonthOf("p.month_start")}
            UNION ALL
            SELECT 'phased', x.period, x.amount FROM targets x WHERE x.parent_id = @node AND x.origin = 'Phased' AND x.period_kind = 'Month'
            UNION ALL
            SELECT 'node', '', t.amount FROM targets t WHERE t.id = @node
            """;
        var rows = await Lines(sql, text, node, year, r =>
        {
            var kind = r.GetString(0);
            var value = kind is "phased" or "node" ? sql.Quantity(r, 2) : sql.Money(r, 2);
            return ($"{kind} {r.GetString(1)}", string.Create(CultureInfo.InvariantCulture, $"{kind} {r.GetString(1)} {value}"));
        }, ct);
        var values = rows.Select(l => l.Split(' ')).ToDictionary(p => (p[0], p[1]), p => decimal.Parse(p[2], CultureInfo.InvariantCulture));
        var months = year.Children(PeriodKind.Month);
        var targets = months.Select(m => values.GetValueOrDefault(("phased", m.ToString()))).ToList();
        if (!values.Keys.Any(k => k.Item1 == "phased"))
        {
            var amount = values[("node", "")];
            var days = months.Sum(m => m.Days);
            targets = [.. months.Select(m => Math.Round(amount * m.Days / days, 2, MidpointRounding.AwayFromZero))];
            targets[^1] += amount - targets.Sum();
        }

        return [.. months.Select((m, i) => MonthLine(m.ToString(), targets[i], values.GetValueOrDefault(("planned", m.ToString())), values.GetValueOrDefault(("actual", m.ToString()))))];
    }

    private static string MonthLine(string month, decimal target, decimal planned, decimal actual) =>
        string.Create(CultureInfo.InvariantCulture, $"{month} {target:F2} {planned:F2} {actual:F2}");

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

    /// <summary>
    /// Every active dealer's sell-in (amount and base quantity) in the last whole quarter against its quarter target: the
    /// evaluation's facts vs. SQL over the same maintained monthly summaries (ad hoc) and vs. SQL over the raw order lines.
    /// The evaluation's other facts (stock reports, invoices, payments, stores, plans) read tables the bench dataset leaves
    /// empty, so they cost the product a round trip each and the baselines nothing.
    /// </summary>
    private async Task<IEnumerable<BenchResult>> DealerQuartersAsync(BenchRun run, PlainSql sql, BenchTarget adHoc, BenchTarget raw, CancellationToken ct)
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
            await SalesSummaries.CatchUpAsync(db, c);
            var facts = await EvaluationFactQueries.MeasureAsync(db, dealers, quarter, Data.Scale.LastMonth.AddMonths(1), clock, options, c);
            return [.. facts.Where(f => f.Value.SellInAmount != 0 || f.Value.TargetAmount is not null).OrderBy(f => f.Key.ToString(), StringComparer.Ordinal)
                .Select(f => DealerLine(f.Key.ToString(), f.Value.TargetAmount ?? 0m, f.Value.SellInAmount, f.Value.SellInQuantity))];
        }

        // The target is the sum of the dealer's month targets of the quarter, else its quarter target.
        const string Target = """
            COALESCE(
              (SELECT SUM(t.amount) FROM targets t WHERE t.owner_type = 'Dealer' AND t.owner_id = d.id AND t.measure = 'Revenue'
                 AND t.product_line = '' AND t.product_id IS NULL AND t.period_kind = 'Month' AND t.period_start >= @first AND t.period_end <= @last),
              (SELECT SUM(t.amount) FROM targets t WHERE t.owner_type = 'Dealer' AND t.owner_id = d.id AND t.measure = 'Revenue'
                 AND t.product_line = '' AND t.product_id IS NULL AND t.period_kind = 'Quarter' AND t.period_start = @first))
            """;
        var summaries = $"""
            SELECT d.id, {Target}, s.amount, s.quantity
            FROM dealers d
            LEFT JOIN (SELECT dealer_key, SUM(amount) AS amount, SUM(quantity) AS quantity FROM sales_month_summaries
                       WHERE month_start BETWEEN @first AND @last GROUP BY dealer_key) s ON s.dealer_key = d.id
            WHERE d.status = 'Active'
            """;
        var lines = $"""
            SELECT d.id, {Target}, s.amount, s.quantity
            FROM dealers d
            LEFT JOIN (SELECT o.dealer_id, SUM(l.net_amount) AS amount, SUM(l.base_quantity) AS quantity FROM orders o JOIN order_lines l ON l.order_id = o.id
                       WHERE o.order_date BETWEEN @first AND @last AND o.status IN {Booked} GROUP BY o.dealer_id) s ON s.dealer_id = d.id
            WHERE d.status = 'Active'
            """;
        Func<CancellationToken, Task<List<string>>> Baseline(string text) => async c =>
            [.. (await Lines(sql, text, Guid.Empty, quarter, r => (sql.Guid(r, 0), DealerLine(sql.Guid(r, 0), sql.Quantity(r, 1), sql.Money(r, 2), sql.Quantity(r, 3))), c))
                .Where(l => !l.EndsWith(" 0.00 0.00 0.000", StringComparison.Ordinal))];

        return
        [
            await AbRunner.CompareAsync(run, Name, "dealer×quarter vs ad hoc", Product, Baseline(summaries), AbRunner.FirstDifference, adHoc, ct),
            await AbRunner.CompareAsync(run, Name, "dealer×quarter vs raw scan", Product, Baseline(lines), AbRunner.FirstDifference, raw, ct),
        ];
    }

    private static string DealerLine(string dealer, decimal target, decimal amount, decimal quantity) =>
        string.Create(CultureInfo.InvariantCulture, $"{dealer} {target:F2} {amount:F2} {quantity:F3}");
}
