using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SalesFlow.Core.Catalog.Prices;
using SalesFlow.Core.Common;
using SalesFlow.Core.Data;
using SalesFlow.Core.Dealers;

namespace SalesFlow.Web.Tests.Dealers;

/// <summary>Applications, the lifecycle verbs, territories and tier changes over HTTP: roles (403), scope (404), state and version (409), rules (422).</summary>
public sealed class DealerLifecycleApiTests(SalesFlowApp app) : IClassFixture<SalesFlowApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly Dictionary<string, int> Good = new() { ["capital"] = 4, ["channels"] = 4, ["customers"] = 3, ["team"] = 3, ["credit"] = 4 };

    private async Task<T> DbAsync<T>(Func<SalesFlowDbContext, Task<T>> read)
    {
        await using var scope = app.Services.CreateAsyncScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<SalesFlowDbContext>>().CreateDbContextAsync(Ct);
        return await read(db);
    }

    /// <summary>A dealer of 华东 (manager.huadong's region) in the status wanted.</summary>
    private Task<Dealer> RepDealerAsync(DealerStatus status, int skip = 0) => DbAsync(db =>
        db.Dealers.AsNoTracking()
            .Where(d => d.Status == status && db.OrgUnits.Any(u => u.Id == d.RegionId && u.Code == "HD"))
            .OrderBy(d => d.Code).Skip(skip).FirstAsync(Ct));

    private static object Application(string name, string city) => new
    {
        companyName = name,
        licenceNumber = "91320100MA1XYW1234",
        registeredCapital = 5_000_000m,
        province = "江苏",
        city,
        channels = "商超、批发市场",
        customerResources = "覆盖门店 120 家",
        teamSize = 25,
        contactName = "王经理",
        contactMobile = "13912345678",
    };

    private static async Task<JsonElement> ApprovedDealerAsync(HttpClient rep, HttpClient manager, string name, string city)
    {
        var application = await rep.PostJsonAsync("/api/v1/dealer-applications", Application(name, city), HttpStatusCode.Created);
        var scored = await rep.PostJsonAsync($"/api/v1/dealer-applications/{application.Id()}/score", new { scores = Good, note = "资质良好", version = application.Number("version") });
        var approved = await manager.PostJsonAsync($"/api/v1/dealer-applications/{application.Id()}/approve", new { tier = "Silver", version = scored.Number("version") });
        return await manager.GetJsonAsync($"/api/v1/dealers/{approved.Id("dealerId")}");
    }

    [Fact]
    public async Task A_licence_number_typed_in_lower_case_is_stored_in_upper_case_by_the_use_case()
    {
        var rep = await app.ClientAsync("rep.huadong.1");
        var body = JsonSerializer.SerializeToElement(Application("扬州润通商贸有限公司", "扬州"));
        var lower = body.EnumerateObject().ToDictionary(p => p.Name, p => p.Name == "licenceNumber" ? (object)" 91321000ma1xyw5678 " : p.Value);
        var created = await rep.PostJsonAsync("/api/v1/dealer-applications", lower, HttpStatusCode.Created);
        Assert.Equal("91321000MA1XYW5678", created.Str("licenceNumber"));
    }

    [Fact]
    public async Task An_application_is_entered_scored_approved_and_the_dealer_onboarded_to_active()
    {
        var rep = await app.ClientAsync("rep.huadong.1");
        var manager = await app.ClientAsync("manager.huadong");
        var finance = await app.ClientAsync("finance");

        var application = await rep.PostJsonAsync("/api/v1/dealer-applications", Application("扬州恒通商贸有限公司", "扬州"), HttpStatusCode.Created);
        Assert.Equal("Submitted", application.Str("status"));
        Assert.StartsWith("DAP-", application.Str("number"), StringComparison.Ordinal);
        Assert.Equal(5, application.GetProperty("checklist").GetArrayLength());

        // Scoring: every criterion, within range.
        using (var bad = await rep.Post($"/api/v1/dealer-applications/{application.Id()}/score", new { scores = new Dictionary<string, int> { ["capital"] = 9 }, version = application.Number("version") }))
        {
            await bad.ProblemAsync(HttpStatusCode.BadRequest);
        }

        var scored = await rep.PostJsonAsync($"/api/v1/dealer-applications/{application.Id()}/score", new { scores = Good, version = application.Number("version") });
        Assert.Equal(("Scored", 73m), (scored.Str("status"), scored.GetProperty("totalScore").GetDecimal()));

        // The area manager may not approve; a stale version is refused; the regional manager approves.
        using (var forbidden = await rep.Post($"/api/v1/dealer-applications/{application.Id()}/approve", new { tier = "Silver", version = scored.Number("version") }))
        {
            await forbidden.ProblemAsync(HttpStatusCode.Forbidden);
        }

        using (var stale = await manager.Post($"/api/v1/dealer-applications/{application.Id()}/approve", new { tier = "Silver", version = application.Number("version") }))
        {
            await stale.ProblemAsync(HttpStatusCode.Conflict, "common.staleVersion");
        }

        var approved = await manager.PostJsonAsync($"/api/v1/dealer-applications/{application.Id()}/approve", new { tier = "Silver", version = scored.Number("version") });
        Assert.Equal("Approved", approved.Str("status"));
        var dealerId = approved.Id("dealerId");
        Assert.StartsWith("DLR-", approved.Str("dealerCode"), StringComparison.Ordinal);

        var dealer = await rep.GetJsonAsync($"/api/v1/dealers/{dealerId}");
        Assert.Equal(("Approved", "Silver", "扬州恒通商贸有限公司"), (dealer.Str("status"), dealer.Str("tier"), dealer.Str("name")));
        var account = await DbAsync(db => db.Customers.AsNoTracking().SingleAsync(c => c.Id == dealer.Id("customerId"), Ct));
        Assert.Equal((SalesFlow.Core.Customers.CustomerType.Dealer, dealer.Id("managerId"), dealer.Id("orgUnitId")), (account.Type, account.OwnerId, account.OrgUnitId));

        // Contract with a territory.
        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));
        var contract = new
        {
            contractStart = today,
            productScope = new[] { "BM", "CN" },
            yearlyTarget = 1_200_000m,
            depositAmount = 50_000m,
            territories = new[] { new { province = "江苏", city = "扬州" } },
            version = dealer.Number("version"),
        };
        using (var wrongState = await rep.Post($"/api/v1/dealers/{dealerId}/activate", new { version = dealer.Number("version") }))
        {
            await wrongState.ProblemAsync(HttpStatusCode.Conflict, "dealer.wrongStatus");
        }

        dealer = await rep.PostJsonAsync($"/api/v1/dealers/{dealerId}/sign-contract", contract);
        Assert.Equal(("Contracted", today.AddYears(1).AddDays(-1).ToString("yyyy-MM-dd"), "BM,CN"), (dealer.Str("status"), dealer.Str("contractEnd"), dealer.Str("productScope")));
        var territories = (await rep.GetJsonAsync($"/api/v1/dealers/{dealerId}/territories")).EnumerateArray().ToList();
        Assert.Equal(("扬州", true), (Assert.Single(territories).Str("city"), territories[0].GetProperty("exclusive").GetBoolean()));

        // Only finance records the deposit.
        using (var repDeposit = await rep.Post($"/api/v1/dealers/{dealerId}/record-deposit", new { version = dealer.Number("version") }))
        {
            await repDeposit.ProblemAsync(HttpStatusCode.Forbidden);
        }

        dealer = await finance.PostJsonAsync($"/api/v1/dealers/{dealerId}/record-deposit", new { version = dealer.Number("version") });
        Assert.Equal("DepositReceived", dealer.Str("status"));
        dealer = await rep.PostJsonAsync($"/api/v1/dealers/{dealerId}/complete-training", new { version = dealer.Number("version") });
        dealer = await rep.PostJsonAsync($"/api/v1/dealers/{dealerId}/activate", new { version = dealer.Number("version") });
        Assert.Equal("Active", dealer.Str("status"));
        Assert.Equal(today.ToString("yyyy-MM-dd"), dealer.Str("activatedOn"));

        // The audit trail names who did each step.
        var audited = await DbAsync(db => db.AuditEntries.AsNoTracking().CountAsync(a => a.EntityId == dealerId.ToString(), Ct));
        Assert.True(audited >= 5, $"{audited} audit entries");
    }

    [Fact]
    public async Task An_application_below_the_pass_mark_cannot_be_approved_and_a_rejection_needs_a_reason()
    {
        var rep = await app.ClientAsync("rep.huadong.1");
        var manager = await app.ClientAsync("manager.huadong");
        var application = await rep.PostJsonAsync("/api/v1/dealer-applications", Application("徐州小型商行", "徐州"), HttpStatusCode.Created);
        var weak = new Dictionary<string, int> { ["capital"] = 1, ["channels"] = 2, ["customers"] = 2, ["team"] = 1, ["credit"] = 3 };
        var scored = await rep.PostJsonAsync($"/api/v1/dealer-applications/{application.Id()}/score", new { scores = weak, version = application.Number("version") });
        using (var below = await manager.Post($"/api/v1/dealer-applications/{application.Id()}/approve", new { tier = "Bronze", version = scored.Number("version") }))
        {
            var problem = await below.ProblemAsync(HttpStatusCode.UnprocessableEntity, "application.belowPassMark");
            Assert.Equal(60m, problem.GetProperty("passMark").GetDecimal());
        }

        using (var noReason = await manager.Post($"/api/v1/dealer-applications/{application.Id()}/reject", new { reason = "", version = scored.Number("version") }))
        {
            Assert.Contains("reason", (await noReason.ProblemAsync(HttpStatusCode.BadRequest)).ErrorFields());
        }

        var rejected = await manager.PostJsonAsync($"/api/v1/dealer-applications/{application.Id()}/reject", new { reason = "资金实力不足", version = scored.Number("version") });
        Assert.Equal(("Rejected", "资金实力不足"), (rejected.Str("status"), rejected.Str("rejectionReason")));
        using (var again = await rep.Post($"/api/v1/dealer-applications/{application.Id()}/score", new { scores = Good, version = rejected.Number("version") }))
        {
            await again.ProblemAsync(HttpStatusCode.Conflict, "application.wrongStatus");
        }

        // Another region's manager does not see it; the list filters by status.
        var huabei = await app.ClientAsync("manager.huabei");
        using (var outOfScope = await huabei.Get($"/api/v1/dealer-applications/{application.Id()}"))
        {
            await outOfScope.ProblemAsync(HttpStatusCode.NotFound);
        }

        var list = (await manager.GetJsonAsync("/api/v1/dealer-applications?status=Rejected")).Items();
        Assert.Contains(list, a => a.Id() == application.Id());
        Assert.All(list, a => Assert.Equal("Rejected", a.Str("status")));
    }

    [Fact]
    public async Task An_overlapping_exclusive_territory_is_refused_naming_the_dealer_that_holds_it()
    {
        var manager = await app.ClientAsync("manager.huadong");
        var holder = await DbAsync(db => db.Dealers.AsNoTracking().SingleAsync(d => db.DealerTerritories.Any(t => t.DealerId == d.Id && t.City == "苏州" && t.ValidTo == null), Ct));
        var other = await RepDealerAsync(DealerStatus.Active);
        Assert.NotEqual(holder.Id, other.Id);

        using (var overlap = await manager.Post($"/api/v1/dealers/{other.Id}/territories", new { province = "江苏", city = "苏州", validFrom = "2027-01-01" }))
        {
            var problem = await overlap.ProblemAsync(HttpStatusCode.UnprocessableEntity, "territory.overlap");
            Assert.Equal((holder.Code, holder.Name), (problem.Str("dealerCode"), problem.Str("dealerName")));
            Assert.Contains(holder.Name, problem.Str("title"), StringComparison.Ordinal);
        }

        // The whole province meets the city too; a non-exclusive claim on the held city is refused as well.
        using (var province = await manager.Post($"/api/v1/dealers/{other.Id}/territories", new { province = "江苏", validFrom = "2027-01-01" }))
        {
            await province.ProblemAsync(HttpStatusCode.UnprocessableEntity, "territory.overlap");
        }

        // A free city is added, ended, and after its end the city is free for another dealer.
        var added = await manager.PostJsonAsync($"/api/v1/dealers/{other.Id}/territories", new { province = "江苏", city = "镇江", validFrom = "2027-01-01" }, HttpStatusCode.Created);
        Assert.True(added.GetProperty("exclusive").GetBoolean());
        var ended = await manager.PostJsonAsync($"/api/v1/dealers/{other.Id}/territories/{added.Id()}/end", new { on = "2027-06-30" });
        Assert.Equal("2027-06-30", ended.Str("validTo"));
        using (var again = await manager.Post($"/api/v1/dealers/{other.Id}/territories/{added.Id()}/end", new { on = "2027-06-30" }))
        {
            await again.ProblemAsync(HttpStatusCode.Conflict, "territory.alreadyEnded");
        }

        var second = await RepDealerAsync(DealerStatus.Active, skip: 1);
        await manager.PostJsonAsync($"/api/v1/dealers/{second.Id}/territories", new { province = "江苏", city = "镇江", validFrom = "2027-07-01" }, HttpStatusCode.Created);

        // A rep cannot change territories.
        var rep = await app.ClientAsync("rep.huadong.1");
        using var forbidden = await rep.Post($"/api/v1/dealers/{other.Id}/territories", new { province = "江苏", city = "泰州", validFrom = "2027-01-01" });
        await forbidden.ProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task The_dealer_list_is_scoped_filtered_and_another_regions_dealer_is_not_found()
    {
        var huabei = await app.ClientAsync("manager.huabei");
        var huadongDealer = await RepDealerAsync(DealerStatus.Active);
        using (var outOfScope = await huabei.Get($"/api/v1/dealers/{huadongDealer.Id}"))
        {
            await outOfScope.ProblemAsync(HttpStatusCode.NotFound);
        }

        using (var outOfScopeVerb = await huabei.Post($"/api/v1/dealers/{huadongDealer.Id}/suspend", new { reason = "x", version = huadongDealer.Version }))
        {
            await outOfScopeVerb.ProblemAsync(HttpStatusCode.NotFound);
        }

        var director = await app.ClientAsync("director");
        var all = await director.GetJsonAsync("/api/v1/dealers?pageSize=20");
        Assert.True(all.GetProperty("totalCount").GetInt32() >= 60);
        Assert.Equal(20, all.Items().Count);
        var next = await director.GetJsonAsync($"/api/v1/dealers?pageSize=20&cursor={Uri.EscapeDataString(all.Str("nextCursor"))}");
        Assert.Empty(next.Items().Select(i => i.Id()).Intersect(all.Items().Select(i => i.Id())));

        var gold = (await director.GetJsonAsync("/api/v1/dealers?tier=Gold&status=Active&pageSize=200")).Items();
        Assert.NotEmpty(gold);
        Assert.All(gold, d => Assert.Equal(("Gold", "Active"), (d.Str("tier"), d.Str("status"))));
        var found = (await director.GetJsonAsync($"/api/v1/dealers?q={Uri.EscapeDataString(huadongDealer.Code)}")).Items();
        Assert.Equal(huadongDealer.Id, Assert.Single(found).Id());

        var huabeiList = (await huabei.GetJsonAsync("/api/v1/dealers?pageSize=200")).Items();
        Assert.Equal(10, huabeiList.Count(d => d.Str("regionName") == huabeiList[0].Str("regionName")));
        Assert.DoesNotContain(huabeiList, d => d.Id() == huadongDealer.Id);

        var rep = await app.ClientAsync("rep.huadong.1");
        var own = (await rep.GetJsonAsync("/api/v1/dealers?pageSize=200")).Items();
        var repEmployee = await DbAsync(db => db.Users.Where(u => u.UserName == "rep.huadong.1").Select(u => u.EmployeeId).SingleAsync(Ct));
        var managed = await DbAsync(db => db.Dealers.CountAsync(d => d.ManagerId == repEmployee, Ct));
        Assert.Equal(managed, own.Count);
        Assert.All(own, d => Assert.Equal(repEmployee, d.Id("managerId")));

        // A dealer user uses the portal, not the internal file.
        var dealerUser = await app.ClientAsync("dealer.1");
        using var portal = await dealerUser.Get("/api/v1/dealers");
        Assert.Equal(HttpStatusCode.Forbidden, portal.StatusCode);
    }

    [Fact]
    public async Task Details_are_edited_with_a_version_and_a_stale_one_is_refused()
    {
        var manager = await app.ClientAsync("manager.huadong");
        var dealer = await manager.GetJsonAsync($"/api/v1/dealers/{(await RepDealerAsync(DealerStatus.Active, skip: 2)).Id}");
        var body = new { name = dealer.Str("name"), address = "南京市玄武区中山路 1 号", contactName = "李总", contactMobile = "13800001111", licenceNumber = "91320100MA1ABC0001", registeredCapital = 8_000_000m, version = dealer.Number("version") };
        var updated = await manager.PutJsonAsync($"/api/v1/dealers/{dealer.Id()}", body);
        Assert.Equal(("李总", dealer.Number("version") + 1), (updated.Str("contactName"), updated.Number("version")));
        using (var stale = await manager.Put($"/api/v1/dealers/{dealer.Id()}", body))
        {
            var problem = await stale.ProblemAsync(HttpStatusCode.Conflict, "common.staleVersion");
            Assert.Equal("李总", problem.GetProperty("current").Str("contactName"));
        }

        var rep = await app.ClientAsync("rep.huadong.1");
        using var forbidden = await rep.Put($"/api/v1/dealers/{dealer.Id()}", body with { version = updated.Number("version") });
        await forbidden.ProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Suspension_resumes_to_the_earlier_status_and_termination_ends_territories_then_finance_refunds()
    {
        var rep = await app.ClientAsync("rep.huadong.1");
        var manager = await app.ClientAsync("manager.huadong");
        var finance = await app.ClientAsync("finance");
        var dealer = await ApprovedDealerAsync(rep, manager, "泰州永昌商贸有限公司", "泰州");
        var id = dealer.Id();
        dealer = await rep.PostJsonAsync($"/api/v1/dealers/{id}/sign-contract", new
        {
            contractStart = "2026-12-01",
            yearlyTarget = 500_000m,
            depositAmount = 30_000m,
            territories = new[] { new { province = "江苏", city = "泰州" } },
            version = dealer.Number("version"),
        });

        using (var repSuspends = await rep.Post($"/api/v1/dealers/{id}/suspend", new { reason = "资质待核实", version = dealer.Number("version") }))
        {
            await repSuspends.ProblemAsync(HttpStatusCode.Forbidden);
        }

        using (var noReason = await manager.Post($"/api/v1/dealers/{id}/suspend", new { version = dealer.Number("version") }))
        {
            Assert.Contains("reason", (await noReason.ProblemAsync(HttpStatusCode.BadRequest)).ErrorFields());
        }

        dealer = await manager.PostJsonAsync($"/api/v1/dealers/{id}/suspend", new { reason = "资质待核实", version = dealer.Number("version") });
        Assert.Equal(("Suspended", "Contracted", "资质待核实"), (dealer.Str("status"), dealer.Str("statusBeforeSuspension"), dealer.Str("suspensionReason")));
        dealer = await manager.PostJsonAsync($"/api/v1/dealers/{id}/resume", new { version = dealer.Number("version") });
        Assert.Equal("Contracted", dealer.Str("status"));

        dealer = await finance.PostJsonAsync($"/api/v1/dealers/{id}/record-deposit", new { version = dealer.Number("version") });
        dealer = await manager.PostJsonAsync($"/api/v1/dealers/{id}/terminate", new { reason = "未按期完成培训", on = "2026-12-20", version = dealer.Number("version") });
        Assert.Equal(("Terminated", "未按期完成培训"), (dealer.Str("status"), dealer.Str("terminationReason")));
        var territory = Assert.Single((await manager.GetJsonAsync($"/api/v1/dealers/{id}/territories")).EnumerateArray());
        Assert.Equal("2026-12-20", territory.Str("validTo"));

        using (var repRefund = await manager.Post($"/api/v1/dealers/{id}/record-deposit-refund", new { version = dealer.Number("version") }))
        {
            await repRefund.ProblemAsync(HttpStatusCode.Forbidden);
        }

        dealer = await finance.PostJsonAsync($"/api/v1/dealers/{id}/record-deposit-refund", new { on = "2026-12-28", version = dealer.Number("version") });
        Assert.Equal("2026-12-28", dealer.Str("depositRefundedOn"));
        using var twice = await finance.Post($"/api/v1/dealers/{id}/record-deposit-refund", new { version = dealer.Number("version") });
        await twice.ProblemAsync(HttpStatusCode.UnprocessableEntity, "dealer.noDepositToRefund");
    }

    [Fact]
    public async Task Assessment_then_renewal_extends_the_contract_and_its_territories()
    {
        var manager = await app.ClientAsync("manager.huadong");
        var dealer = await manager.GetJsonAsync($"/api/v1/dealers/{(await RepDealerAsync(DealerStatus.Active, skip: 3)).Id}");
        using (var unassessed = await manager.Post($"/api/v1/dealers/{dealer.Id()}/renew", new { version = dealer.Number("version") }))
        {
            await unassessed.ProblemAsync(HttpStatusCode.UnprocessableEntity, "dealer.assessmentRequired");
        }

        dealer = await manager.PostJsonAsync($"/api/v1/dealers/{dealer.Id()}/assess", new { result = "Passed", reason = "完成年度目标 96%", version = dealer.Number("version") });
        Assert.Equal(("Passed", "完成年度目标 96%"), (dealer.Str("assessmentResult"), dealer.Str("assessmentNote")));
        var oldEnd = DateOnly.Parse(dealer.Str("contractEnd"), System.Globalization.CultureInfo.InvariantCulture);
        dealer = await manager.PostJsonAsync($"/api/v1/dealers/{dealer.Id()}/renew", new { yearlyTarget = 2_000_000m, version = dealer.Number("version") });
        Assert.Equal((oldEnd.AddDays(1).ToString("yyyy-MM-dd"), oldEnd.AddYears(1).ToString("yyyy-MM-dd")), (dealer.Str("contractStart"), dealer.Str("contractEnd")));
        Assert.Equal(2_000_000m, dealer.GetProperty("yearlyTarget").GetDecimal());
    }

    [Fact]
    public async Task A_tier_change_is_approved_by_the_director_and_prices_follow_the_tier_effective_on_the_pricing_date()
    {
        var rep = await app.ClientAsync("manager.huadong");
        var manager = rep;
        var director = await app.ClientAsync("director");
        var target = await RepDealerAsync(DealerStatus.Active, skip: 4);
        var toTier = target.Tier == DealerTier.Gold ? DealerTier.Silver : DealerTier.Gold;
        var clock = app.Services.GetRequiredService<CompanyClock>();
        var tomorrow = clock.Today.AddDays(1);

        using (var past = await rep.Post($"/api/v1/dealers/{target.Id}/tier-changes", new { toTier = toTier.ToString(), effectiveOn = clock.Today.AddDays(-1), reason = "年度评估优秀" }))
        {
            Assert.Contains("effectiveOn", (await past.ProblemAsync(HttpStatusCode.BadRequest)).ErrorFields());
        }

        using (var same = await rep.Post($"/api/v1/dealers/{target.Id}/tier-changes", new { toTier = target.Tier.ToString(), effectiveOn = tomorrow, reason = "x" }))
        {
            await same.ProblemAsync(HttpStatusCode.UnprocessableEntity, "tier.unchanged");
        }

        var change = await rep.PostJsonAsync($"/api/v1/dealers/{target.Id}/tier-changes", new { toTier = toTier.ToString(), effectiveOn = tomorrow, reason = "年度评估优秀" }, HttpStatusCode.Created);
        Assert.Equal(("Pending", target.Tier.ToString()), (change.Str("status"), change.Str("fromTier")));
        using (var second = await rep.Post($"/api/v1/dealers/{target.Id}/tier-changes", new { toTier = toTier.ToString(), effectiveOn = tomorrow, reason = "again" }))
        {
            await second.ProblemAsync(HttpStatusCode.UnprocessableEntity, "tier.pendingExists");
        }

        using (var managerApproves = await manager.Post($"/api/v1/dealers/{target.Id}/tier-changes/{change.Id()}/approve", new { version = change.Number("version") }))
        {
            await managerApproves.ProblemAsync(HttpStatusCode.Forbidden);
        }

        var pending = (await director.GetJsonAsync("/api/v1/dealer-tier-changes?status=Pending")).Items();
        Assert.Contains(pending, c => c.Id() == change.Id());
        var approved = await director.PostJsonAsync($"/api/v1/dealers/{target.Id}/tier-changes/{change.Id()}/approve", new { note = "同意", version = change.Number("version") });
        Assert.Equal(("Approved", "director"), (approved.Str("status"), approved.Str("decidedBy")));
        using (var twice = await director.Post($"/api/v1/dealers/{target.Id}/tier-changes/{change.Id()}/reject", new { note = "x", version = approved.Number("version") }))
        {
            await twice.ProblemAsync(HttpStatusCode.Conflict, "tier.notPending");
        }

        // Today it still buys at its old tier; from tomorrow at the new one.
        await using var scope = app.Services.CreateAsyncScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<SalesFlowDbContext>>().CreateDbContextAsync(Ct);
        var account = await db.Customers.AsNoTracking().SingleAsync(c => c.Id == target.CustomerId, Ct);
        Assert.Equal(target.Tier, (await DealerAccounts.PriceContextAsync(db, account, clock.Today, Ct)).DealerTier);
        Assert.Equal(toTier, (await DealerAccounts.PriceContextAsync(db, account, tomorrow, Ct)).DealerTier);
        var detail = await rep.GetJsonAsync($"/api/v1/dealers/{target.Id}");
        Assert.Equal(target.Tier.ToString(), detail.Str("effectiveTier"));

        // Plans for a month priced after the change use the new tier too; and once the day comes, the daily job makes it the
        // stored tier, so the list and its tier filter show it (today's run changes nothing).
        var tiers = await DealerAccounts.TiersAsync(db, [target.CustomerId], tomorrow, Ct);
        Assert.Equal(toTier, tiers[target.CustomerId]);
        var tierJob = scope.ServiceProvider.GetServices<SalesFlow.Core.Jobs.IReminder>().Single(r => r.Name == "dealerTiers");
        Assert.Equal(0, await tierJob.RunAsync(clock.Today, Ct));
        Assert.Equal(1, await tierJob.RunAsync(tomorrow, Ct));
        var listed = (await director.GetJsonAsync($"/api/v1/dealers?tier={toTier}&pageSize=200")).Items();
        Assert.Contains(listed, d => d.Id() == target.Id);
        Assert.Equal(0, await tierJob.RunAsync(tomorrow, Ct));
    }
}
