using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MiniExcelLibs;
using SalesFlow.Core.Common;
using SalesFlow.Core.Data;
using SalesFlow.Core.Organization;
using SalesFlow.Core.Planning;
using SalesFlow.Core.Planning.Targets;

namespace SalesFlow.Web.Tests.Planning.Progress;

/// <summary>
/// Plan vs. actual over HTTP on the demo company. The targets-setting use cases are another branch's, so the tree is
/// written straight into the database: 2025 revenue (a finished year with demo orders) for the company, split to
/// 华东 and 华北 and a unit named like a formula; 华东 split further to rep.huadong.1; a 2025 collections target.
/// </summary>
public class PlanVsActualApiTests(PlanVsActualApiTests.Fixture app) : IClassFixture<PlanVsActualApiTests.Fixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public sealed class Fixture : SalesFlowApp
    {
        private readonly SemaphoreSlim _gate = new(1, 1);
        private Tree? _tree;

        public async Task<Tree> TreeAsync()
        {
            await _gate.WaitAsync();
            try
            {
                return _tree ??= await SeedAsync();
            }
            finally
            {
                _gate.Release();
            }
        }

        private async Task<Tree> SeedAsync()
        {
            var repId = await this.EmployeeIdAsync("rep.huadong.1");
            await using var scope = Services.CreateAsyncScope();
            var factory = scope.ServiceProvider.GetRequiredService<IDbContextFactory<SalesFlowDbContext>>();
            await using var db = await factory.OpenAsync(Actor.System, CancellationToken.None);
            var units = await db.OrgUnits.Where(u => u.Code == "HQ" || u.Code == "HD" || u.Code == "HB").ToDictionaryAsync(u => u.Code);
            var repUnit = await db.Employees.Where(e => e.Id == repId).Select(e => e.OrgUnitId).SingleAsync();
            var formulaUnit = OrgUnit.CreateUnder(units["HB"], "HB-FX", "=HYPERLINK(\"x\")", null, OrgUnitKind.Team).Value!;
            db.OrgUnits.Add(formulaUnit);

            var year = Period.OfYear(2025);
            Target Add(TargetMeasure measure, TargetOwnerType type, Guid owner, Guid unit, decimal amount, Target? parent)
            {
                var target = new Target(year, measure, "", null, type, owner, unit, amount);
                db.Targets.Add(target);
                if (parent is not null)
                {
                    db.Entry(target).Property(nameof(Target.ParentId)).CurrentValue = parent.Id;
                    db.Entry(target).Property(nameof(Target.Origin)).CurrentValue = TargetOrigin.Split;
                }

                return target;
            }

            var company = Add(TargetMeasure.Revenue, TargetOwnerType.OrgUnit, units["HQ"].Id, units["HQ"].Id, 100_000_000m, null);
            var east = Add(TargetMeasure.Revenue, TargetOwnerType.OrgUnit, units["HD"].Id, units["HD"].Id, 60_000_000m, company);
            var north = Add(TargetMeasure.Revenue, TargetOwnerType.OrgUnit, units["HB"].Id, units["HB"].Id, 39_999_999m, company);
            Add(TargetMeasure.Revenue, TargetOwnerType.OrgUnit, formulaUnit.Id, formulaUnit.Id, 1m, company);
            var rep = Add(TargetMeasure.Revenue, TargetOwnerType.Employee, repId, repUnit, 1m, east);
            var collections = Add(TargetMeasure.Collections, TargetOwnerType.OrgUnit, units["HQ"].Id, units["HQ"].Id, 50_000_000m, null);
            await db.SaveChangesAsync();
            return new Tree(company.Id, east.Id, north.Id, rep.Id, collections.Id);
        }
    }

    public sealed record Tree(Guid Company, Guid East, Guid North, Guid Rep, Guid Collections);

    [Fact]
    public async Task Progress_has_the_api_shape_and_children_add_up_for_the_director()
    {
        var tree = await app.TreeAsync();
        var director = await app.ClientAsync("director");

        var node = await director.GetJsonAsync($"/api/v1/targets/{tree.Company}/progress");
        foreach (var key in new[] { "target", "planned", "actual", "gap", "children", "id", "ownerType", "ownerId", "ownerName", "period", "measure", "planGap", "attainment", "forecast" })
        {
            Assert.True(node.TryGetProperty(key, out _), $"progress has no '{key}'");
        }

        Assert.Equal(("OrgUnit", "2025", "Revenue", 100_000_000m), (node.Str("ownerType"), node.Str("period"), node.Str("measure"), node.GetProperty("target").GetDecimal()));
        var children = node.GetProperty("children").EnumerateArray().ToList();
        Assert.Equal(["华东大区", "华北大区", "=HYPERLINK(\"x\")"], children.Select(c => c.Str("ownerName")));
        Assert.All(children, c => Assert.Equal(JsonValueKind.Array, c.GetProperty("children").ValueKind));
        var actual = node.GetProperty("actual").GetDecimal();
        Assert.True(actual > 0, "the demo company sold in 2025");
        Assert.True(children.Sum(c => c.GetProperty("actual").GetDecimal()) <= actual);
        Assert.Equal(100_000_000m - actual, node.GetProperty("gap").GetDecimal());
        Assert.Equal(actual, node.GetProperty("forecast").GetDecimal()); // 2025 has ended
        Assert.Equal(Math.Round(actual / 100_000_000m, 4, MidpointRounding.AwayFromZero), node.GetProperty("attainment").GetDecimal());
        Assert.Equal(0m, children[2].GetProperty("actual").GetDecimal());

        // The months and the product lines add up to the node.
        var months = await director.GetJsonAsync($"/api/v1/targets/{tree.Company}/progress/months");
        var rows = months.GetProperty("months").EnumerateArray().ToList();
        Assert.Equal(12, rows.Count);
        Assert.Equal(actual, rows.Sum(m => m.GetProperty("actual").GetDecimal()));
        Assert.Equal(100_000_000m, rows.Sum(m => m.GetProperty("target").GetDecimal()));
        var lines = await director.GetJsonAsync($"/api/v1/targets/{tree.Company}/progress/product-lines");
        Assert.Equal(actual, lines.GetProperty("lines").EnumerateArray().Sum(l => l.GetProperty("actualAmount").GetDecimal()));

        var start = await director.GetJsonAsync("/api/v1/plan-vs-actual/start?period=2025&measure=Revenue");
        Assert.Equal(tree.Company, start.Id("targetId"));
        Assert.Equal([], (await director.GetJsonAsync($"/api/v1/targets/{tree.Company}/progress/ancestors")).EnumerateArray().ToList());
        Assert.Equal([tree.Company, tree.East], (await director.GetJsonAsync($"/api/v1/targets/{tree.Rep}/progress/ancestors")).EnumerateArray().Select(a => a.Id()));
    }

    [Fact]
    public async Task A_rep_sees_their_own_node_and_a_manager_their_region_but_nothing_above_or_beside()
    {
        var tree = await app.TreeAsync();
        var rep = await app.ClientAsync("rep.huadong.1");
        var own = await rep.GetJsonAsync($"/api/v1/targets/{tree.Rep}/progress");
        Assert.Equal(await app.EmployeeIdAsync("rep.huadong.1"), own.Id("ownerId"));
        await (await rep.Get($"/api/v1/targets/{tree.East}/progress")).ProblemAsync(HttpStatusCode.NotFound);
        await (await rep.Get($"/api/v1/targets/{tree.Company}/progress")).ProblemAsync(HttpStatusCode.NotFound);
        await (await rep.Get($"/api/v1/targets/{tree.East}/orders")).ProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal(tree.Rep, (await rep.GetJsonAsync("/api/v1/plan-vs-actual/start?period=2025")).Id("targetId"));

        var manager = await app.ClientAsync("manager.huadong");
        var east = await manager.GetJsonAsync($"/api/v1/targets/{tree.East}/progress");
        Assert.Equal([tree.Rep], east.GetProperty("children").EnumerateArray().Select(c => c.Id()));
        await (await manager.Get($"/api/v1/targets/{tree.North}/progress")).ProblemAsync(HttpStatusCode.NotFound);
        await (await manager.Get($"/api/v1/targets/{tree.Company}/progress/months")).ProblemAsync(HttpStatusCode.NotFound);
        await (await manager.Get($"/api/v1/exports/plan-vs-actual?targetId={tree.North}&format=csv")).ProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal(tree.East, (await manager.GetJsonAsync("/api/v1/plan-vs-actual/start?period=2025")).Id("targetId"));

        var logistics = await app.ClientAsync("logistics");
        await (await logistics.Get($"/api/v1/targets/{tree.Company}/progress")).ProblemAsync(HttpStatusCode.Forbidden);
        await (await logistics.Get($"/api/v1/exports/plan-vs-actual?targetId={tree.Company}")).ProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task The_orders_behind_a_reps_actual_are_keyset_paged_and_add_up_to_it()
    {
        var tree = await app.TreeAsync();
        var rep = await app.ClientAsync("rep.huadong.1");
        var actual = (await rep.GetJsonAsync($"/api/v1/targets/{tree.Rep}/progress")).GetProperty("actual").GetDecimal();

        var seen = new List<JsonElement>();
        string? cursor = null;
        int? total = null;
        do
        {
            var page = await rep.GetJsonAsync($"/api/v1/targets/{tree.Rep}/orders?pageSize=7" + (cursor is null ? "" : "&cursor=" + Uri.EscapeDataString(cursor)));
            total ??= page.Number("totalCount");
            seen.AddRange(page.Items());
            cursor = page.GetProperty("nextCursor").GetString();
        }
        while (cursor is not null);

        Assert.True(seen.Count > 7, "the demo rep has more than one page of 2025 orders");
        Assert.Equal(total, seen.Count);
        Assert.Equal(seen.Count, seen.Select(o => o.Id()).Distinct().Count());
        Assert.All(seen, o => Assert.StartsWith("2025-", o.Str("orderDate"), StringComparison.Ordinal));
        var dates = seen.Select(o => o.Str("orderDate")).ToList();
        Assert.Equal(dates.OrderDescending(StringComparer.Ordinal), dates);
        Assert.Equal(actual, seen.Sum(o => o.GetProperty("netAmount").GetDecimal()));
        foreach (var key in new[] { "number", "customerName", "ownerName", "netAmount" })
        {
            Assert.True(seen[0].TryGetProperty(key, out _), key);
        }

        var director = await app.ClientAsync("director");
        await (await director.Get($"/api/v1/targets/{tree.Collections}/orders")).ProblemAsync(HttpStatusCode.UnprocessableEntity, "progress.noOrders");
        await (await director.Get($"/api/v1/targets/{tree.Rep}/orders?cursor=nonsense")).ProblemAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task The_export_opens_as_xlsx_and_the_csv_neutralizes_formula_cells_with_headers_in_the_callers_language()
    {
        var tree = await app.TreeAsync();
        var director = await app.ClientAsync("director");

        using var xlsx = await director.Get($"/api/v1/exports/plan-vs-actual?targetId={tree.Company}&format=xlsx");
        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", xlsx.Content.Headers.ContentType?.MediaType);
        await using var stream = new MemoryStream(await xlsx.Content.ReadAsByteArrayAsync(Ct));
        var sheet = stream.Query(useHeaderRow: false, excelType: ExcelType.XLSX).Cast<IDictionary<string, object>>().ToList();
        Assert.Equal(5, sheet.Count); // header, node, three children
        Assert.Equal("负责人/组织", sheet[0]["B"]?.ToString());
        Assert.Equal("'=HYPERLINK(\"x\")", sheet[4]["B"]?.ToString());

        var zh = await CsvAsync(director, $"/api/v1/exports/plan-vs-actual?targetId={tree.Company}&format=csv", "zh-CN");
        Assert.StartsWith("层级,负责人/组织,类型,期间,指标,产品线,目标,计划,实际,差额", zh[0], StringComparison.Ordinal);
        Assert.Contains(zh, line => line.Contains("\"'=HYPERLINK(\"\"x\"\")\"", StringComparison.Ordinal));
        Assert.Contains(zh, line => line.StartsWith("0,远航工业集团销售公司,OrgUnit,2025,Revenue,,100000000.00,", StringComparison.Ordinal));
        var en = await CsvAsync(director, $"/api/v1/exports/plan-vs-actual?targetId={tree.Company}&format=csv", "en");
        Assert.StartsWith("level,owner,ownerType,period,measure,productLine,target,planned,actual,gap", en[0], StringComparison.Ordinal);

        await (await director.Get($"/api/v1/exports/plan-vs-actual?targetId={tree.Company}&format=pdf")).ProblemAsync(HttpStatusCode.BadRequest);
        await (await director.Get("/api/v1/exports/plan-vs-actual?format=csv")).ProblemAsync(HttpStatusCode.BadRequest);
    }

    private static async Task<List<string>> CsvAsync(HttpClient client, string url, string language)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.AcceptLanguage.ParseAdd(language);
        using var response = await client.SendAsync(request, Ct);
        var text = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(response.IsSuccessStatusCode, text);
        return [.. text.TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries)];
    }
}
