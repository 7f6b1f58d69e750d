using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using SalesFlow.Core.Common;
using SalesFlow.Core.Customers;
using SalesFlow.Core.Data;
using SalesFlow.Core.Leads;
using SalesFlow.Core.Tests.Organization;

namespace SalesFlow.Core.Tests.Data;

/// <summary>The lists' q search: right answers (Chinese substrings too) from the search index, not a scan of the table.</summary>
public class SearchTextTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Customers_match_on_any_substring_of_name_number_phone_or_a_contact(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var (director, _) = await SeedAsync(database, 20);
        var queries = database.Get<CustomerQueries>();

        async Task<string[]> Search(string q) =>
            [.. (await queries.ListAsync(director, new CustomerFilter(Q: q), new PageRequest(PageSize: 100), CancellationToken.None)).Value!.Items.Select(c => c.Name).Order(StringComparer.Ordinal)];

        Assert.Equal(["上海恒达机电有限公司"], await Search("恒达机电"));
        Assert.Equal(["上海恒达机电有限公司", "恒达物流"], await Search("恒达"));
        Assert.Equal(["上海恒达机电有限公司"], await Search("C-HD-1"));
        Assert.Equal(["恒达物流"], await Search("021-555"));
        Assert.Equal(["恒达物流"], await Search("ZHANG@EXAMPLE"));
        Assert.Equal(["恒达物流"], await Search("张伟"));
        Assert.Equal(["上海恒达机电有限公司", "恒达物流"], await Search("恒"));
        Assert.Empty(await Search("100%"));
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Leads_match_on_any_substring_of_name_company_mobile_or_email(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var (director, _) = await SeedAsync(database, 20);
        var queries = database.Get<LeadQueries>();

        async Task<string[]> Search(string q) =>
            [.. (await queries.ListAsync(director, new LeadFilter(Q: q), new PageRequest(PageSize: 100), CancellationToken.None)).Value!.Items.Select(l => l.Name).Order(StringComparer.Ordinal)];

        Assert.Equal(["王芳"], await Search("恒达机电"));
        Assert.Equal(["王芳"], await Search("恒达"));
        Assert.Equal(["王芳"], await Search("0013800"));
        Assert.Equal(["王芳"], await Search("WANGFANG@"));
        Assert.Empty(await Search("no such lead"));
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task The_search_reads_the_index_not_the_table(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var (director, _) = await SeedAsync(database, 2000);
        await using var db = await database.Factory.CreateDbContextAsync();

        var customerPlan = await PlanAsync(db, SearchText.Customers(db, db.Customers.VisibleTo(director).Where(c => !c.IsDeleted), "恒达机电").OrderBy(c => c.Name).Take(50));
        var leadPlan = await PlanAsync(db, SearchText.Leads(db, db.Leads.VisibleTo(director).Where(l => !l.IsDeleted), "恒达机电").OrderByDescending(l => l.CreatedAtUtc).Take(50));
        output.WriteLine(customerPlan);
        output.WriteLine(leadPlan);

        if (provider == DatabaseProvider.Sqlite)
        {
            Assert.Contains("customer_search VIRTUAL TABLE", customerPlan, StringComparison.Ordinal);
            Assert.Contains("contact_search VIRTUAL TABLE", customerPlan, StringComparison.Ordinal);
            Assert.Contains("lead_search VIRTUAL TABLE", leadPlan, StringComparison.Ordinal);
            Assert.DoesNotContain("SCAN c\n", customerPlan + "\n", StringComparison.Ordinal);
            Assert.DoesNotContain("SCAN l\n", leadPlan + "\n", StringComparison.Ordinal);
        }
        else
        {
            foreach (var index in new[] { "ix_customers_name_trgm", "ix_customers_number_trgm", "ix_contacts_full_name_trgm" })
            {
                Assert.Contains(index, customerPlan, StringComparison.Ordinal);
            }

            Assert.Contains("ix_leads_company_trgm", leadPlan, StringComparison.Ordinal);
            Assert.DoesNotContain("Seq Scan", customerPlan + leadPlan, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Running_the_SQLite_index_script_again_rebuilds_it_without_duplicates()
    {
        await using var database = await TestDatabase.CreateAsync();
        var (director, _) = await SeedAsync(database, 5);
        await using (var db = await database.Factory.CreateDbContextAsync())
        {
            await db.Database.ExecuteSqlRawAsync("DROP TRIGGER customer_search_insert; DELETE FROM customer_search;");
            foreach (var statement in SearchIndexSql.SqliteUp())
            {
                await db.Database.ExecuteSqlRawAsync(statement);
            }
        }

        var found = await database.Get<CustomerQueries>().ListAsync(director, new CustomerFilter(Q: "恒达机电"), new PageRequest(), CancellationToken.None);

        Assert.Equal("上海恒达机电有限公司", Assert.Single(found.Value!.Items).Name);
    }

    private static async Task<string> PlanAsync<T>(SalesFlowDbContext db, IQueryable<T> query)
    {
        await using var command = query.CreateDbCommand();
        await db.Database.OpenConnectionAsync();
        var postgres = db.Database.IsNpgsql();
        if (postgres)
        {
            // On a small table walking a whole table or b-tree is cheaper and the planner rightly takes it; this asks whether the trigram indexes CAN answer.
            await db.Database.ExecuteSqlRawAsync("ANALYZE; SET enable_seqscan = off; SET enable_indexscan = off");
        }

        command.CommandText = (postgres ? "EXPLAIN " : "EXPLAIN QUERY PLAN ") + command.CommandText;
        var lines = new List<string>();
        await using DbDataReader reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            lines.Add(reader.GetString(reader.FieldCount - 1));
        }

        return string.Join('\n', lines);
    }

    private static async Task<(Actor Director, TestOrg Org)> SeedAsync(TestDatabase database, int fillers)
    {
        var org = await TestOrg.CreateAsync(database);
        var rep = org["rep.east1.a"];
        await using (var db = await database.Factory.OpenAsync(Actor.System, CancellationToken.None))
        {
            db.Customers.Add(new Customer("C-HD-1", "上海恒达机电有限公司", CustomerType.Enterprise, org.East.Id, rep.Id, rep.OrgUnitId));
            var logistics = new Customer("C-HD-2", "恒达物流", CustomerType.Smb, org.East.Id, rep.Id, rep.OrgUnitId);
            logistics.UpdateDetails(logistics.Name, logistics.Type, null, org.East.Id, null, "021-5550123", []);
            db.Customers.Add(logistics);
            var contact = new Contact(logistics.Id, "张伟");
            contact.Update("张伟", null, null, "13800138000", "zhang@example.com", true);
            db.Contacts.Add(contact);
            db.Leads.Add(new Lead("王芳", "上海恒达机电有限公司", "13800138001", "wangfang@example.com", LeadSource.Website, org.East.Id, null));
            for (var i = 0; i < fillers; i++)
            {
                db.Customers.Add(new Customer($"C-F-{i:D5}", $"北京天成贸易{i}号", CustomerType.Smb, org.North.Id, rep.Id, rep.OrgUnitId));
                db.Leads.Add(new Lead($"客户{i}", $"广州南方{i}号", $"137{i:D8}", null, LeadSource.Website, org.North.Id, null));
            }

            await db.SaveChangesAsync();
        }

        return (await org.ActorAsync(database, "director"), org);
    }
}
