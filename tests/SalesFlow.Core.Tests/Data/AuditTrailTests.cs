using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SalesFlow.Core.Auditing;
using SalesFlow.Core.Common;
using SalesFlow.Core.Data;
using SalesFlow.Core.Organization;
using SalesFlow.Core.Tests.Organization;

namespace SalesFlow.Core.Tests.Data;

public class AuditTrailTests
{
    [Fact]
    public async Task Creating_a_record_writes_one_entry_with_its_first_values()
    {
        await using var database = await TestDatabase.CreateAsync();
        var org = await TestOrg.CreateAsync(database);
        var director = await org.ActorAsync(database, "director");

        var created = await database.Get<CreateEmployeeHandler>().HandleAsync(
            new CreateEmployee("李娜", "Li Na", Position.SalesRep, org.EastTeam1.Id, org["supervisor.east1"].Id, new DateOnly(2026, 3, 1), "13800138000", null), director, CancellationToken.None);

        await using var db = await database.Factory.CreateDbContextAsync();
        var entry = await db.AuditEntries.SingleAsync(a => a.EntityId == created.Value!.Id.ToString());
        Assert.Equal((AuditAction.Created, "director", director.UserId), (entry.Action, entry.UserName, entry.UserId!.Value));
        var snapshot = JsonSerializer.Deserialize<Dictionary<string, string>>(entry.NewValue!)!;
        Assert.Equal("李娜", snapshot["Name"]);
        Assert.Equal("2026-03-01", snapshot["HireDate"]);
        Assert.Equal("director", created.Value!.CreatedBy);
    }

    [Fact]
    public async Task Editing_writes_one_entry_per_changed_field_with_old_and_new_and_bumps_the_version()
    {
        await using var database = await TestDatabase.CreateAsync();
        var org = await TestOrg.CreateAsync(database);
        var director = await org.ActorAsync(database, "director");
        var rep = org["rep.north1.a"];
        database.Time.Advance(TimeSpan.FromHours(2));

        var updated = await database.Get<UpdateEmployeeHandler>().HandleAsync(
            new UpdateEmployee(rep.Id, "王芳", null, "13900000000", null, rep.HireDate, null, 0), director, CancellationToken.None);

        Assert.True(updated.IsSuccess, updated.Error?.Code);
        Assert.Equal(1, updated.Value!.Version);
        await using var db = await database.Factory.CreateDbContextAsync();
        var entries = await db.AuditEntries.Where(a => a.EntityId == rep.Id.ToString() && a.Action == AuditAction.Updated).OrderBy(a => a.Field).ToListAsync();
        Assert.Equal(
            [("Mobile", null, "13900000000"), ("Name", "rep.north1.a", "王芳")],
            entries.Select(e => (e.Field, e.OldValue, e.NewValue)).ToList());
        Assert.All(entries, e => Assert.Equal(database.Time.GetUtcNow().UtcDateTime, e.AtUtc));
    }

    [Fact]
    public async Task A_trail_names_the_employees_and_units_its_id_values_point_to()
    {
        await using var database = await TestDatabase.CreateAsync();
        var org = await TestOrg.CreateAsync(database);
        var rep = org["rep.north1.a"];
        var unknown = Guid.CreateVersion7();

        var names = await database.Get<AuditQueries>().NamesAsync([rep.Id, org.EastTeam1.Id, unknown], CancellationToken.None);

        Assert.Equal("rep.north1.a", names[rep.Id]);
        Assert.Equal(org.EastTeam1.Name, names[org.EastTeam1.Id]);
        Assert.False(names.ContainsKey(unknown));
    }

    [Theory]
    [InlineData(-30, -30)]
    [InlineData(5, 0)]
    public async Task A_creation_time_set_in_code_is_kept_when_it_is_in_the_past(int presetDays, int expectedDays)
    {
        await using var database = await TestDatabase.CreateAsync();
        var now = database.Time.GetUtcNow().UtcDateTime;
        await using var db = await database.Factory.OpenAsync(Actor.System, CancellationToken.None);
        var unit = OrgUnit.CreateRoot("OLD", "老公司", null);
        db.OrgUnits.Add(unit);
        db.Entry(unit).Property(u => u.CreatedAtUtc).CurrentValue = now.AddDays(presetDays);

        await db.SaveChangesAsync();

        var entry = await db.AuditEntries.SingleAsync(a => a.EntityId == unit.Id.ToString());
        Assert.Equal(now.AddDays(expectedDays), unit.CreatedAtUtc);
        Assert.Equal(unit.CreatedAtUtc, entry.AtUtc);
    }

    [Fact]
    public async Task Saving_an_audited_change_without_an_actor_is_a_bug()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var db = await database.Factory.CreateDbContextAsync();
        db.OrgUnits.Add(OrgUnit.CreateRoot("X", "无主", null));

        await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());
    }

    [Fact]
    public async Task The_trail_of_a_record_outside_the_callers_scope_is_not_found()
    {
        await using var database = await TestDatabase.CreateAsync();
        var org = await TestOrg.CreateAsync(database);
        var rep = await org.ActorAsync(database, "rep.east1.a");
        var queries = database.Get<AuditQueries>();

        var own = await queries.ListAsync(rep, new AuditFilter("Employee", org["rep.east1.a"].Id.ToString()), new PageRequest(), CancellationToken.None);
        var other = await queries.ListAsync(rep, new AuditFilter("Employee", org["rep.east1.b"].Id.ToString()), new PageRequest(), CancellationToken.None);

        Assert.True(own.IsSuccess);
        Assert.Equal(ErrorKind.NotFound, other.Error?.Kind);
    }
}
