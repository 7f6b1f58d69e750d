using Microsoft.EntityFrameworkCore;
using SalesFlow.Core.Approvals;
using SalesFlow.Core.Auditing;
using SalesFlow.Core.Common;
using SalesFlow.Core.Data;
using SalesFlow.Core.Tests.Organization;

namespace SalesFlow.Core.Tests.Approvals;

/// <summary>The one approval engine on a real database: chains from the org tree, who decides, comments, the subject handler, audit.</summary>
public class ApprovalEngineTests
{
    private static readonly CancellationToken Ct = CancellationToken.None;

    /// <summary>A subject module for the tests: records what it heard and, on approval, edits a record on the same context.</summary>
    private sealed class RecordingHandler(bool failOnApprove = false) : IApprovalSubjectHandler
    {
        public List<string> Heard { get; } = [];

        public string Kind => "Test";

        public async Task<Result> OnApprovedAsync(SalesFlowDbContext db, ApprovalRequest request, Actor actor, CancellationToken ct)
        {
            Heard.Add("approved:" + (db.Database.CurrentTransaction is null ? "no-transaction" : "in-transaction"));
            if (failOnApprove)
            {
                return Error.Rule("test.refused", "The subject refused.");
            }

            var requester = await db.Employees.SingleAsync(e => e.Id == request.RequestedById, ct);
            requester.UpdateDetails(requester.Name, requester.NameEn, "13900000000", requester.Email, requester.HireDate, requester.SecondaryOrgUnitId);
            return Result.Ok();
        }

        public Task<Result> OnRejectedAsync(SalesFlowDbContext db, ApprovalRequest request, Actor actor, CancellationToken ct)
        {
            Heard.Add("rejected:" + request.Steps.Single(s => s.Status == ApprovalStepStatus.Rejected).Comment);
            return Task.FromResult(Result.Ok());
        }
    }

    private static async Task<ApprovalRequest> RequestAsync(TestDatabase database, Actor requester, string role, decimal? amount = 50_000m, decimal? percentage = 8m)
    {
        await using var db = await database.Factory.OpenAsync(requester, Ct);
        var created = await ApprovalEngine.RequestAsync(db, requester, new ApprovalSubject("Test", Guid.NewGuid(), "T-0001", "测试报价"), role, amount, percentage, "折扣超出权限", Ct);
        Assert.True(created.IsSuccess, created.Error?.Message);
        await db.SaveChangesAsync(Ct);
        return created.Value!;
    }

    // What DecideApprovalHandler does, with an engine that knows the recording handler.
    private static async Task<Result> DecideAsync(TestDatabase database, RecordingHandler handler, Actor actor, Guid id, bool approve, string? comment)
    {
        var engine = new ApprovalEngine([handler], database.Get<CompanyClock>());
        await using var db = await database.Factory.OpenAsync(actor, Ct);
        await using var transaction = await db.Database.BeginTransactionAsync(Ct);
        var request = await db.ApprovalRequests.Include(r => r.Steps).VisibleTo(actor).SingleOrDefaultAsync(r => r.Id == id, Ct);
        if (request is null)
        {
            return ApprovalErrors.NotFound(id);
        }

        var decided = await engine.DecideAsync(db, actor, request, approve, comment, Ct);
        if (!decided.IsSuccess)
        {
            return decided;
        }

        await db.SaveChangesAsync(Ct);
        await transaction.CommitAsync(Ct);
        return decided;
    }

    private static async Task<ApprovalRequest> ReloadAsync(TestDatabase database, Guid id)
    {
        await using var db = await database.Factory.CreateDbContextAsync(Ct);
        return await db.ApprovalRequests.AsNoTracking().Include(r => r.Steps).SingleAsync(r => r.Id == id, Ct);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task The_chain_runs_from_just_above_the_requester_up_to_the_required_role(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var org = await TestOrg.CreateAsync(database);
        var rep = await org.ActorAsync(database, "rep.east1.a");
        var supervisor = await org.ActorAsync(database, "supervisor.east1");
        var manager = await org.ActorAsync(database, "manager.east");
        var director = await org.ActorAsync(database, "director");

        var toManager = await RequestAsync(database, rep, Roles.RegionalManager);
        Assert.Equal([(Roles.RegionalManager, org.East.Id)], toManager.Steps.Select(s => (s.ApproverRole, s.ApproverUnitId)));
        Assert.Equal((ApprovalStatus.Pending, Roles.RegionalManager, org.EastTeam1.Id), (toManager.Status, toManager.CurrentApproverRole, toManager.RequestedByUnitId));

        var toDirector = await RequestAsync(database, supervisor, Roles.Director);
        Assert.Equal([(Roles.RegionalManager, org.East.Id), (Roles.Director, org.Company.Id)], toDirector.Steps.Select(s => (s.ApproverRole, s.ApproverUnitId)));
        Assert.Equal([ApprovalStepStatus.Pending, ApprovalStepStatus.Waiting], toDirector.Steps.Select(s => s.Status));

        var managerAsks = await RequestAsync(database, manager, Roles.Director);
        Assert.Equal([(Roles.Director, org.Company.Id)], managerAsks.Steps.Select(s => (s.ApproverRole, s.ApproverUnitId)));

        await using var db = await database.Factory.OpenAsync(director, Ct);
        var nobodyAbove = await ApprovalEngine.RequestAsync(db, director, new ApprovalSubject("Test", Guid.NewGuid(), "T-2", "x"), Roles.Director, null, 25m, null, Ct);
        Assert.Equal("approval.noApprover", nobodyAbove.Error?.Code);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Only_the_current_steps_role_in_scope_decides_and_never_the_requester(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var org = await TestOrg.CreateAsync(database);
        var rep = await org.ActorAsync(database, "rep.east1.a");
        var handler = new RecordingHandler();
        var request = await RequestAsync(database, rep, Roles.Director);

        // Another region's manager does not see the request; the director's step is not reached yet.
        var north = await org.ActorAsync(database, "manager.north");
        Assert.Equal(ErrorKind.NotFound, (await DecideAsync(database, handler, north, request.Id, true, null)).Error?.Kind);
        var director = await org.ActorAsync(database, "director");
        Assert.Equal("approval.notApprover", (await DecideAsync(database, handler, director, request.Id, true, null)).Error?.Code);

        // The requester holding the approving role too (a stand-in manager) still cannot decide their own request.
        var repAsManager = rep with { Roles = new HashSet<string> { Roles.RegionalManager }, Scope = DataScope.Region, VisibleUnitIds = [org.East.Id, org.EastTeam1.Id, org.EastTeam2.Id] };
        var own = await DecideAsync(database, handler, repAsManager, request.Id, true, null);
        Assert.Equal(("approval.ownRequest", ErrorKind.Forbidden), (own.Error?.Code, own.Error?.Kind));

        // The inbox shows it to the east manager only.
        var queries = database.Get<ApprovalQueries>();
        var manager = await org.ActorAsync(database, "manager.east");
        Assert.Equal([request.Id], (await queries.ListAsync(manager, new ApprovalFilter(Mine: true), new PageRequest(), Ct)).Value!.Items.Select(i => i.Id));
        Assert.Empty((await queries.ListAsync(director, new ApprovalFilter(Mine: true), new PageRequest(), Ct)).Value!.Items);
        Assert.Empty((await queries.ListAsync(north, new ApprovalFilter(Mine: true), new PageRequest(), Ct)).Value!.Items);
        Assert.True((await queries.GetAsync(manager, request.Id, Ct)).Value!.CanDecide);
        Assert.False((await queries.GetAsync(rep, request.Id, Ct)).Value!.CanDecide);

        Assert.True((await DecideAsync(database, handler, manager, request.Id, true, "同意")).IsSuccess);
        var afterManager = await ReloadAsync(database, request.Id);
        Assert.Equal((ApprovalStatus.Pending, Roles.Director), (afterManager.Status, afterManager.CurrentApproverRole));
        Assert.Empty(handler.Heard);
        Assert.Equal([request.Id], (await queries.ListAsync(director, new ApprovalFilter(Mine: true), new PageRequest(), Ct)).Value!.Items.Select(i => i.Id));

        Assert.True((await DecideAsync(database, handler, director, request.Id, true, null)).IsSuccess);
        var approved = await ReloadAsync(database, request.Id);
        Assert.Equal(ApprovalStatus.Approved, approved.Status);
        Assert.Null(approved.CurrentApproverRole);
        Assert.Equal([ApprovalStepStatus.Approved, ApprovalStepStatus.Approved], approved.Steps.OrderBy(s => s.Position).Select(s => s.Status));
        Assert.Equal(org["manager.east"].Id, approved.Steps.Single(s => s.Position == 1).DecidedById);
        Assert.Equal("同意", approved.Steps.Single(s => s.Position == 1).Comment);
        Assert.Equal(["approved:in-transaction"], handler.Heard);

        var again = await DecideAsync(database, handler, director, request.Id, true, null);
        Assert.Equal(("approval.alreadyDecided", ErrorKind.Conflict), (again.Error?.Code, again.Error?.Kind));
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task A_rejection_needs_a_comment_skips_the_rest_of_the_chain_and_tells_the_subject(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var org = await TestOrg.CreateAsync(database);
        var rep = await org.ActorAsync(database, "rep.east2.a");
        var manager = await org.ActorAsync(database, "manager.east");
        var handler = new RecordingHandler();
        var request = await RequestAsync(database, rep, Roles.Director);

        var bare = await DecideAsync(database, handler, manager, request.Id, false, "  ");
        Assert.Equal((ErrorKind.Validation, "comment"), (bare.Error?.Kind, bare.Error?.Fields?[0].Field));

        Assert.True((await DecideAsync(database, handler, manager, request.Id, false, "折扣过高，请重新报价")).IsSuccess);
        var rejected = await ReloadAsync(database, request.Id);
        Assert.Equal(ApprovalStatus.Rejected, rejected.Status);
        Assert.Equal([ApprovalStepStatus.Rejected, ApprovalStepStatus.Skipped], rejected.Steps.OrderBy(s => s.Position).Select(s => s.Status));
        Assert.Equal(["rejected:折扣过高，请重新报价"], handler.Heard);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task The_final_decision_and_the_subjects_change_are_saved_together_or_not_at_all(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var org = await TestOrg.CreateAsync(database);
        var rep = await org.ActorAsync(database, "rep.east1.b");
        var manager = await org.ActorAsync(database, "manager.east");
        var request = await RequestAsync(database, rep, Roles.RegionalManager);

        // A subject that refuses: nothing of the decision is kept.
        var refusing = new RecordingHandler(failOnApprove: true);
        Assert.Equal("test.refused", (await DecideAsync(database, refusing, manager, request.Id, true, "ok")).Error?.Code);
        Assert.Equal(ApprovalStatus.Pending, (await ReloadAsync(database, request.Id)).Status);

        var handler = new RecordingHandler();
        Assert.True((await DecideAsync(database, handler, manager, request.Id, true, "ok")).IsSuccess);
        await using var db = await database.Factory.CreateDbContextAsync(Ct);
        Assert.Equal("13900000000", (await db.Employees.SingleAsync(e => e.Id == org["rep.east1.b"].Id, Ct)).Mobile);
        Assert.Equal(ApprovalStatus.Approved, (await ReloadAsync(database, request.Id)).Status);

        // Everything is in the audit trail: the request's creation and status change, the step's decision, by whom.
        var trail = await db.AuditEntries.AsNoTracking().Where(a => a.EntityType == nameof(ApprovalRequest) && a.EntityId == request.Id.ToString()).ToListAsync(Ct);
        Assert.Contains(trail, a => a.Action == AuditAction.Created && a.UserName == "rep.east1.b");
        Assert.Contains(trail, a => a.Field == nameof(ApprovalRequest.Status) && a.NewValue == "Approved" && a.UserName == "manager.east");
        var stepId = request.Steps.Single().Id.ToString();
        Assert.Contains(await db.AuditEntries.AsNoTracking().Where(a => a.EntityType == nameof(ApprovalStep) && a.EntityId == stepId).ToListAsync(Ct),
            a => a.Field == nameof(ApprovalStep.Comment) && a.NewValue == "ok");
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Revising_the_subject_cancels_its_pending_request(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var org = await TestOrg.CreateAsync(database);
        var rep = await org.ActorAsync(database, "rep.north1.a");
        var request = await RequestAsync(database, rep, Roles.Director);

        await using (var db = await database.Factory.OpenAsync(rep, Ct))
        {
            Assert.Equal(1, await database.Get<ApprovalEngine>().CancelForSubjectAsync(db, "Test", request.SubjectId, Ct));
            await db.SaveChangesAsync(Ct);
        }

        var cancelled = await ReloadAsync(database, request.Id);
        Assert.Equal(ApprovalStatus.Cancelled, cancelled.Status);
        Assert.All(cancelled.Steps, s => Assert.Equal(ApprovalStepStatus.Cancelled, s.Status));
        var manager = await org.ActorAsync(database, "manager.north");
        Assert.Empty((await database.Get<ApprovalQueries>().ListAsync(manager, new ApprovalFilter(Mine: true), new PageRequest(), Ct)).Value!.Items);
    }

    [Fact]
    public void An_amount_at_or_over_the_threshold_needs_the_director()
    {
        var options = new ApprovalOptions { DirectorAmount = 1_000_000m };
        Assert.Null(options.RoleForAmount(999_999.99m));
        Assert.Equal(Roles.Director, options.RoleForAmount(1_000_000m));
        Assert.Null(new ApprovalOptions { DirectorAmount = 0 }.RoleForAmount(9_999_999m));
        Assert.Equal(Roles.Director, ApprovalLevels.Highest(Roles.RegionalManager, Roles.Director));
        Assert.Equal(Roles.RegionalManager, ApprovalLevels.Highest(null, Roles.RegionalManager));
    }
}
