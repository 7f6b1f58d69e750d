using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SalesFlow.Core.Billing;
using SalesFlow.Core.Data;
using SalesFlow.Core.Orders;
using SalesFlow.Core.Rebates;

namespace SalesFlow.Web.Tests.Rebates;

/// <summary>Rebate policies, the monthly accrual from sell-in, settlement as a credit note, and the dealer-facing view.</summary>
public sealed class RebateApiTests(SalesFlowApp app) : IClassFixture<SalesFlowApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<SalesFlowDbContext> DbAsync() =>
        await app.Services.GetRequiredService<IDbContextFactory<SalesFlowDbContext>>().CreateDbContextAsync(Ct);

    private static object Policy(string name, int year, int quarter, decimal[] thresholds, decimal[] rates, string method = "WholeAmount", string? line = null, string? tier = null) => new
    {
        name,
        periodKind = "Quarterly",
        year,
        quarter,
        productLine = line,
        dealerTier = tier,
        method,
        tiers = thresholds.Select((t, i) => new { threshold = t, ratePercent = rates[i] }).ToArray(),
    };

    [Fact]
    public async Task Policies_are_managed_by_the_director_validated_by_field_and_read_by_finance_but_not_by_a_dealer()
    {
        var rep = await app.ClientAsync("rep.huadong.1");
        using (var refused = await rep.Post("/api/v1/rebates/policies", Policy("2024Q1", 2024, 1, [1m], [1m])))
        {
            await refused.ProblemAsync(HttpStatusCode.Forbidden);
        }

        var director = await app.ClientAsync("director");
        using (var bad = await director.Post("/api/v1/rebates/policies", Policy("2024Q1", 2024, 1, [2_000_000m, 1_000_000m], [2m, 3m])))
        {
            Assert.Contains("tiers[1].threshold", (await bad.ProblemAsync(HttpStatusCode.BadRequest)).ErrorFields());
        }

        using (var badRate = await director.Post("/api/v1/rebates/policies", Policy("2024Q1", 2024, 1, [1_000_000m], [120m])))
        {
            Assert.Contains("tiers[0].ratePercent", (await badRate.ProblemAsync(HttpStatusCode.BadRequest)).ErrorFields());
        }

        var created = await director.PostJsonAsync("/api/v1/rebates/policies", Policy("2024年一季度冲量", 2024, 1, [1_000_000m, 2_000_000m], [2m, 3m], "Progressive"), HttpStatusCode.Created);
        Assert.Equal(("2024-01-01", "2024-03-31", 2), (created.Str("periodStart"), created.Str("periodEnd"), created.GetProperty("tiers").GetArrayLength()));

        using (var overlap = await director.Post("/api/v1/rebates/policies", Policy("重复", 2024, 1, [1m], [1m], tier: "Gold")))
        {
            await overlap.ProblemAsync(HttpStatusCode.UnprocessableEntity, "rebate.policyOverlap");
        }

        var edited = await director.PutJsonAsync($"/api/v1/rebates/policies/{created.Id()}", new
        {
            name = "2024年一季度冲量（修订）",
            periodKind = "Quarterly",
            year = 2024,
            quarter = 1,
            method = "WholeAmount",
            tiers = new[] { new { threshold = 1_500_000m, ratePercent = 2.5m } },
            version = created.Number("version"),
        });
        Assert.Equal(("WholeAmount", 1), (edited.Str("method"), edited.GetProperty("tiers").GetArrayLength()));
        using (var stale = await director.Put($"/api/v1/rebates/policies/{created.Id()}", new
        {
            name = "x",
            periodKind = "Quarterly",
            year = 2024,
            quarter = 1,
            method = "WholeAmount",
            tiers = new[] { new { threshold = 1m, ratePercent = 1m } },
            version = created.Number("version"),
        }))
        {
            await stale.ProblemAsync(HttpStatusCode.Conflict, "common.staleVersion");
        }

        var finance = await app.ClientAsync("finance");
        var list = await finance.GetJsonAsync("/api/v1/rebates/policies?year=2024");
        Assert.Contains(list.Items(), p => p.Id() == created.Id());
        using (var financeEdit = await finance.Post("/api/v1/rebates/policies", Policy("f", 2024, 2, [1m], [1m])))
        {
            await financeEdit.ProblemAsync(HttpStatusCode.Forbidden);
        }

        var dealer = await app.ClientAsync("dealer.1");
        using var dealerList = await dealer.Get("/api/v1/rebates/policies");
        await dealerList.ProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task The_accrual_is_the_dealers_sell_in_to_date_and_re_accruing_a_month_replaces_it()
    {
        var director = await app.ClientAsync("director");
        var policy = await director.PostJsonAsync("/api/v1/rebates/policies", Policy("2025年二季度建材返利", 2025, 2, [100_000m, 1_000_000m, 3_000_000m], [1m, 2m, 3m], line: "建材散货"), HttpStatusCode.Created);
        var finance = await app.ClientAsync("finance");
        using (var repAccrue = await (await app.ClientAsync("rep.huadong.1")).Post("/api/v1/rebates/accrue?month=2025-05", null))
        {
            await repAccrue.ProblemAsync(HttpStatusCode.Forbidden);
        }

        using (var badMonth = await finance.Post("/api/v1/rebates/accrue?month=2025-13", null))
        {
            Assert.Contains("month", (await badMonth.ProblemAsync(HttpStatusCode.BadRequest)).ErrorFields());
        }

        await finance.PostJsonAsync("/api/v1/rebates/accrue?month=2025-04", new { });
        var run = await finance.PostJsonAsync("/api/v1/rebates/accrue?month=2025-05", new { });
        Assert.True(run.Number("accruals") > 0);

        var may = (await finance.GetJsonAsync($"/api/v1/rebates/accruals?policyId={policy.Id()}&month=2025-05-01&pageSize=500")).Items();
        var april = (await finance.GetJsonAsync($"/api/v1/rebates/accruals?policyId={policy.Id()}&month=2025-04-01&pageSize=500")).Items();
        Assert.InRange(may.Count, 1, run.Number("accruals"));

        // Hand-written: the dealer's booked orders (confirmed or fulfilled) of the line, April–May, net of tax.
        await using var db = await DbAsync();
        var booked = new[] { OrderStatus.Confirmed, OrderStatus.PartiallyFulfilled, OrderStatus.Fulfilled };
        var ordersOf = new Dictionary<Guid, int>();
        foreach (var row in may)
        {
            var dealerId = row.Id("dealerId");
            var lines = await (from o in db.Orders
                               where o.DealerId == dealerId && booked.Contains(o.Status) && o.OrderDate >= new DateOnly(2025, 4, 1) && o.OrderDate <= new DateOnly(2025, 5, 31)
                               join l in db.OrderLines on o.Id equals l.OrderId
                               join p in db.Products on l.ProductId equals p.Id
                               where p.ProductLine == "建材散货"
                               select new { o.Id, l.NetAmount }).ToListAsync(Ct);
            ordersOf[row.Id()] = lines.Select(l => l.Id).Distinct().Count();
            var expected = lines.Sum(l => l.NetAmount);
            Assert.Equal(expected, row.GetProperty("purchaseToDate").GetDecimal());
            var outcome = RebateCalculator.Calculate([new(100_000m, 1m), new(1_000_000m, 2m), new(3_000_000m, 3m)], RebateMethod.WholeAmount, expected);
            Assert.Equal(outcome.Rebate, row.GetProperty("earnedToDate").GetDecimal());
            Assert.Equal(outcome.MissingToNext, row.GetProperty("missingToNext").GetDecimal());
            var earnedInApril = april.Where(a => a.Id("dealerId") == dealerId).Select(a => a.GetProperty("earnedToDate").GetDecimal()).SingleOrDefault();
            Assert.Equal(outcome.Rebate - earnedInApril, row.GetProperty("increment").GetDecimal());
        }

        // Again: the same rows with the same figures, never a second set, and no audit entry for a row that did not change.
        var accrualIds = may.Select(r => r.Id().ToString()).ToList();
        var audited = await db.AuditEntries.CountAsync(e => e.EntityType == "RebateAccrual" && accrualIds.Contains(e.EntityId), Ct);
        Assert.True(audited >= may.Count, "each accrual row's creation is audited");
        await finance.PostJsonAsync("/api/v1/rebates/accrue?month=2025-05", new { });
        Assert.Equal(audited, await db.AuditEntries.CountAsync(e => e.EntityType == "RebateAccrual" && accrualIds.Contains(e.EntityId), Ct));
        var policyId = policy.Id();
        Assert.Equal(may.Count, await db.RebateAccruals.CountAsync(a => a.PolicyId == policyId && a.Month == new DateOnly(2025, 5, 1), Ct));
        var again = (await finance.GetJsonAsync($"/api/v1/rebates/accruals?policyId={policy.Id()}&month=2025-05-01&pageSize=500")).Items();
        Assert.Equal(
            may.Select(r => (r.Id(), r.GetProperty("earnedToDate").GetDecimal())).OrderBy(r => r.Item1),
            again.Select(r => (r.Id(), r.GetProperty("earnedToDate").GetDecimal())).OrderBy(r => r.Item1));

        // The orders behind the accrual with the most orders, one per page, add up to its purchase. (Which accrual that is
        // moves with the demo company's dates, which are relative to today; the biggest one once had a single order.)
        var busiest = may.OrderByDescending(r => ordersOf[r.Id()]).First();
        Assert.True(ordersOf[busiest.Id()] > 1, "some dealer has more than one order of the line in April–May 2025");
        decimal sum = 0;
        var pages = 0;
        string? cursor = null;
        do
        {
            var page = await finance.GetJsonAsync($"/api/v1/rebates/accruals/{busiest.Id()}/orders?pageSize=1" + (cursor is null ? "" : $"&cursor={cursor}"));
            sum += page.Items().Sum(o => o.GetProperty("amount").GetDecimal());
            cursor = page.GetProperty("nextCursor").GetString();
            pages++;
        }
        while (cursor is not null && pages < 100);
        Assert.Equal(busiest.GetProperty("purchaseToDate").GetDecimal(), sum);
        Assert.Equal(ordersOf[busiest.Id()], pages);
    }

    [Fact]
    public async Task Settling_makes_one_credit_note_which_reduces_what_the_dealer_owes_on_an_invoice()
    {
        // The suspended dealer's last invoices are unpaid: settle its 2025 Q3 and use the credit note on one of them.
        await using var db = await DbAsync();
        var open = await db.Invoices
            .Where(i => (i.Status == InvoiceStatus.Open || i.Status == InvoiceStatus.PartiallyPaid) && db.Dealers.Any(d => d.CustomerId == i.CustomerId))
            .OrderBy(i => i.Number).Select(i => new { i.Id, i.CustomerId, Outstanding = i.Total - i.PaidAmount }).FirstAsync(Ct);
        var dealerId = await db.Dealers.Where(d => d.CustomerId == open.CustomerId).Select(d => d.Id).SingleAsync(Ct);

        var director = await app.ClientAsync("director");
        var policy = await director.PostJsonAsync("/api/v1/rebates/policies", Policy("2025年三季度全品返利", 2025, 3, [1m], [1m]), HttpStatusCode.Created);
        var finance = await app.ClientAsync("finance");
        using (var rep = await (await app.ClientAsync("rep.huadong.1")).Post("/api/v1/rebates/settlements", new { policyId = policy.Id(), dealerId }))
        {
            await rep.ProblemAsync(HttpStatusCode.Forbidden);
        }

        var settled = await finance.PostJsonAsync("/api/v1/rebates/settlements", new { policyId = policy.Id(), dealerId }, HttpStatusCode.Created);
        var purchase = settled.GetProperty("purchase").GetDecimal();
        Assert.True(purchase > 0);
        Assert.Equal(decimal.Round(purchase / 100m, 2, MidpointRounding.AwayFromZero), settled.GetProperty("amount").GetDecimal());
        Assert.StartsWith("CN-", settled.Str("creditNoteNumber"), StringComparison.Ordinal);

        using (var twice = await finance.Post("/api/v1/rebates/settlements", new { policyId = policy.Id(), dealerId }))
        {
            await twice.ProblemAsync(HttpStatusCode.Conflict, "rebate.alreadySettled");
        }

        var policyId = policy.Id();
        Assert.Equal(1, await db.RebateSettlements.CountAsync(s => s.PolicyId == policyId && s.DealerId == dealerId, Ct));
        Assert.Equal(1, await db.CreditNotes.CountAsync(c => c.SourceId == policyId && c.CustomerId == open.CustomerId, Ct));

        // This year's running policy cannot be settled yet.
        var running = await db.RebatePolicies.Where(p => p.Year == DateTime.UtcNow.Year && p.PeriodEnd >= DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8))).Select(p => p.Id).FirstAsync(Ct);
        using (var early = await finance.Post("/api/v1/rebates/settlements", new { policyId = running, dealerId }))
        {
            await early.ProblemAsync(HttpStatusCode.UnprocessableEntity, "rebate.periodNotEnded");
        }

        var note = await finance.GetJsonAsync($"/api/v1/credit-notes/{settled.Id("creditNoteId")}");
        Assert.Equal(settled.GetProperty("amount").GetDecimal(), note.GetProperty("amount").GetDecimal());
        var use = Math.Min(Math.Min(100m, note.GetProperty("amount").GetDecimal()), open.Outstanding);
        using (var tooMuch = await finance.Post($"/api/v1/credit-notes/{note.Id()}/allocate", new { allocations = new[] { new { invoiceId = open.Id, amount = note.GetProperty("amount").GetDecimal() + 1m } } }))
        {
            await tooMuch.ProblemAsync(HttpStatusCode.UnprocessableEntity, "creditNote.exceedsCreditNote");
        }

        async Task<decimal> AgedAsync() =>
            (await finance.GetJsonAsync("/api/v1/reports/aging?by=customer")).GetProperty("rows").EnumerateArray()
                .Where(r => r.Id("key") == open.CustomerId).Sum(r => r.GetProperty("total").GetDecimal());
        var agedBefore = await AgedAsync();
        var allocated = await finance.PostJsonAsync($"/api/v1/credit-notes/{note.Id()}/allocate", new { allocations = new[] { new { invoiceId = open.Id, amount = use } } });
        Assert.Equal(use, allocated.GetProperty("allocatedAmount").GetDecimal());
        var invoice = await finance.GetJsonAsync($"/api/v1/invoices/{open.Id}");
        Assert.Equal(open.Outstanding - use, invoice.GetProperty("outstanding").GetDecimal());

        // The receivables report sees the credit note as paid, like the invoice does.
        Assert.Equal(agedBefore - use, await AgedAsync());

        // The settlement list shows what is left of the credit note.
        var listed = (await finance.GetJsonAsync($"/api/v1/rebates/settlements?dealerId={dealerId}")).Items();
        Assert.Contains(listed, s => s.Id("creditNoteId") == note.Id() && s.GetProperty("creditNoteUnapplied").GetDecimal() == note.GetProperty("amount").GetDecimal() - use);
    }

    [Fact]
    public async Task A_dealer_user_sees_its_own_rebates_without_internal_fields_and_404_for_another_dealer()
    {
        await using var db = await DbAsync();
        var first = await db.Dealers.Where(d => d.Code == "DLR-000001").Select(d => d.Id).SingleAsync(Ct);
        var second = await db.Dealers.Where(d => d.Code == "DLR-000002").Select(d => d.Id).SingleAsync(Ct);
        var dealer = await app.ClientAsync("dealer.1");

        var own = await dealer.GetJsonAsync($"/api/v1/dealers/{first}/rebates");
        Assert.Equal(first, own.Id("dealerId"));
        var items = own.GetProperty("items").EnumerateArray().ToList();
        Assert.NotEmpty(items);
        Assert.Contains(items, i => i.GetProperty("settlement").ValueKind != System.Text.Json.JsonValueKind.Null);
        Assert.Contains(items, i => i.GetProperty("earnedToDate").GetDecimal() > 0);
        foreach (var item in items)
        {
            var names = item.EnumerateObject().Select(p => p.Name).ToList();
            Assert.DoesNotContain("createdBy", names);
            Assert.DoesNotContain("version", names);
            Assert.DoesNotContain("dealerTier", names);
        }

        using (var other = await dealer.Get($"/api/v1/dealers/{second}/rebates"))
        {
            await other.ProblemAsync(HttpStatusCode.NotFound);
        }

        using (var accruals = await dealer.Get("/api/v1/rebates/accruals"))
        {
            await accruals.ProblemAsync(HttpStatusCode.Forbidden);
        }

        // Internal users reach the same view for the dealers they see.
        var director = await app.ClientAsync("director");
        Assert.Equal(second, (await director.GetJsonAsync($"/api/v1/dealers/{second}/rebates")).Id("dealerId"));
    }

    [Fact]
    public async Task The_demo_has_this_years_policies_monthly_accruals_and_last_years_settled_credit_notes()
    {
        await using var db = await DbAsync();
        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));
        var policies = await db.RebatePolicies.Include(p => p.Tiers).Where(p => p.Year == today.Year).ToListAsync(Ct);
        Assert.Contains(policies, p => p.PeriodKind == RebatePeriodKind.Quarterly);
        var annual = policies.Where(p => p.PeriodKind == RebatePeriodKind.Annual).ToList();
        Assert.InRange(annual.Count, 2, await db.Products.Select(p => p.ProductLine).Distinct().CountAsync(Ct));
        Assert.All(annual, p => Assert.InRange(p.Tiers.Count, 3, 4));
        Assert.Contains(annual, p => p.Method == RebateMethod.Progressive);

        var months = await db.RebateAccruals.Where(a => annual.Select(p => p.Id).Contains(a.PolicyId)).Select(a => a.Month).Distinct().CountAsync(Ct);
        // Accrued every month from the first month of this year with dealer sell-in up to this month (period-to-date rows).
        var booked = SalesFlow.Core.Planning.Actuals.SalesActuals.BookedStatuses;
        var firstSale = await db.Orders.Where(o => o.DealerId != null && booked.Contains(o.Status) && o.OrderDate >= new DateOnly(today.Year, 1, 1))
            .MinAsync(o => (DateOnly?)o.OrderDate, Ct);
        Assert.Equal(firstSale is { } first ? today.Month - first.Month + 1 : 0, months);

        var lastYear = today.Year - 1;
        var settled = await db.RebateSettlements.CountAsync(s => db.RebatePolicies.Any(p => p.Id == s.PolicyId && p.Year == lastYear), Ct);
        Assert.True(settled > 0);
        Assert.True(await db.CreditNoteAllocations.AnyAsync(Ct));
    }
}
