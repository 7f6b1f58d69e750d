using Microsoft.EntityFrameworkCore;
using SalesFlow.Core.Common;
using SalesFlow.Core.Data;
using SalesFlow.Core.Organization;
using SalesFlow.Core.Planning.Plans;
using SalesFlow.Core.Planning.Reviews;

namespace SalesFlow.Core.Tests.Planning.Plans;

/// <summary>Plans and reviews as use cases on a real database (SQLite and PostgreSQL): pricing, deciders, roll-up, prefill, a rep who moves.</summary>
public class PlanRulesTests
{
    private static readonly CancellationToken Ct = CancellationToken.None;

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Lines_are_priced_from_the_list_unless_a_promotion_price_is_given_and_only_the_owners_customers_are_accepted(DatabaseProvider provider)
    {
        var data = await PlanTestData.CreateAsync(provider);
        await using var database = data.Database;
        var handler = database.Get<PlanHandler>();
        var rep = await data.ActorAsync("rep.east1.a");
        var plan = (await handler.CreateAsync(new CreatePlan("2026-05"), rep, Ct)).Value!;
        Assert.Equal((PlanStatus.Draft, new DateOnly(2026, 4, 25), false), (plan.Status, plan.DueDate, plan.Late));

        var edited = await handler.UpdateAsync(new UpdatePlan(plan.Id, "新品推广", [
            new PlanLineInput(data.CustomerA, data.Cement.Id, 10.5m, "t"),
            new PlanLineInput(null, data.Cement.Id, 5m, null, PromotionPrice: 380m, IsNewProduct: true, Promotion: "年终冲量价")], plan.Version), rep, Ct);
        Assert.True(edited.IsSuccess, edited.Error?.Message);
        var lines = edited.Value!.Lines;
        Assert.Equal((400m, (decimal?)null, 4200m), (lines[0].UnitPrice, lines[0].PromotionPrice, lines[0].Amount));
        Assert.Equal((380m, (decimal?)380m, 1900m, true), (lines[1].UnitPrice, lines[1].PromotionPrice, lines[1].Amount, lines[1].IsNewProduct));
        Assert.Equal(6100m, edited.Value.TotalAmount);
        Assert.Equal(plan.Version + 1, edited.Value.Version);

        var notMine = await handler.UpdateAsync(new UpdatePlan(plan.Id, null, [new PlanLineInput(data.CustomerC, data.Cement.Id, 1m)], edited.Value.Version), rep, Ct);
        Assert.Equal("plan.customerNotVisible", notMine.Error?.Code);
        var badUnit = await handler.UpdateAsync(new UpdatePlan(plan.Id, null, [new PlanLineInput(data.CustomerA, data.Cement.Id, 1m, "箱")], edited.Value.Version), rep, Ct);
        Assert.Equal("plan.badUnit", badUnit.Error?.Code);
        var stale = await handler.UpdateAsync(new UpdatePlan(plan.Id, null, [], plan.Version), rep, Ct);
        Assert.Equal("common.staleVersion", stale.Error?.Code);
        Assert.Equal("plan.duplicate", (await handler.CreateAsync(new CreatePlan("2026-05"), rep, Ct)).Error?.Code);

        // Another rep cannot touch it (out of scope: 404); the supervisor may decide it only once it is submitted, never their own.
        var other = await data.ActorAsync("rep.east1.b");
        Assert.Equal(ErrorKind.NotFound, (await handler.ChangeStatusAsync(new ChangePlanStatus(plan.Id, PlanStep.Submit), other, Ct)).Error?.Kind);
        var supervisor = await data.ActorAsync("supervisor.east1");
        Assert.Equal("plan.notSubmitted", (await handler.ChangeStatusAsync(new ChangePlanStatus(plan.Id, PlanStep.Approve), supervisor, Ct)).Error?.Code);
        Assert.Equal("plan.notOwner", (await handler.ChangeStatusAsync(new ChangePlanStatus(plan.Id, PlanStep.Submit), supervisor, Ct)).Error?.Code);
        Assert.Equal(PlanStatus.Submitted, (await handler.ChangeStatusAsync(new ChangePlanStatus(plan.Id, PlanStep.Submit), rep, Ct)).Value?.Status);
        Assert.Equal(ErrorKind.Forbidden, (await handler.ChangeStatusAsync(new ChangePlanStatus(plan.Id, PlanStep.Approve), rep, Ct)).Error?.Kind);
        var own = await data.PlanAsync("supervisor.east1", "2026-05", [(null, 1m)], submit: true);
        Assert.Equal("plan.ownPlan", (await handler.ChangeStatusAsync(new ChangePlanStatus(own.Id, PlanStep.Approve), supervisor, Ct)).Error?.Code);
        var approved = await handler.ChangeStatusAsync(new ChangePlanStatus(plan.Id, PlanStep.Approve, "同意"), supervisor, Ct);
        Assert.Equal((PlanStatus.Approved, "同意", "supervisor.east1"), (approved.Value!.Status, approved.Value.ManagerComment, approved.Value.DecidedBy));

        // Copying: next month starts from this month's lines, re-priced.
        var copy = await handler.CreateAsync(new CreatePlan("2026-06", CopyFrom: "previous"), rep, Ct);
        Assert.Equal([4200m, 1900m], copy.Value!.Lines.Select(l => l.Amount));
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task The_roll_up_sums_plans_per_child_unit_and_per_owner_with_counts_by_status_and_late_and_respects_scope(DatabaseProvider provider)
    {
        var data = await PlanTestData.CreateAsync(provider);
        await using var database = data.Database;
        await data.PlanAsync("rep.east1.a", "2026-05", [(data.CustomerA, 10m)], submit: true, approver: "supervisor.east1");   // 4000 approved
        await data.PlanAsync("rep.east1.b", "2026-05", [(data.CustomerC, 2m)], submit: true);                                    // 800 submitted
        await data.PlanAsync("supervisor.east1", "2026-05", [(null, 1m)], submit: true);                                          // 400 submitted
        await data.PlanAsync("rep.east2.a", "2026-05", [(null, 3m)]);                                                             // draft
        await data.PlanAsync("rep.north1.a", "2026-05", [(null, 7m)], submit: true, approver: "manager.north");                  // 2800 approved
        // April's plans were due on 25 March (the clock says 31 March): one submitted now is late, a draft is late too.
        await data.PlanAsync("rep.east1.b", "2026-04", [(data.CustomerC, 1m)], submit: true);
        await data.PlanAsync("rep.east2.a", "2026-04", [(null, 1m)]);

        var queries = database.Get<PlanQueries>();
        var east = (await queries.RollupAsync(await data.ActorAsync("manager.east"), "2026-05", null, Ct)).Value!;
        Assert.Equal(data.Org.East.Id, east.UnitId);
        Assert.Equal((4000m, 1200m, 1, 2, 0, 1, 0), (east.Total.ApprovedAmount, east.Total.SubmittedAmount, east.Total.Draft, east.Total.Submitted, east.Total.Returned, east.Total.Approved, east.Total.Late));
        Assert.Equal(["上海团队", "杭州团队"], east.Units.Select(u => u.Name));
        Assert.Equal((4000m, 1200m), (east.Units[0].ApprovedAmount, east.Units[0].SubmittedAmount));
        Assert.Equal((0m, 1), (east.Units[1].ApprovedAmount, east.Units[1].Draft));
        Assert.Empty(east.Owners);

        var team = (await queries.RollupAsync(await data.ActorAsync("supervisor.east1"), "2026-05", null, Ct)).Value!;
        Assert.Equal(3, team.Owners.Count);
        Assert.Equal(4000m, team.Owners.Single(o => o.Id == data.Org["rep.east1.a"].Id).ApprovedAmount);

        var april = (await queries.RollupAsync(await data.ActorAsync("manager.east"), "2026-04", null, Ct)).Value!;
        Assert.Equal(2, april.Total.Late);

        Assert.Equal(ErrorKind.NotFound, (await queries.RollupAsync(await data.ActorAsync("manager.north"), "2026-05", data.Org.East.Id, Ct)).Error?.Kind);
        var company = (await queries.RollupAsync(await data.ActorAsync("director"), "2026-05", null, Ct)).Value!;
        Assert.Equal((6800m, 1200m), (company.Total.ApprovedAmount, company.Total.SubmittedAmount));
        Assert.Equal(2800m, company.Units.Single(u => u.Id == data.Org.North.Id).ApprovedAmount);

        // Compliance: everyone in scope, with late flags; May is not due yet, March's plans were due in February.
        var may = (await queries.ComplianceAsync(await data.ActorAsync("manager.east"), "2026-05", Ct)).Value!;
        Assert.Equal(6, may.Owners.Count);
        var missing = may.Owners.Single(o => o.OwnerId == data.Org["rep.east2.b"].Id);
        Assert.Equal(((PlanStatus?)null, false, false), (missing.PlanStatus, missing.PlanLate, missing.ReviewLate));
        var march = (await queries.ComplianceAsync(await data.ActorAsync("manager.east"), "2026-03", Ct)).Value!;
        Assert.All(march.Owners, o => Assert.True(o.PlanLate));
        Assert.Equal(6, march.Units.Sum(u => u.PlansLate));
        var aprilCompliance = (await queries.ComplianceAsync(await data.ActorAsync("manager.east"), "2026-04", Ct)).Value!;
        Assert.True(aprilCompliance.Owners.Single(o => o.OwnerId == data.Org["rep.east1.b"].Id).PlanLate);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task A_review_is_prefilled_with_the_approved_plan_and_the_owners_booked_sales_per_customer_and_product(DatabaseProvider provider)
    {
        var data = await PlanTestData.CreateAsync(provider);
        await using var database = data.Database;
        var plan = await data.PlanAsync("rep.east1.a", "2026-03", [(data.CustomerA, 10m), (null, 5m)], submit: true, approver: "supervisor.east1");
        Assert.True(plan.SubmittedLate); // due 25 February
        await data.OrderAsync(data.CustomerA, "rep.east1.a", new DateOnly(2026, 3, 10), 8m);
        await data.OrderAsync(data.CustomerB, "rep.east1.a", new DateOnly(2026, 3, 20), 3m);
        await data.OrderAsync(data.CustomerC, "rep.east1.b", new DateOnly(2026, 3, 15), 4m);                             // another owner
        await data.OrderAsync(data.CustomerA, "rep.east1.a", new DateOnly(2026, 4, 1), 9m);                              // another month
        await data.OrderAsync(data.CustomerA, "rep.east1.a", new DateOnly(2026, 3, 12), 6m, status: SalesFlow.Core.Orders.OrderStatus.Draft); // not booked

        var handler = database.Get<ReviewHandler>();
        var rep = await data.ActorAsync("rep.east1.a");
        var review = (await handler.CreateAsync(new CreateReview("2026-03"), rep, Ct)).Value!;
        Assert.Equal((plan.Id, ReviewStatus.Draft, new DateOnly(2026, 4, 3)), (review.PlanId, review.Status, review.DueDate));
        Assert.Equal((6000m, 4400m), (review.PlannedAmount, review.ActualAmount));
        var byKey = review.Lines.ToDictionary(l => l.CustomerId ?? Guid.Empty);
        Assert.Equal(3, byKey.Count);
        Assert.Equal((10m, 4000m, 8m, 3200m), (byKey[data.CustomerA].PlannedQuantity, byKey[data.CustomerA].PlannedAmount, byKey[data.CustomerA].ActualQuantity, byKey[data.CustomerA].ActualAmount));
        Assert.Equal((5m, 2000m, 0m), (byKey[Guid.Empty].PlannedQuantity, byKey[Guid.Empty].PlannedAmount, byKey[Guid.Empty].ActualAmount));
        Assert.Equal((0m, 3m, 1200m), (byKey[data.CustomerB].PlannedAmount, byKey[data.CustomerB].ActualQuantity, byKey[data.CustomerB].ActualAmount));
        Assert.Equal("review.duplicate", (await handler.CreateAsync(new CreateReview("2026-03"), rep, Ct)).Error?.Code);

        // The actuals are the one definition's: the same numbers summed straight from SalesActuals.
        await using (var db = await database.Factory.CreateDbContextAsync(Ct))
        {
            var owner = data.Org["rep.east1.a"].Id;
            Assert.Equal(4400m, await SalesFlow.Core.Planning.Actuals.SalesActuals.Sales(db, new DateOnly(2026, 3, 1), new DateOnly(2026, 3, 31)).Where(f => f.OwnerId == owner).SumAsync(f => f.Amount, Ct));
        }

        // A comment survives a refresh; a new order shows up.
        var commented = await handler.UpdateAsync(new UpdateReview(review.Id, null, "竞品降价", "跟进乙公司", [new ReviewLineComment(byKey[data.CustomerA].Id, "项目延期")], review.Version), rep, Ct);
        Assert.True(commented.IsSuccess, commented.Error?.Message);
        await data.OrderAsync(data.CustomerB, "rep.east1.a", new DateOnly(2026, 3, 25), 1m);
        var refreshed = (await handler.ChangeStatusAsync(new ChangeReviewStatus(review.Id, ReviewStep.Refresh), rep, Ct)).Value!;
        Assert.Equal(4800m, refreshed.ActualAmount);
        Assert.Equal("项目延期", refreshed.Lines.Single(l => l.CustomerId == data.CustomerA).Comment);

        // 4800 against 6000 is 20 % off: reasons first.
        Assert.Equal("review.varianceReasonRequired", (await handler.ChangeStatusAsync(new ChangeReviewStatus(review.Id, ReviewStep.Submit), rep, Ct)).Error?.Code);
        var written = (await handler.UpdateAsync(new UpdateReview(review.Id, "大客户项目延期", "竞品降价", "跟进乙公司", null, refreshed.Version), rep, Ct)).Value!;
        var submitted = (await handler.ChangeStatusAsync(new ChangeReviewStatus(review.Id, ReviewStep.Submit, null, written.Version), rep, Ct)).Value!;
        Assert.Equal((ReviewStatus.Submitted, false), (submitted.Status, submitted.SubmittedLate));

        var supervisor = await data.ActorAsync("supervisor.east1");
        Assert.Equal("review.commentRequired", (await handler.ChangeStatusAsync(new ChangeReviewStatus(review.Id, ReviewStep.Return), supervisor, Ct)).Error?.Code);
        Assert.Equal(ErrorKind.NotFound, (await handler.ChangeStatusAsync(new ChangeReviewStatus(review.Id, ReviewStep.SignOff), await data.ActorAsync("manager.north"), Ct)).Error?.Kind);
        var signed = (await handler.ChangeStatusAsync(new ChangeReviewStatus(review.Id, ReviewStep.SignOff, "好"), supervisor, Ct)).Value!;
        Assert.Equal(ReviewStatus.SignedOff, signed.Status);
        Assert.Equal("review.notEditable", (await handler.ChangeStatusAsync(new ChangeReviewStatus(review.Id, ReviewStep.Refresh), rep, Ct)).Error?.Code);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task A_rep_moved_mid_month_keeps_the_plan_in_the_old_unit_and_the_review_counts_every_order_they_own(DatabaseProvider provider)
    {
        var data = await PlanTestData.CreateAsync(provider);
        await using var database = data.Database;
        var plan = await data.PlanAsync("rep.east1.a", "2026-03", [(data.CustomerA, 10m)], submit: true, approver: "supervisor.east1");
        await data.OrderAsync(data.CustomerA, "rep.east1.a", new DateOnly(2026, 3, 5), 2m);

        int version;
        await using (var db = await database.Factory.CreateDbContextAsync(Ct))
        {
            version = await db.Employees.Where(e => e.Id == data.Org["rep.east1.a"].Id).Select(e => e.Version).SingleAsync(Ct);
        }

        var moved = await database.Get<MoveEmployeeHandler>().HandleAsync(
            new MoveEmployee(data.Org["rep.east1.a"].Id, data.Org.NorthTeam1.Id, data.Org["supervisor.north1"].Id, Position.SalesRep, new DateOnly(2026, 3, 15), version),
            await data.ActorAsync("director"), Ct);
        Assert.True(moved.IsSuccess, moved.Error?.Message);
        await data.OrderAsync(data.CustomerA, "rep.east1.a", new DateOnly(2026, 3, 20), 3m); // booked in the new unit

        var rep = await data.ActorAsync("rep.east1.a");
        var queries = database.Get<PlanQueries>();
        Assert.Equal(data.Org.EastTeam1.Id, (await queries.GetAsync(rep, plan.Id, Ct)).Value!.OrgUnitId);
        var director = await data.ActorAsync("director");
        var company = (await queries.RollupAsync(director, "2026-03", null, Ct)).Value!;
        Assert.Equal(4000m, company.Units.Single(u => u.Id == data.Org.East.Id).ApprovedAmount);
        Assert.Equal(0m, company.Units.Single(u => u.Id == data.Org.North.Id).ApprovedAmount);

        var review = (await database.Get<ReviewHandler>().CreateAsync(new CreateReview("2026-03"), rep, Ct)).Value!;
        Assert.Equal(data.Org.NorthTeam1.Id, review.OrgUnitId);
        Assert.Equal((4000m, 2000m), (review.PlannedAmount, review.ActualAmount));
    }
}
