using Microsoft.EntityFrameworkCore;
using SalesFlow.Core.Approvals;
using SalesFlow.Core.Catalog.Prices;
using SalesFlow.Core.Catalog.Products;
using SalesFlow.Core.Common;
using SalesFlow.Core.Data;
using SalesFlow.Core.Tests.Organization;

namespace SalesFlow.Core.Tests.Catalog;

/// <summary>Price changes go through the approvals engine: submit asks up to the director, approval activates, rejection returns the draft.</summary>
public class PriceListApprovalTests
{
    private static readonly CancellationToken Ct = CancellationToken.None;

    private sealed record Setup(TestOrg Org, Actor Ops, Actor Manager, Actor Director, Guid ProductId, Guid CurrentId);

    // Sales operations sitting in the east team (so the chain has a regional manager), one product, one active national list at 100.
    private static async Task<Setup> SetUpAsync(TestDatabase database)
    {
        var org = await TestOrg.CreateAsync(database);
        var ops = (await org.ActorAsync(database, "supervisor.east1")) with { Roles = new HashSet<string> { Roles.SalesOps } };
        var manager = await org.ActorAsync(database, "manager.east");
        var director = await org.ActorAsync(database, "director");
        await using var db = await database.Factory.OpenAsync(director, Ct);
        var product = new Product("T-STEEL", "测试钢材", "Test steel", "钢材", "螺纹钢", "t", 3, 0.13m);
        db.Products.Add(product);
        var current = new PriceList("PL-NOW", "现行价", "CNY", new DateOnly(2025, 1, 1), null);
        current.SetStatus(PriceListStatus.Active);
        current.SetPrice(product.Id, 0, 100m, 90m);
        db.PriceLists.Add(current);
        await db.SaveChangesAsync(Ct);
        return new Setup(org, ops, manager, director, product.Id, current.Id);
    }

    private static async Task<PriceListDetails> DraftAsync(TestDatabase database, Setup setup, string code, decimal price)
    {
        var handler = database.Get<PriceListHandler>();
        var created = await handler.CreateAsync(new PriceListInput(code, "2027 调价", new DateOnly(2027, 1, 1)), setup.Ops, Ct);
        Assert.True(created.IsSuccess, created.Error?.Message);
        var priced = await handler.SetItemAsync(new SetPriceListItem(created.Value!.Id, setup.ProductId, 0m, price, null), setup.Ops, Ct);
        Assert.True(priced.IsSuccess, priced.Error?.Message);
        return priced.Value!;
    }

    private static async Task<Result<PriceListDetails>> StepAsync(TestDatabase database, Actor actor, PriceListDetails list, PriceListStep step) =>
        await database.Get<PriceListHandler>().ChangeStatusAsync(new ChangePriceListStatus(list.Id, step, list.Version), actor, Ct);

    private static async Task<PriceListDetails> ReloadAsync(TestDatabase database, Actor actor, Guid id) =>
        (await database.Get<PriceListQueries>().GetAsync(actor, id, Ct)).Value!;

    private static async Task DecideAsync(TestDatabase database, Actor actor, Guid requestId, bool approve, string? comment)
    {
        var decided = await database.Get<DecideApprovalHandler>().HandleAsync(new DecideApproval(requestId, approve, comment), actor, Ct);
        Assert.True(decided.IsSuccess, decided.Error?.Message);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Submit_asks_up_the_chain_to_the_director_and_the_last_approval_activates_the_list(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var setup = await SetUpAsync(database);
        var draft = await DraftAsync(database, setup, "PL-2027", 112.5m);

        var submitted = await StepAsync(database, setup.Ops, draft, PriceListStep.Submit);
        Assert.True(submitted.IsSuccess, submitted.Error?.Message);
        Assert.Equal(PriceListStatus.PendingApproval, submitted.Value!.Status);
        var requestId = submitted.Value.ApprovalRequestId!.Value;

        await using (var db = await database.Factory.CreateDbContextAsync(Ct))
        {
            var request = await db.ApprovalRequests.AsNoTracking().Include(r => r.Steps).SingleAsync(r => r.Id == requestId, Ct);
            Assert.Equal((PriceList.ApprovalKind, draft.Id, "PL-2027", Roles.Director), (request.SubjectKind, request.SubjectId, request.SubjectNumber, request.RequiredRole));
            Assert.Equal([(Roles.RegionalManager, setup.Org.East.Id), (Roles.Director, setup.Org.Company.Id)], request.Steps.OrderBy(s => s.Position).Select(s => (s.ApproverRole, s.ApproverUnitId)));
            Assert.Contains("全国 · 1 项价格", request.SubjectTitle, StringComparison.Ordinal);
            Assert.Contains("对比 PL-NOW：最大调价 T-STEEL 100.00 → 112.50（+12.5%）", request.Reason, StringComparison.Ordinal);
        }

        // There is no direct activation, for anyone.
        var direct = await StepAsync(database, setup.Director, submitted.Value, PriceListStep.Activate);
        Assert.Equal(("priceList.approvalRequired", ErrorKind.BusinessRule), (direct.Error?.Code, direct.Error?.Kind));

        await DecideAsync(database, setup.Manager, requestId, approve: true, "区域同意");
        Assert.Equal(PriceListStatus.PendingApproval, (await ReloadAsync(database, setup.Ops, draft.Id)).Status);
        await DecideAsync(database, setup.Director, requestId, approve: true, null);
        var active = await ReloadAsync(database, setup.Director, draft.Id);
        Assert.Equal(PriceListStatus.Active, active.Status);
        Assert.Equal(ApprovalStatus.Approved, Assert.Single(active.Approvals!).Status);

        // Both lists are active now; the resolver prices each only on its own days (the new one from 2027-01-01).
        await using var read = await database.Factory.CreateDbContextAsync(Ct);
        Assert.Equal(2, await read.PriceLists.CountAsync(p => p.Status == PriceListStatus.Active, Ct));
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task A_rejection_returns_the_list_to_draft_with_the_comment_and_it_can_be_submitted_again(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var setup = await SetUpAsync(database);
        var draft = await DraftAsync(database, setup, "PL-2027", 140m);
        var submitted = (await StepAsync(database, setup.Ops, draft, PriceListStep.Submit)).Value!;

        await DecideAsync(database, setup.Manager, submitted.ApprovalRequestId!.Value, approve: false, "涨幅太大");
        var returned = await ReloadAsync(database, setup.Ops, draft.Id);
        Assert.Equal((PriceListStatus.Draft, "涨幅太大"), (returned.Status, returned.RejectionReason));

        var again = await StepAsync(database, setup.Ops, returned, PriceListStep.Submit);
        Assert.True(again.IsSuccess, again.Error?.Message);
        Assert.Equal((PriceListStatus.PendingApproval, (string?)null), (again.Value!.Status, again.Value.RejectionReason));
        Assert.NotEqual(submitted.ApprovalRequestId, again.Value.ApprovalRequestId);
        Assert.Equal([ApprovalStatus.Pending, ApprovalStatus.Rejected], again.Value.Approvals!.Select(a => a.Status).Order());

        // Retiring the pending list cancels its request, so the inbox does not keep it.
        var retired = await StepAsync(database, setup.Director, again.Value, PriceListStep.Retire);
        Assert.Equal(PriceListStatus.Retired, retired.Value!.Status);
        await using var db = await database.Factory.CreateDbContextAsync(Ct);
        Assert.Equal(ApprovalStatus.Cancelled, (await db.ApprovalRequests.SingleAsync(r => r.Id == again.Value.ApprovalRequestId, Ct)).Status);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task The_directors_own_submit_activates_at_once_and_a_rep_may_not_submit(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var setup = await SetUpAsync(database);
        var draft = await DraftAsync(database, setup, "PL-DIR", 95m);

        var rep = await setup.Org.ActorAsync(database, "rep.east1.a");
        Assert.Equal(ErrorKind.Forbidden, (await StepAsync(database, rep, draft, PriceListStep.Submit)).Error?.Kind);

        var byDirector = await StepAsync(database, setup.Director, draft, PriceListStep.Submit);
        Assert.True(byDirector.IsSuccess, byDirector.Error?.Message);
        Assert.Equal((PriceListStatus.Active, (Guid?)null), (byDirector.Value!.Status, byDirector.Value.ApprovalRequestId));
        await using var db = await database.Factory.CreateDbContextAsync(Ct);
        Assert.False(await db.ApprovalRequests.AnyAsync(r => r.SubjectId == draft.Id, Ct));
    }
}
