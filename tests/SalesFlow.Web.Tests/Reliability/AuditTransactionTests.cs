using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SalesFlow.Core.Auditing;
using SalesFlow.Core.Data;

namespace SalesFlow.Web.Tests.Reliability;

/// <summary>
/// R14, second half: audit lines are written in the same transaction as the change they describe. A database trigger
/// the test installs makes one write fail on purpose; whatever the use case had already saved in that transaction, its
/// audit lines included, must be gone, and nothing may be left that the trail does not explain. The refusal is
/// unexplained to the app, so its answer is the 500 of an unexpected fault (never a stack trace); the point here is
/// what is left in the database.
/// </summary>
public sealed class AuditTransactionTests(SalesFlowApp app) : IClassFixture<SalesFlowApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task When_its_audit_line_is_refused_the_new_record_is_not_saved_either()
    {
        var rep = await app.ClientAsync("rep.huadong.4");
        await using (await FailingAsync("audit_entries", "INSERT", "NEW.new_value LIKE '%R14-FAIL-AUDIT%'"))
        {
            using var response = await rep.Post("/api/v1/customers", new { name = "R14-FAIL-AUDIT 审计被拒客户", type = "Smb" });
            await response.ProblemAsync(HttpStatusCode.InternalServerError, "common.internal");
        }

        await using var db = await ContextAsync();
        Assert.False(await db.Customers.IgnoreQueryFilters().AnyAsync(c => c.Name.StartsWith("R14-FAIL-AUDIT"), Ct));
        Assert.False(await db.AuditEntries.AnyAsync(a => a.EntityType == "Customer" && a.NewValue!.Contains("R14-FAIL-AUDIT"), Ct));

        // And the same request goes through once the database takes it.
        var created = await rep.PostJsonAsync("/api/v1/customers", new { name = "R14-FAIL-AUDIT 审计被拒客户", type = "Smb" }, HttpStatusCode.Created);
        Assert.Single(await db.AuditEntries.Where(a => a.EntityType == "Customer" && a.EntityId == created.Id().ToString()).ToListAsync(Ct));
    }

    [Fact]
    public async Task A_write_failing_after_SaveChanges_in_the_use_case_s_transaction_takes_the_saved_change_and_its_audit_lines_with_it()
    {
        // Moving a unit saves the unit (its ParentId is audited) and the move record, then rewrites the descendants'
        // paths in bulk in the same transaction. The test makes that second write fail for one descendant.
        var director = await app.ClientAsync(DemoCompany.Director);
        var region = await app.UnitAsync("XB");
        var otherRegion = await app.UnitAsync("HN");
        var team = await app.UnitAsync("XB-01");
        await using var db = await ContextAsync();
        var trailBefore = await db.AuditEntries.CountAsync(a => a.EntityType == "OrgUnit" && a.EntityId == region.Id().ToString(), Ct);
        var movesBefore = await db.OrgUnitMoves.CountAsync(Ct);

        await using (await FailingAsync("org_units", "UPDATE", $"OLD.id = '{Id(team.Id())}' AND NEW.path <> OLD.path"))
        {
            using var response = await director.Post($"/api/v1/org-units/{region.Id()}/move", new { newParentId = otherRegion.Id(), version = region.Number("version") });
            await response.ProblemAsync(HttpStatusCode.InternalServerError, "common.internal");
        }

        var unit = await db.OrgUnits.AsNoTracking().SingleAsync(u => u.Id == region.Id(), Ct);
        Assert.Equal(region.Id("parentId"), unit.ParentId);
        Assert.Equal(region.Number("version"), unit.Version);
        Assert.Equal(trailBefore, await db.AuditEntries.CountAsync(a => a.EntityType == "OrgUnit" && a.EntityId == region.Id().ToString(), Ct));
        Assert.Equal(movesBefore, await db.OrgUnitMoves.CountAsync(Ct));

        // Without the fault the same move is saved with its audit line.
        await director.PostJsonAsync($"/api/v1/org-units/{region.Id()}/move", new { newParentId = otherRegion.Id(), version = region.Number("version") });
        var parentLine = await db.AuditEntries.SingleAsync(a => a.EntityType == "OrgUnit" && a.EntityId == region.Id().ToString() && a.Field == "ParentId", Ct);
        Assert.Equal((AuditAction.Updated, otherRegion.Id().ToString()), (parentLine.Action, parentLine.NewValue));
    }

    private async Task<SalesFlowDbContext> ContextAsync() =>
        await app.Services.GetRequiredService<IDbContextFactory<SalesFlowDbContext>>().CreateDbContextAsync(Ct);

    // Guids as each engine compares them in a trigger: SQLite stores them as upper-case text, PostgreSQL as uuid.
    private string Id(Guid id) => app.OnPostgres ? id.ToString() : id.ToString().ToUpperInvariant();

    /// <summary>A trigger refusing the rows of <paramref name="table"/> that match <paramref name="when"/>, dropped on dispose.</summary>
    private async Task<IAsyncDisposable> FailingAsync(string table, string operation, string when)
    {
        var db = await ContextAsync();
        if (app.OnPostgres)
        {
            await db.Database.ExecuteSqlRawAsync(
                "CREATE OR REPLACE FUNCTION r14_refuse() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'refused by the test'; END $$", Ct);
            // Table, operation and condition are the test's own literals.
            var trigger = $"CREATE TRIGGER r14_refuse BEFORE {operation} ON {table} FOR EACH ROW WHEN ({when.Replace("OLD.id = '", "OLD.id::text = '", StringComparison.Ordinal)}) EXECUTE FUNCTION r14_refuse()";
            await db.Database.ExecuteSqlRawAsync(trigger, Ct);
        }
        else
        {
            var trigger = $"CREATE TRIGGER r14_refuse BEFORE {operation} ON {table} WHEN {when} BEGIN SELECT RAISE(ABORT, 'refused by the test'); END";
            await db.Database.ExecuteSqlRawAsync(trigger, Ct);
        }

        return new Dropping(db, app.OnPostgres ? $"DROP TRIGGER r14_refuse ON {table}" : "DROP TRIGGER r14_refuse");
    }

    private sealed class Dropping(SalesFlowDbContext db, string drop) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await db.Database.ExecuteSqlRawAsync(drop, CancellationToken.None);
            await db.DisposeAsync();
        }
    }
}
