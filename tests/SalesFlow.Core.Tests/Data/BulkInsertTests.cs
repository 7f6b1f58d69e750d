using Microsoft.EntityFrameworkCore;
using SalesFlow.Core.Data;
using SalesFlow.Core.Leads;
using SalesFlow.Core.Tests.Organization;

namespace SalesFlow.Core.Tests.Data;

public class BulkInsertTests
{
    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Records_saved_in_bulk_are_stored_and_audited_exactly_as_SaveChanges_stores_them(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var org = await TestOrg.CreateAsync(database);
        var director = await org.ActorAsync(database, "director");
        var rep = org["rep.east1.a"];
        var now = database.Time.GetUtcNow().UtcDateTime;
        Lead NewLead(string mobile)
        {
            var lead = new Lead("张伟", "恒达机电", mobile, "zhang@hengda.cn", LeadSource.Exhibition, org.EastTeam1.Id, "需要报价");
            lead.AssignTo(rep.Id, rep.OrgUnitId, now);
            return lead;
        }

        var saved = NewLead("13800138001");
        var bulk = NewLead("13800138002");
        await using (var db = await database.Factory.OpenAsync(director, CancellationToken.None))
        {
            db.Leads.Add(saved);
            await db.SaveChangesAsync();
        }

        await using (var db = await database.Factory.OpenAsync(director, CancellationToken.None))
        await using (var transaction = await db.Database.BeginTransactionAsync())
        {
            db.Leads.Add(bulk);
            Assert.Equal(2, await BulkInsert.SaveAddedAsync(db, CancellationToken.None)); // the lead and its audit entry
            Assert.Empty(db.ChangeTracker.Entries());
            await transaction.CommitAsync();
        }

        await using var check = await database.Factory.CreateDbContextAsync();
        var leads = await check.Leads.AsNoTracking().Where(l => l.Id == saved.Id || l.Id == bulk.Id).OrderBy(l => l.Mobile).ToListAsync();
        Assert.Equal(2, leads.Count);
        object Stored(Lead l) => new { l.Name, l.Company, l.Email, l.Source, l.Status, l.RegionId, l.OwnerId, l.OrgUnitId, l.Needs, l.AssignedAtUtc, l.CreatedAtUtc, l.CreatedBy, l.UpdatedBy, l.Version, l.IsDeleted };
        Assert.Equal(Stored(leads[0]), Stored(leads[1]));
        var trail = await check.AuditEntries.AsNoTracking().Where(a => a.EntityId == saved.Id.ToString() || a.EntityId == bulk.Id.ToString()).ToListAsync();
        var savedEntry = Assert.Single(trail, a => a.EntityId == saved.Id.ToString());
        var bulkEntry = Assert.Single(trail, a => a.EntityId == bulk.Id.ToString());
        Assert.Equal(
            (savedEntry.EntityType, savedEntry.Action, savedEntry.UserName, savedEntry.UserId, savedEntry.AtUtc, savedEntry.NewValue!.Replace("13800138001", "", StringComparison.Ordinal)),
            (bulkEntry.EntityType, bulkEntry.Action, bulkEntry.UserName, bulkEntry.UserId, bulkEntry.AtUtc, bulkEntry.NewValue!.Replace("13800138002", "", StringComparison.Ordinal)));
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task A_bulk_save_is_part_of_the_callers_transaction_and_rolls_back_with_it(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var org = await TestOrg.CreateAsync(database);
        var director = await org.ActorAsync(database, "director");
        var rep = org["rep.east1.a"];
        await using (var db = await database.Factory.OpenAsync(director, CancellationToken.None))
        await using (var transaction = await db.Database.BeginTransactionAsync())
        {
            var lead = new Lead("李娜", null, "13900139000", null, LeadSource.Website, null, null);
            lead.AssignTo(rep.Id, rep.OrgUnitId, database.Time.GetUtcNow().UtcDateTime);
            db.Leads.Add(lead);
            await BulkInsert.SaveAddedAsync(db, CancellationToken.None);
            await transaction.RollbackAsync();
        }

        await using var check = await database.Factory.CreateDbContextAsync();
        Assert.Equal(0, await check.Leads.CountAsync());
        Assert.Equal(0, await check.AuditEntries.CountAsync(a => a.EntityType == "Lead"));
    }

    [Fact]
    public async Task A_bulk_save_refuses_changes_to_loaded_records_and_work_outside_a_transaction()
    {
        await using var database = await TestDatabase.CreateAsync();
        var org = await TestOrg.CreateAsync(database);
        var director = await org.ActorAsync(database, "director");
        await using var db = await database.Factory.OpenAsync(director, CancellationToken.None);
        await Assert.ThrowsAsync<InvalidOperationException>(() => BulkInsert.SaveAddedAsync(db, CancellationToken.None));

        await using var transaction = await db.Database.BeginTransactionAsync();
        var unit = await db.OrgUnits.FirstAsync(u => u.Id == org.EastTeam1.Id);
        db.Entry(unit).Property(u => u.Name).CurrentValue = "华东区";
        await Assert.ThrowsAsync<InvalidOperationException>(() => BulkInsert.SaveAddedAsync(db, CancellationToken.None));
    }
}
