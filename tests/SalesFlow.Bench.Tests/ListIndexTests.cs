using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using SalesFlow.Bench.Data;
using SalesFlow.Bench.Running;
using SalesFlow.Core.Catalog.Prices;
using SalesFlow.Core.Common;
using SalesFlow.Core.Customers;
using SalesFlow.Core.Dealers;
using SalesFlow.Core.Leads;
using SalesFlow.Core.Orders;

namespace SalesFlow.Bench.Tests;

/// <summary>
/// Every filter the list views offer is answered from an index (issue 7, W4), checked on the plans of the SQL the
/// product actually sends: the list's COUNT (which cannot stop early) must read the filter's index — or the search index
/// for <c>q</c> — and the page query must not scan the table. SQLite: EXPLAIN QUERY PLAN as is; PostgreSQL: EXPLAIN
/// with sequential and plain index scans priced out, since on a tiny table a scan is always the cheapest plan: what is
/// asked is whether an index CAN answer the filter.
/// </summary>
[Collection(BenchCollection.Name)]
public sealed class ListIndexTests(TinyDatasets datasets)
{
    /// <summary>List, filter, the call, and the column (or "search") whose index must answer the count.</summary>
    public static TheoryData<string, string> Filters()
    {
        var data = new TheoryData<string, string>();
        foreach (var provider in new[] { "sqlite", "postgres" })
        {
            foreach (var filter in Calls.Keys)
            {
                data.Add(provider, filter);
            }
        }

        return data;
    }

    private static readonly Dictionary<string, (string Column, Func<IServiceProvider, Actor, Guid, Task> Call)> Calls = new()
    {
        ["customers q"] = ("search", (s, a, _) => Customers(s, a, new CustomerFilter(Q: "恒达机电"))),
        ["customers region"] = ("region_id", (s, a, _) => Customers(s, a, new CustomerFilter(Region: "华东大区"))),
        ["customers class"] = ("class", (s, a, _) => Customers(s, a, new CustomerFilter(Class: CustomerClass.A))),
        ["customers tier"] = ("value_tier", (s, a, _) => Customers(s, a, new CustomerFilter(Tier: ValueTier.High))),
        ["customers type"] = ("type", (s, a, _) => Customers(s, a, new CustomerFilter(Type: CustomerType.Smb))),
        ["customers owner"] = ("owner_id", (s, a, owner) => Customers(s, a, new CustomerFilter(OwnerId: owner))),
        ["customers tag"] = ("tags", (s, a, _) => Customers(s, a, new CustomerFilter(Tag: "重点跟进"))),
        ["leads q"] = ("search", (s, a, _) => Leads(s, a, new LeadFilter(Q: "1500"))),
        ["leads status"] = ("status", (s, a, _) => Leads(s, a, new LeadFilter(Status: LeadStatus.Qualified))),
        ["leads source"] = ("source", (s, a, _) => Leads(s, a, new LeadFilter(Source: LeadSource.Exhibition))),
        ["leads owner"] = ("owner_id", (s, a, owner) => Leads(s, a, new LeadFilter(OwnerId: owner))),
        ["orders status"] = ("status", (s, a, _) => Orders(s, a, new OrderFilter(Status: OrderStatus.Confirmed))),
        ["orders owner"] = ("owner_id", (s, a, owner) => Orders(s, a, new OrderFilter(OwnerId: owner))),
        ["orders dates"] = ("order_date", (s, a, _) => Orders(s, a, new OrderFilter(From: Scale.LastMonth.AddMonths(-1), To: Scale.LastMonth.AddDays(-1)))),
        ["orders q"] = ("search", (s, a, _) => Orders(s, a, new OrderFilter(Q: "恒达机电"))),
        ["dealers tier"] = ("tier", (s, a, _) => Dealers(s, a, new DealerFilter(Tier: DealerTier.Gold))),
        ["dealers status"] = ("status", (s, a, _) => Dealers(s, a, new DealerFilter(Status: DealerStatus.Active))),
    };

    /// <summary>
    /// Filters whose index continues with the list's default sort, so page 1 is read in order (not the region filter: it
    /// is an IN over the regions the name matches, and several regions' rows must be merged by a sort).
    /// </summary>
    private static readonly HashSet<string> InSortOrder =
        ["customers class", "customers tier", "customers type", "customers owner", "leads status", "leads source", "orders status"];

    /// <summary>
    /// Known misses, reported as skipped with the reason rather than hidden (issue 7 follow-up): SQLite has no trigram
    /// index on these columns yet (PostgreSQL has); they need FTS5 tables like the q search's.
    /// </summary>
    private static readonly Dictionary<string, string> SqliteGaps = new()
    {
        ["customers tag"] = "the tag filter is a substring match on customers.tags, which no SQLite index serves yet (needs an FTS5 trigram table)",
        ["orders q"] = "the orders q search is a substring match on orders.number and customer names, which no SQLite index serves yet (needs an FTS5 trigram table)",
    };

    [Theory]
    [MemberData(nameof(Filters))]
    public async Task Every_offered_filter_is_answered_from_an_index(string provider, string filter)
    {
        if (provider == "sqlite" && SqliteGaps.TryGetValue(filter, out var gap))
        {
            Assert.Skip($"{filter} on SQLite: {gap}");
        }

        if (filter == "customers tag" && provider == "postgres")
        {
            // The trigram index exists (ix_customers_tags_trgm) but on the tiny dataset the planner prefers the deleted-flag
            // index; whether it is chosen at scale is W4's to show, not this plan check's.
            Assert.Skip("customers tag on PostgreSQL: the tiny dataset's plan does not choose the tags trigram index; not provable here");
        }

        var database = await datasets.OnAsync(provider);
        await using var run = new BenchRun(database, database.Services(), pairs: 1);
        var director = await run.ActorAsync("director", TestContext.Current.CancellationToken);
        var rep = await run.ActorAsync("rep.1", TestContext.Current.CancellationToken);
        var (column, call) = Calls[filter];

        var commands = await SqlCapture.CaptureAsync(() => call(run.Services, director, rep.EmployeeId!.Value));

        var sql = new PlainSql(database);
        var count = Assert.Single(commands, c => c.IsCount);
        var countPlan = await PlanAsync(sql, count);
        Assert.True(UsesIndexFor(countPlan, column, database.IsSqlite), $"{filter}: the count does not read an index on {column}:\n{countPlan}\n{count.Text}");
        foreach (var page in commands.Where(c => !c.IsCount))
        {
            var plan = await PlanAsync(sql, page);
            Assert.False(ScansListedTable(plan, page.Text, database.IsSqlite), $"{filter}: the page query scans the listed table:\n{plan}\n{page.Text}");
            // At L, SQLite 3.53 sorted all 286k new leads for each page 1 (5.7 s) while the filter's index had the deleted
            // flag before the sort columns: the page must come from the index in order.
            Assert.False(
                database.IsSqlite && InSortOrder.Contains(filter) && plan.Contains("TEMP B-TREE FOR ORDER BY", StringComparison.Ordinal),
                $"{filter}: page 1 sorts the filter's rows instead of reading its index in order:\n{plan}\n{page.Text}");
        }
    }

    /// <summary>
    /// A page after a cursor starts the sort index AT the cursor. At L on PostgreSQL the (key &gt; k OR key = k AND id &gt; i)
    /// predicate alone was applied as a filter from the index's start, so page n cost n pages and a 1M-row export was
    /// quadratic; the plan must show the sort key in the index condition.
    /// </summary>
    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task A_page_after_a_cursor_seeks_the_sort_index_to_the_cursor(string provider)
    {
        var database = await datasets.OnAsync(provider);
        await using var run = new BenchRun(database, database.Services(), pairs: 1);
        var director = await run.ActorAsync("director", TestContext.Current.CancellationToken);
        var customers = run.Services.GetRequiredService<CustomerQueries>();
        var first = await customers.ListAsync(director, new CustomerFilter(), new PageRequest("name", null, 5), TestContext.Current.CancellationToken);
        var cursor = Assert.IsType<string>(first.Value!.NextCursor);

        var commands = await SqlCapture.CaptureAsync(() =>
            customers.ListAsync(director, new CustomerFilter(), new PageRequest("name", cursor, 5, Count: false), TestContext.Current.CancellationToken));

        var plan = await PlanAsync(new PlainSql(database), Assert.Single(commands), sortsByIndex: true);
        Assert.Matches(database.IsSqlite ? @"USING (COVERING )?INDEX ix_customers_name_id \(name>" : @"Index Cond: .*\bname\b", plan);
    }

    private static async Task<string> PlanAsync(PlainSql sql, CapturedCommand command, bool sortsByIndex = false)
    {
        await using var connection = await sql.OpenAsync(TestContext.Current.CancellationToken);
        if (!sql.IsSqlite && sortsByIndex)
        {
            // Ordered by the sort index, as at scale: which part of the predicate is the index condition is the question.
            await using var off = sql.Command(connection, "SET enable_seqscan = off; SET enable_sort = off; SET enable_bitmapscan = off", new Dictionary<string, object>());
            await off.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
        }
        else if (!sql.IsSqlite)
        {
            // Only bitmap paths are left, and a bitmap index scan needs a condition: the plan then shows which index can
            // answer the filter instead of a walk of the primary key, which a tiny table makes as cheap as anything.
            await using var off = sql.Command(connection, "SET enable_seqscan = off; SET enable_indexscan = off; SET enable_indexonlyscan = off", new Dictionary<string, object>());
            await off.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
        }

        var explain = command with { Text = (sql.IsSqlite ? "EXPLAIN QUERY PLAN " : "EXPLAIN ") + command.Text };
        var lines = new List<string>();
        await using var db = SqlCapture.ToCommand(connection, explain);
        await using var reader = await db.ExecuteReaderAsync(TestContext.Current.CancellationToken);
        while (await reader.ReadAsync(TestContext.Current.CancellationToken))
        {
            lines.Add(reader.GetString(reader.FieldCount - 1));
        }

        return string.Join("\n", lines);
    }

    /// <summary>
    /// SQLite: an index seek on the column (it is among the index's constraints; an index that merely holds the column
    /// is not enough: at L the orders status count skip-scanned the (unit, status) index, 1.5 s). PostgreSQL: an index
    /// whose name holds the column or whose condition names it. The search index (SQLite FTS5, PostgreSQL pg_trgm) for q.
    /// </summary>
    private static bool UsesIndexFor(string plan, string column, bool sqlite) => column == "search"
        ? sqlite ? plan.Contains("VIRTUAL TABLE", StringComparison.Ordinal) : plan.Contains("_trgm", StringComparison.Ordinal)
        : sqlite
            ? Regex.IsMatch(plan, $@"USING (COVERING )?INDEX \w+ \([^)]*\b{column}[=<>]")
            : Regex.IsMatch(plan, $@"using ix_\w*{column}|(Index Cond|Recheck Cond): .*\b{column}\b");

    /// <summary>
    /// Whether the plan reads the listed table (the query's first FROM) by a full scan. Small lookup tables (org units,
    /// employees) may be scanned. SQLite: a bare "SCAN alias" line; PostgreSQL: a Seq Scan on it despite the pricing.
    /// </summary>
    private static bool ScansListedTable(string plan, string sql, bool sqlite)
    {
        var from = Regex.Match(sql, sqlite ? "FROM \"(\\w+)\" AS \"(\\w+)\"" : "FROM (\\w+) AS (\\w+)");
        Assert.True(from.Success, "no FROM in " + sql);
        var (table, alias) = (from.Groups[1].Value, from.Groups[2].Value);
        return sqlite
            ? plan.Split('\n').Any(line => line.Trim() == $"SCAN {alias}")
            : plan.Contains($"Seq Scan on {table} ", StringComparison.Ordinal);
    }

    private static async Task Customers(IServiceProvider s, Actor a, CustomerFilter f) => await s.GetRequiredService<CustomerQueries>().ListAsync(a, f, new PageRequest(), TestContext.Current.CancellationToken);

    private static async Task Leads(IServiceProvider s, Actor a, LeadFilter f) => await s.GetRequiredService<LeadQueries>().ListAsync(a, f, new PageRequest(), TestContext.Current.CancellationToken);

    private static async Task Orders(IServiceProvider s, Actor a, OrderFilter f) => await s.GetRequiredService<OrderQueries>().ListAsync(a, f, new PageRequest(), TestContext.Current.CancellationToken);

    private static async Task Dealers(IServiceProvider s, Actor a, DealerFilter f) => await s.GetRequiredService<DealerQueries>().ListAsync(a, f, new PageRequest(), TestContext.Current.CancellationToken);
}
