using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SalesFlow.Core.Data;

namespace SalesFlow.Web.Tests.Reliability;

/// <summary>
/// R2: what 20 users of every level see of the customers (the list and its count, the CSV export, a search by name),
/// of the leads, opportunities and orders (the list and its count), and the totals of their receivables reports
/// (aging by customer, rep and region; collection)
/// equals an oracle written here in plain SQL from the rules as the product states them, not from the product's code:
/// a rep sees the customers they own; a supervisor also those of their unit and the units below it; a regional manager
/// those of the region above their unit and below it; the director, finance and sales operations all of them.
/// The org tree is walked by parent with a recursive query, where the product uses stored paths.
/// </summary>
public sealed class ScopeOracleTests(SalesFlowApp app) : IClassFixture<SalesFlowApp>
{
    private const string Oracle = """
        WITH RECURSIVE
        me AS (SELECT e.id AS employee_id, e.org_unit_id AS unit_id FROM "AspNetUsers" u JOIN employees e ON e.id = u.employee_id WHERE u.user_name = @user),
        up AS (
            SELECT o.id, o.parent_id, o.kind, 0 AS depth FROM org_units o WHERE o.id = (SELECT unit_id FROM me)
            UNION ALL
            SELECT o.id, o.parent_id, o.kind, up.depth + 1 FROM org_units o JOIN up ON o.id = up.parent_id),
        root AS (SELECT id FROM up WHERE (@scope = 'Team' AND depth = 0) OR (@scope = 'Region' AND kind = 'Region') ORDER BY depth LIMIT 1),
        tree AS (
            SELECT id FROM root
            UNION ALL
            SELECT o.id FROM org_units o JOIN tree ON o.parent_id = tree.id)
        SELECT {0} FROM {1} c
        WHERE {2}
          AND (@scope = 'All' OR c.owner_id = (SELECT employee_id FROM me) OR (@scope IN ('Team', 'Region') AND c.org_unit_id IN (SELECT id FROM tree)))
        """;

    private static readonly System.Text.CompositeFormat OracleFormat = System.Text.CompositeFormat.Parse(Oracle);

    public static TheoryData<string, string> Users => new()
    {
        { "director", "All" }, { "finance", "All" }, { "ops", "All" },
        { "manager.huadong", "Region" }, { "manager.huabei", "Region" }, { "manager.huanan", "Region" }, { "manager.xinan", "Region" },
        { "supervisor.huadong.1", "Team" }, { "supervisor.huadong.2", "Team" }, { "supervisor.huabei.1", "Team" }, { "supervisor.huanan.2", "Team" }, { "supervisor.xibei.1", "Team" },
        { "rep.huadong.1", "Own" }, { "rep.huadong.2", "Own" }, { "rep.huadong.10", "Own" }, { "rep.huabei.1", "Own" }, { "rep.huabei.5", "Own" },
        { "rep.huanan.3", "Own" }, { "rep.xinan.7", "Own" }, { "rep.dongbei.9", "Own" },
    };

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(Users))]
    public async Task A_users_customer_list_count_export_and_search_equal_the_oracle(string user, string scope)
    {
        var expected = await OracleAsync(user, scope);
        Assert.NotEmpty(expected);
        var client = await app.ClientAsync(user);

        var first = await client.GetJsonAsync("/api/v1/customers?pageSize=200&sort=number");
        var listed = (await client.AllPagesAsync("/api/v1/customers?sort=number", pageSize: 200)).Select(c => c.Str("number")).ToList();
        Assert.Equal(expected.Count, first.GetProperty("totalCount").GetInt32());
        Assert.Equal(expected.Keys.Order(StringComparer.Ordinal), listed.Order(StringComparer.Ordinal));

        using var export = await client.Get("/api/v1/exports/customers?format=csv");
        var rows = SpreadsheetFile.ReadCsv(await export.Content.ReadAsStringAsync(Ct));
        Assert.Equal(expected.Keys.Order(StringComparer.Ordinal), rows.Skip(1).Select(r => r[0]).Order(StringComparer.Ordinal));

        // A search finds a customer in scope by its whole name, and one out of scope not at all.
        var inside = expected.First();
        var found = await client.GetJsonAsync($"/api/v1/customers?q={Uri.EscapeDataString(inside.Value)}");
        Assert.Contains(inside.Key, found.Items().Select(c => c.Str("number")));
        Assert.All(found.Items(), c => Assert.Contains(c.Str("number"), expected.Keys));
        if ((await OracleAsync("director", "All")).FirstOrDefault(c => !expected.ContainsKey(c.Key)) is { Key: not null } outside)
        {
            var searched = await client.GetJsonAsync($"/api/v1/customers?q={Uri.EscapeDataString(outside.Value)}");
            Assert.DoesNotContain(outside.Key, searched.Items().Select(c => c.Str("number")));
            Assert.Equal(searched.Items().Count, searched.GetProperty("totalCount").GetInt32());
        }
    }

    [Theory]
    [MemberData(nameof(Users))]
    public async Task A_users_leads_opportunities_and_orders_equal_the_oracle(string user, string scope)
    {
        var client = await app.ClientAsync(user);
        foreach (var (table, list, live) in new[]
        {
            ("leads", "/api/v1/leads", "NOT c.is_deleted"),
            ("opportunities", "/api/v1/opportunities", "1 = 1"),
            ("orders", "/api/v1/orders", "1 = 1"),
        })
        {
            var expected = (await QueryAsync(string.Format(System.Globalization.CultureInfo.InvariantCulture, OracleFormat, "c.id, c.id", table, live), user, scope)).Keys
                .Select(Guid.Parse).Order().ToList();
            using var response = await client.Get($"{list}?pageSize=1");
            if (response.StatusCode == System.Net.HttpStatusCode.Forbidden)
            {
                continue;
            }

            var first = await response.JsonAsync();
            var listed = (await client.AllPagesAsync(list + "?count=false", pageSize: 200)).Select(r => r.Id()).Order().ToList();
            Assert.True(expected.Count == first.GetProperty("totalCount").GetInt32(), $"{user} {list}: the count is {first.GetProperty("totalCount")}, the oracle {expected.Count}");
            Assert.True(expected.SequenceEqual(listed), $"{user} {list}: {listed.Except(expected).Count()} listed outside the oracle, {expected.Except(listed).Count()} of the oracle not listed");
        }
    }

    [Theory]
    [MemberData(nameof(Users))]
    public async Task A_users_receivables_report_totals_equal_the_oracle(string user, string scope)
    {
        var client = await app.ClientAsync(user);
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai")).DateTime);
        const string Live = "c.status <> 'Cancelled'";
        const string Applied = """
            - (SELECT COALESCE(SUM(a.amount), 0) FROM receipt_allocations a WHERE a.invoice_id = c.id AND a.allocated_on <= @day)
            - (SELECT COALESCE(SUM(a.amount), 0) FROM credit_note_allocations a WHERE a.invoice_id = c.id AND a.allocated_on <= @day)
            """;

        // Aging: what was unpaid on the day, of the invoices issued by then.
        var outstanding = await SumAsync($"COALESCE(SUM(c.total {Applied}), 0)", $"{Live} AND c.issue_date <= @day", user, scope, ("@day", today));
        foreach (var by in new[] { "customer", "rep", "region" })
        {
            var aging = await client.GetJsonAsync($"/api/v1/reports/aging?asOf={today:yyyy-MM-dd}&by={by}");
            Assert.True(outstanding == aging.GetProperty("totals").GetProperty("total").GetDecimal(), $"{user} aging by {by}: {aging.GetProperty("totals").GetProperty("total")}, the oracle {outstanding}");
        }

        // Collection: what fell due in the year, and what receipts paid of it by the year's end.
        var (from, to) = (new DateOnly(today.Year, 1, 1), new DateOnly(today.Year, 12, 31));
        var due = await SumAsync("COALESCE(SUM(c.total), 0)", $"{Live} AND c.due_date >= @from AND c.due_date <= @day", user, scope, ("@from", from), ("@day", to));
        var collected = await SumAsync(
            "COALESCE(SUM((SELECT COALESCE(SUM(a.amount), 0) FROM receipt_allocations a WHERE a.invoice_id = c.id AND a.allocated_on <= @day)), 0)",
            $"{Live} AND c.due_date >= @from AND c.due_date <= @day", user, scope, ("@from", from), ("@day", to));
        TestContext.Current.TestOutputHelper?.WriteLine($"{user}: outstanding {outstanding}, due {due}, collected {collected}");
        Assert.True(scope != "All" || (outstanding > 0 && due > 0 && collected > 0), "the demo company has receivables to compare");
        var collection = (await client.GetJsonAsync($"/api/v1/reports/collection?period={today.Year}&by=rep")).GetProperty("totals");
        Assert.True(due == collection.GetProperty("due").GetDecimal(), $"{user} due: {collection.GetProperty("due")}, the oracle {due}");
        Assert.True(collected == collection.GetProperty("collected").GetDecimal(), $"{user} collected: {collection.GetProperty("collected")}, the oracle {collected}");
    }

    // A money sum over the user's invoices; SQLite keeps money in cents (DecimalStorage), PostgreSQL as numeric.
    private async Task<decimal> SumAsync(string sum, string where, string user, string scope, params (string Name, DateOnly Value)[] days)
    {
        await using var services = app.Services.CreateAsyncScope();
        await using var db = await services.ServiceProvider.GetRequiredService<IDbContextFactory<SalesFlowDbContext>>().CreateDbContextAsync(Ct);
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync(Ct);
        await using var command = connection.CreateCommand();
        command.CommandText = string.Format(System.Globalization.CultureInfo.InvariantCulture, OracleFormat, sum, "invoices", where);
        Add(command, "@user", user);
        Add(command, "@scope", scope);
        foreach (var (name, value) in days)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = app.OnPostgres ? value : value.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
            command.Parameters.Add(parameter);
        }

        var total = Convert.ToDecimal(await command.ExecuteScalarAsync(Ct), System.Globalization.CultureInfo.InvariantCulture);
        return app.OnPostgres ? total : total / 100m;
    }

    // Customer number → name, as the oracle sees the user's scope.
    private Task<Dictionary<string, string>> OracleAsync(string user, string scope) =>
        QueryAsync(string.Format(System.Globalization.CultureInfo.InvariantCulture, OracleFormat, "c.number, c.name", "customers", "NOT c.is_deleted"), user, scope);

    // Table names and columns come from this class, never from input.
    private async Task<Dictionary<string, string>> QueryAsync(string sql, string user, string scope)
    {
        await using var services = app.Services.CreateAsyncScope();
        await using var db = await services.ServiceProvider.GetRequiredService<IDbContextFactory<SalesFlowDbContext>>().CreateDbContextAsync(Ct);
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync(Ct);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        Add(command, "@user", user);
        Add(command, "@scope", scope);
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync(Ct);
        while (await reader.ReadAsync(Ct))
        {
            result[Convert.ToString(reader.GetValue(0), System.Globalization.CultureInfo.InvariantCulture)!] = Convert.ToString(reader.GetValue(1), System.Globalization.CultureInfo.InvariantCulture)!;
        }

        return result;
    }

    private static void Add(DbCommand command, string name, string value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }
}
