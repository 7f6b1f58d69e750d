using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SalesFlow.Core.Data;
using SalesFlow.Core.StockReports;

namespace SalesFlow.Web.Tests.StockReports;

/// <summary>Stock reports (进销存) over HTTP: entry by the dealer user, scope, versions, the import all or nothing, anomalies by scope.</summary>
public sealed class StockReportApiTests(SalesFlowApp app) : IClassFixture<SalesFlowApp>
{
    private const string Header = "经销商编码/dealer,月份/month,产品编码/sku,期初库存/opening,本月进货/purchases,本月销售/sales,期末库存/closing\n";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string LastMonth => StockMonth.Format(StockMonth.Of(DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8))).AddMonths(-1));

    private async Task<T> ReadAsync<T>(Func<SalesFlowDbContext, Task<T>> read)
    {
        await using var scope = app.Services.CreateAsyncScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<SalesFlowDbContext>>().CreateDbContextAsync(Ct);
        return await read(db);
    }

    private Task<List<string>> SkusAsync(int count) =>
        ReadAsync(db => db.Products.Where(p => p.IsActive).OrderBy(p => p.Sku).Select(p => p.Sku).Take(count).ToListAsync(Ct));

    private Task<Guid> DealerIdAsync(string code) => ReadAsync(db => db.Dealers.Where(d => d.Code == code).Select(d => d.Id).SingleAsync(Ct));

    [Fact]
    public async Task A_dealer_user_enters_its_report_the_opening_follows_last_month_and_a_second_report_or_a_stale_edit_is_refused()
    {
        var skus = await SkusAsync(2);
        var dealer = await app.ClientAsync("dealer.1");

        var may = await dealer.PostJsonAsync("/api/v1/stock-reports", new
        {
            month = "2025-05",
            lines = new[] { new { sku = skus[0], opening = 0m, purchases = 100m, sales = 60m, closing = 40m } },
            submit = true,
        }, HttpStatusCode.Created);
        Assert.Equal(("DLR-000001", "2025-05", "Submitted"), (may.Str("dealerCode"), may.Str("month"), may.Str("status")));

        // No opening given: last month's closing (40), and a gap is flagged when the closing does not add up.
        var june = await dealer.PostJsonAsync("/api/v1/stock-reports", new
        {
            month = "2025-06",
            lines = new object[] { new { sku = skus[0], purchases = 0m, sales = 10m, closing = 25m }, new { sku = skus[1], purchases = 0m, sales = 0m, closing = 0m } },
        }, HttpStatusCode.Created);
        var first = june.GetProperty("lines").EnumerateArray().Single(l => l.Str("sku") == skus[0]);
        Assert.Equal(40m, first.GetProperty("opening").GetDecimal());
        Assert.Equal(-5m, first.GetProperty("gap").GetDecimal());
        Assert.Contains("gap", first.GetProperty("flags").EnumerateArray().Select(f => f.GetString()));
        Assert.Equal(("Draft", 1), (june.Str("status"), june.Number("flaggedLines")));

        using (var duplicate = await dealer.Post("/api/v1/stock-reports", new { month = "2025-06", lines = Array.Empty<object>() }))
        {
            await duplicate.ProblemAsync(HttpStatusCode.Conflict, "stockReport.duplicate");
        }

        var version = june.Number("version");
        var edited = await dealer.PutJsonAsync($"/api/v1/stock-reports/{june.Id()}", new
        {
            version,
            lines = new[] { new { sku = skus[0], purchases = 0m, sales = 10m, closing = 30m } },
        });
        Assert.Equal((version + 1, 1), (edited.Number("version"), edited.Number("lineCount")));
        Assert.Equal(0m, edited.GetProperty("lines")[0].GetProperty("gap").GetDecimal());
        Assert.DoesNotContain("gap", edited.GetProperty("lines")[0].GetProperty("flags").EnumerateArray().Select(f => f.GetString()));

        using (var stale = await dealer.Put($"/api/v1/stock-reports/{june.Id()}", new { version, lines = Array.Empty<object>() }))
        {
            await stale.ProblemAsync(HttpStatusCode.Conflict, "common.staleVersion");
        }

        var submitted = await dealer.PostJsonAsync($"/api/v1/stock-reports/{june.Id()}/submit", new { version = version + 1 });
        Assert.Equal("Submitted", submitted.Str("status"));
        using (var closed = await dealer.Put($"/api/v1/stock-reports/{june.Id()}", new { version = submitted.Number("version"), lines = Array.Empty<object>() }))
        {
            await closed.ProblemAsync(HttpStatusCode.Conflict, "stockReport.notDraft");
        }

        using (var future = await dealer.Post("/api/v1/stock-reports", new { month = "2099-01", lines = Array.Empty<object>() }))
        {
            await future.ProblemAsync(HttpStatusCode.UnprocessableEntity, "stockReport.futureMonth");
        }

        using (var negative = await dealer.Post("/api/v1/stock-reports", new { month = "2025-07", lines = new[] { new { sku = skus[0], purchases = -1m, sales = 0m, closing = 0m } } }))
        {
            Assert.Contains("lines[0].purchases", (await negative.ProblemAsync(HttpStatusCode.BadRequest)).ErrorFields());
        }
    }

    [Fact]
    public async Task A_dealer_user_never_reads_or_writes_another_dealers_report_nor_sees_the_anomalies()
    {
        var other = await DealerIdAsync("DLR-000002");
        var theirs = await ReadAsync(db => db.StockReports.Where(r => r.DealerId == other).Select(r => r.Id).FirstAsync(Ct));
        var skus = await SkusAsync(1);
        var dealer = await app.ClientAsync("dealer.1");

        using (var read = await dealer.Get($"/api/v1/stock-reports/{theirs}"))
        {
            await read.ProblemAsync(HttpStatusCode.NotFound, "common.notFound");
        }

        using (var write = await dealer.Put($"/api/v1/stock-reports/{theirs}", new { version = 1, lines = Array.Empty<object>() }))
        {
            await write.ProblemAsync(HttpStatusCode.NotFound, "common.notFound");
        }

        using (var onBehalf = await dealer.Post("/api/v1/stock-reports", new { month = "2025-03", dealerId = other, lines = new[] { new { sku = skus[0], purchases = 1m, sales = 0m, closing = 1m } } }))
        {
            await onBehalf.ProblemAsync(HttpStatusCode.NotFound, "common.notFound");
        }

        Assert.False(await ReadAsync(db => db.StockReports.AnyAsync(r => r.DealerId == other && r.Month == new DateOnly(2025, 3, 1), Ct)));
        var list = await dealer.GetJsonAsync("/api/v1/stock-reports?pageSize=500");
        Assert.NotEmpty(list.Items());
        Assert.All(list.Items(), r => Assert.Equal("DLR-000001", r.Str("dealerCode")));
        Assert.Equal(HttpStatusCode.Forbidden, (await dealer.Get("/api/v1/stock-reports/anomalies")).StatusCode);
    }

    [Fact]
    public async Task The_area_manager_enters_on_a_dealers_behalf_within_scope_only()
    {
        var east = await DealerIdAsync("DLR-000001");
        var skus = await SkusAsync(1);
        var manager = await app.ClientAsync("manager.huadong");
        var line = new[] { new { sku = skus[0], opening = 5m, purchases = 0m, sales = 5m, closing = 0m } };

        using (var missing = await manager.Post("/api/v1/stock-reports", new { month = "2025-02", lines = line }))
        {
            Assert.Contains("dealerId", (await missing.ProblemAsync(HttpStatusCode.BadRequest)).ErrorFields());
        }

        var created = await manager.PostJsonAsync("/api/v1/stock-reports", new { month = "2025-02", dealerId = east, lines = line }, HttpStatusCode.Created);
        Assert.Equal("DLR-000001", created.Str("dealerCode"));
        Assert.Contains("stockOut", created.GetProperty("lines")[0].GetProperty("flags").EnumerateArray().Select(f => f.GetString()));

        var north = await app.ClientAsync("manager.huabei");
        using (var outside = await north.Post("/api/v1/stock-reports", new { month = "2025-01", dealerId = east, lines = line }))
        {
            await outside.ProblemAsync(HttpStatusCode.NotFound, "common.notFound");
        }

        using (var read = await north.Get($"/api/v1/stock-reports/{created.Id()}"))
        {
            await read.ProblemAsync(HttpStatusCode.NotFound, "common.notFound");
        }

        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.ClientAsync("finance")).Post("/api/v1/stock-reports", new { month = "2025-02", dealerId = east, lines = line })).StatusCode);
    }

    [Fact]
    public async Task An_upload_with_bad_rows_applies_nothing_and_names_every_bad_row_then_a_good_one_is_applied()
    {
        var skus = await SkusAsync(3);
        var dealer = await app.ClientAsync("dealer.1");
        var bad = Header
            + $",2025-08,{skus[0]},0,100,60,40\n"      // 2: fine
            + ",2025-08,NO-SUCH-SKU,0,10,5,5\n"        // 3: unknown product
            + $",2025-08,{skus[1]},0,十,5,5\n"          // 4: not a number
            + $",08/2025,{skus[2]},0,10,5,5\n"         // 5: month spelled wrong
            + $"DLR-000002,2025-08,{skus[2]},0,10,5,5\n" // 6: another dealer
            + $",2025-08,{skus[0]},0,1,1,0\n";          // 7: the same product twice

        var rejected = await ApiCalls.ImportJobAsync(dealer, await UploadAsync(dealer, bad, applyValidRowsOnly: true));

        Assert.Equal(("Rejected", 6, 1, 5, 0), (rejected.Str("status"), rejected.Number("rowsRead"), rejected.Number("rowsValid"), rejected.Number("rowsInvalid"), rejected.Number("rowsApplied")));
        var errors = rejected.GetProperty("errors").EnumerateArray().Select(e => (e.Number("line"), e.Str("code"))).ToList();
        Assert.Contains((3, "field.notFound"), errors);
        Assert.Contains((4, "field.format"), errors);
        Assert.Contains((5, "field.format"), errors);
        Assert.Contains((6, "stockReport.otherDealer"), errors);
        Assert.Contains((7, "import.duplicateInFile"), errors);
        Assert.All(rejected.GetProperty("errors").EnumerateArray(), e => Assert.False(string.IsNullOrEmpty(e.Str("message"))));
        var august = new DateOnly(2025, 8, 1);
        Assert.False(await ReadAsync(db => db.StockReports.AnyAsync(r => r.Month == august && db.Dealers.Any(d => d.Id == r.DealerId && d.Code == "DLR-000001"), Ct)));

        var good = Header + $",2025-08,{skus[0]},0,100,60,40\nDLR-000001,2025-8,{skus[1]},,30,3,27\n";
        var dry = await ApiCalls.ImportJobAsync(dealer, await UploadAsync(dealer, good, dryRun: true));
        Assert.Equal(("DryRunDone", 2, 0), (dry.Str("status"), dry.Number("rowsValid"), dry.Number("rowsApplied")));
        Assert.False(await ReadAsync(db => db.StockReports.AnyAsync(r => r.Month == august && db.Dealers.Any(d => d.Id == r.DealerId && d.Code == "DLR-000001"), Ct)));

        var applied = await ApiCalls.ImportJobAsync(dealer, await UploadAsync(dealer, good));
        Assert.Equal(("Succeeded", 2), (applied.Str("status"), applied.Number("rowsApplied")));
        var list = await dealer.GetJsonAsync("/api/v1/stock-reports?month=2025-08");
        var row = Assert.Single(list.Items());
        Assert.Equal(("Draft", 2), (row.Str("status"), row.Number("lineCount")));
        var report = await dealer.GetJsonAsync($"/api/v1/stock-reports/{row.Id()}");
        var slow = report.GetProperty("lines").EnumerateArray().Single(l => l.Str("sku") == skus[1]);
        Assert.Contains("overStock", slow.GetProperty("flags").EnumerateArray().Select(f => f.GetString()));
        Assert.Equal(279m, slow.GetProperty("daysOfInventory").GetDecimal()); // 27 ÷ (3 ÷ 31 days of August)
    }

    [Fact]
    public async Task A_file_with_two_months_takes_the_second_months_opening_from_the_first_and_checks_each_report_once_it_is_all_in()
    {
        var skus = await SkusAsync(1);
        var dealer = await app.ClientAsync("dealer.1");
        var file = Header
            + $",2024-03,{skus[0]},0,50,20,30\n"   // March: closes at 30
            + $",2024-04,{skus[0]},,0,30,0\n";     // April: opening left empty → March's 30 from this file; sells out → stock-out

        var job = await ApiCalls.ImportJobAsync(dealer, await UploadAsync(dealer, file));

        Assert.Equal(("Succeeded", 2), (job.Str("status"), job.Number("rowsApplied")));
        var april = Assert.Single((await dealer.GetJsonAsync("/api/v1/stock-reports?month=2024-04")).Items());
        var line = Assert.Single((await dealer.GetJsonAsync($"/api/v1/stock-reports/{april.Id()}")).GetProperty("lines").EnumerateArray());
        Assert.Equal((30m, 0m), (line.GetProperty("opening").GetDecimal(), line.GetProperty("closing").GetDecimal()));
        Assert.DoesNotContain("gap", line.GetProperty("flags").EnumerateArray().Select(f => f.GetString()));
        Assert.Contains("stockOut", line.GetProperty("flags").EnumerateArray().Select(f => f.GetString()));
    }

    [Fact]
    public async Task An_internal_upload_names_dealers_in_scope()
    {
        var skus = await SkusAsync(1);
        var north = await app.ClientAsync("manager.huabei");
        var job = await ApiCalls.ImportJobAsync(north, await UploadAsync(north, Header + $"DLR-000001,2025-09,{skus[0]},0,1,1,0\n,2025-09,{skus[0]},0,1,1,0\n"));

        Assert.Equal(("Rejected", 2), (job.Str("status"), job.Number("rowsInvalid")));
        var errors = job.GetProperty("errors").EnumerateArray().Select(e => (e.Number("line"), e.Str("code"), e.Str("field"))).ToList();
        Assert.Contains((2, "field.notFound", "dealer"), errors);
        Assert.Contains((3, "field.required", "dealer"), errors);
    }

    [Fact]
    public async Task Anomalies_are_the_flagged_lines_of_the_dealers_in_scope_paged_by_keyset()
    {
        var eastDealers = await ReadAsync(db => db.Dealers.Where(d => db.OrgUnits.Any(u => u.Id == d.RegionId && u.Code == "HD")).Select(d => d.Code).ToListAsync(Ct));
        var skus = await SkusAsync(3);
        var east = await app.ClientAsync("manager.huadong");
        var dealerId = await DealerIdAsync("DLR-000001");
        await east.PostJsonAsync("/api/v1/stock-reports", new
        {
            month = "2025-10",
            dealerId,
            submit = true,
            lines = new object[]
            {
                new { sku = skus[0], opening = 100m, purchases = 0m, sales = 10m, closing = 90m }, // over-stock
                new { sku = skus[1], opening = 10m, purchases = 0m, sales = 10m, closing = 0m },   // stock-out
                new { sku = skus[2], opening = 10m, purchases = 0m, sales = 5m, closing = 3m },    // gap
            },
        }, HttpStatusCode.Created);

        var all = await ApiCalls.AllPagesAsync(east, "/api/v1/stock-reports/anomalies?month=2025-10");
        Assert.All(all, a => Assert.Contains(a.Str("dealerCode"), eastDealers));
        Assert.All(all, a => Assert.NotEmpty(a.GetProperty("flags").EnumerateArray()));
        foreach (var flag in new[] { "gap", "stockOut", "overStock" })
        {
            Assert.Contains(all, a => a.Str("dealerCode") == "DLR-000001" && a.GetProperty("flags").EnumerateArray().Any(f => f.GetString() == flag));
        }

        var firstPage = await east.GetJsonAsync("/api/v1/stock-reports/anomalies?month=2025-10&pageSize=2");
        Assert.Equal(all.Count, firstPage.Number("totalCount"));
        var second = await east.GetJsonAsync($"/api/v1/stock-reports/anomalies?month=2025-10&pageSize=2&cursor={Uri.EscapeDataString(firstPage.Str("nextCursor"))}");
        Assert.Empty(firstPage.Items().Select(a => a.Id("lineId")).Intersect(second.Items().Select(a => a.Id("lineId"))));

        var gaps = await east.GetJsonAsync("/api/v1/stock-reports/anomalies?month=2025-10&flag=gap");
        Assert.NotEmpty(gaps.Items());
        Assert.All(gaps.Items(), a => Assert.Contains("gap", a.GetProperty("flags").EnumerateArray().Select(f => f.GetString())));

        var north = await ApiCalls.AllPagesAsync(await app.ClientAsync("manager.huabei"), "/api/v1/stock-reports/anomalies?month=2025-10");
        Assert.DoesNotContain(north, a => eastDealers.Contains(a.Str("dealerCode")));

        var listed = await east.GetJsonAsync("/api/v1/stock-reports?month=2025-10&flagged=true&pageSize=500");
        Assert.Contains(listed.Items(), r => r.Str("dealerCode") == "DLR-000001" && r.Number("flaggedLines") >= 3);
    }

    private static async Task<Guid> UploadAsync(HttpClient client, string csv, bool dryRun = false, bool applyValidRowsOnly = false)
    {
        using var response = await client.UploadAsync("stock-reports", Encoding.UTF8.GetBytes(csv), "stock.csv", applyValidRowsOnly, dryRun);
        return (await response.JsonAsync(HttpStatusCode.Accepted)).Id();
    }


}
