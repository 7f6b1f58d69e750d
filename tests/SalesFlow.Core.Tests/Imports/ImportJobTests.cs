using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using SalesFlow.Core.Common;
using SalesFlow.Core.Data;
using SalesFlow.Core.Imports;
using SalesFlow.Core.Tests.Organization;

namespace SalesFlow.Core.Tests.Imports;

/// <summary>Jobs run end to end on a real database: upload, the worker's run, then what the uploader sees.</summary>
public class ImportJobTests
{
    private const string LeadHeader = "姓名,公司,手机,邮箱,来源,区域\n";

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task A_dry_run_checks_every_row_and_saves_nothing(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var (org, rep) = await SetUpAsync(database, "rep.east1.a");

        var job = await RunAsync(database, rep, ImportKind.Leads, LeadHeader + "张伟,上海恒达机电有限公司,13800138000,,Exhibition,华东\n李娜,杭州天成贸易,13900139000,,Website,华东\n", dryRun: true);

        Assert.Equal((ImportStatus.DryRunDone, 2, 2, 0, 0), (job.Status, job.RowsRead, job.RowsValid, job.RowsInvalid, job.RowsApplied));
        Assert.Equal(0, await CountLeadsAsync(database));
        _ = org;
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task A_file_with_bad_rows_saves_nothing_and_says_which_line_broke_which_rule(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var (_, rep) = await SetUpAsync(database, "rep.east1.a");

        var job = await RunAsync(database, rep, ImportKind.Leads, LeadHeader
            + "张伟,上海恒达机电有限公司,13800138000,,Exhibition,华东\n"
            + "王芳,,,,Exhibition,华东\n"
            + "赵强,北京天成,13800138000,,Exhibition,华东\n"
            + "刘洋,广州,13700137000,,Radio,华东\n");

        Assert.Equal((ImportStatus.Rejected, 4, 1, 3, 0), (job.Status, job.RowsRead, job.RowsValid, job.RowsInvalid, job.RowsApplied));
        Assert.Equal(
            [(3, null, "lead.needsContactWay"), (4, "手机", "import.duplicateInFile"), (5, "来源", "field.oneOf")],
            job.Errors.Select(e => (e.Line, e.Column, e.Code)));
        Assert.Equal(0, await CountLeadsAsync(database));
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Valid_rows_only_saves_the_valid_rows_each_in_the_audit_trail(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var (_, rep) = await SetUpAsync(database, "rep.east1.a");

        var job = await RunAsync(database, rep, ImportKind.Leads, LeadHeader
            + "张伟,上海恒达机电有限公司,13800138000,,Exhibition,华东\n"
            + "王芳,,,,Exhibition,华东\n"
            + "李娜,杭州天成贸易,,lina@example.com,Website,华东\n", applyValidRowsOnly: true);

        Assert.Equal((ImportStatus.Succeeded, 2, 1, 2), (job.Status, job.RowsValid, job.RowsInvalid, job.RowsApplied));
        await using var db = await database.Factory.CreateDbContextAsync();
        var leads = await db.Leads.OrderBy(l => l.Name).Select(l => new { l.Id, l.Name, l.OwnerId }).ToListAsync();
        Assert.Equal(["张伟", "李娜"], leads.Select(l => l.Name).Order(StringComparer.Ordinal));
        Assert.All(leads, l => Assert.Equal(rep.EmployeeId, l.OwnerId));
        var audited = leads.Select(l => l.Id.ToString()).ToList();
        Assert.Equal(2, await db.AuditEntries.CountAsync(a => a.EntityType == "Lead" && audited.Contains(a.EntityId)));
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task A_row_that_fails_while_applying_rolls_back_the_rows_saved_before_it(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var (_, rep) = await SetUpAsync(database, "rep.east1.a");
        database.Get<ImportOptions>().BatchSize = 2;
        // Passes every check, then the database refuses it at insert time, after two batches were saved.
        await using (var db = await database.Factory.CreateDbContextAsync())
        {
            foreach (var sql in provider == DatabaseProvider.Sqlite
                ? ["CREATE TRIGGER refuse_lead BEFORE INSERT ON leads WHEN new.name = '故障' BEGIN SELECT RAISE(ABORT, 'refused'); END;"]
                : new[]
                {
                    "CREATE FUNCTION refuse_lead() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN IF NEW.name = '故障' THEN RAISE EXCEPTION 'refused'; END IF; RETURN NEW; END $$;",
                    "CREATE TRIGGER refuse_lead BEFORE INSERT ON leads FOR EACH ROW EXECUTE FUNCTION refuse_lead();",
                })
            {
                await db.Database.ExecuteSqlRawAsync(sql);
            }
        }

        var rows = string.Concat(Enumerable.Range(1, 5).Select(i => $"客户{i},公司{i},1380013800{i},,Exhibition,华东\n"));
        var job = await RunAsync(database, rep, ImportKind.Leads, LeadHeader + rows + "故障,公司X,13800138999,,Exhibition,华东\n");

        Assert.Equal((ImportStatus.Failed, "import.applyFailed", 6, 0), (job.Status, job.FailureCode, job.RowsValid, job.RowsApplied));
        Assert.Equal(7, Assert.Single(job.Errors).Line);
        Assert.Equal(0, await CountLeadsAsync(database));
        await using var check = await database.Factory.CreateDbContextAsync();
        Assert.Equal(0, await check.AuditEntries.CountAsync(a => a.EntityType == "Lead"));
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Customers_and_then_their_contacts_named_by_number_or_exact_name(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var (_, rep) = await SetUpAsync(database, "rep.east1.a");

        var customers = await RunAsync(database, rep, ImportKind.Customers,
            "客户名称/name,客户类型/type,客户等级/class,区域/region,标签/tags\n上海恒达机电有限公司,Enterprise,A,华东,机电，重点\n杭州天成贸易,Smb,,,\n");
        Assert.Equal((ImportStatus.Succeeded, 2), (customers.Status, customers.RowsApplied));

        await using var db = await database.Factory.CreateDbContextAsync();
        var hengda = await db.Customers.SingleAsync(c => c.Name == "上海恒达机电有限公司");
        Assert.Equal((SalesFlow.Core.Customers.CustomerClass.A, "机电,重点"), (hengda.Class, string.Join(",", hengda.TagList)));

        var contacts = await RunAsync(database, rep, ImportKind.Contacts,
            $"客户,姓名,手机,邮箱,主联系人\n{hengda.Number},张伟,13800138000,ZW@Example.com,是\n杭州天成贸易,李娜,,lina@example.com,否\n不存在的公司,王芳,13700137000,,\n");
        Assert.Equal(ImportStatus.Rejected, contacts.Status);
        Assert.Equal((4, "客户", "field.notFound"), Assert.Single(contacts.Errors, e => e.Line == 4) is var e ? (e.Line, e.Column, e.Code) : default);

        var fixedContacts = await RunAsync(database, rep, ImportKind.Contacts,
            $"客户,姓名,手机,邮箱,主联系人\n{hengda.Number},张伟,13800138000,ZW@Example.com,是\n杭州天成贸易,李娜,,lina@example.com,否\n");
        Assert.Equal((ImportStatus.Succeeded, 2), (fixedContacts.Status, fixedContacts.RowsApplied));
        var zhang = await db.Contacts.SingleAsync(k => k.FullName == "张伟");
        Assert.Equal((hengda.Id, "zw@example.com", true), (zhang.CustomerId, zhang.Email, zhang.IsPrimary));
    }

    [Fact]
    public async Task Only_the_uploader_and_directors_see_a_job()
    {
        await using var database = await TestDatabase.CreateAsync();
        var (org, rep) = await SetUpAsync(database, "rep.east1.a");
        var job = await RunAsync(database, rep, ImportKind.Leads, LeadHeader + "张伟,,13800138000,,Exhibition,华东\n", dryRun: true);
        var queries = database.Get<ImportQueries>();

        var other = await org.ActorAsync(database, "rep.east1.b");
        var director = await org.ActorAsync(database, "director");

        Assert.Equal(ErrorKind.NotFound, (await queries.GetAsync(other, job.Id, CancellationToken.None)).Error?.Kind);
        Assert.True((await queries.GetAsync(director, job.Id, CancellationToken.None)).IsSuccess);
    }

    [Fact]
    public async Task A_job_cut_off_with_its_instance_is_run_again_from_the_start_once_its_lease_has_run_out()
    {
        await using var database = await TestDatabase.CreateAsync();
        var (_, rep) = await SetUpAsync(database, "rep.east1.a");
        var options = database.Get<ImportOptions>();
        Guid cutOff;
        await using (var db = await database.Factory.CreateDbContextAsync())
        {
            var now = database.Time.GetUtcNow().UtcDateTime;
            var running = new ImportJob(rep.UserId, rep.UserName, ImportKind.Leads, "a.csv", false, false, now);
            running.Lease("an instance that died", now + options.Lease);
            running.StartValidating(["姓名"], now);
            db.ImportJobs.Add(running);
            db.ImportRowErrors.Add(new ImportRowError(running.Id, 2, null, new ImportProblem(null, "lead.needsContactWay", "x", new Dictionary<string, string?>()), []));
            await db.SaveChangesAsync();
            cutOff = running.Id;
        }

        Directory.CreateDirectory(Path.GetDirectoryName(options.PathOf(cutOff))!);
        await File.WriteAllTextAsync(options.PathOf(cutOff), LeadHeader + "张伟,,13800138000,,Exhibition,华东\n");
        var whileLeased = await database.Get<ImportRunner>().ClaimableAsync(CancellationToken.None);
        await database.Get<ImportRunner>().RunAsync(cutOff, CancellationToken.None);
        var untouched = (await database.Get<ImportQueries>().GetAsync(rep, cutOff, CancellationToken.None)).Value!;
        database.Time.Advance(options.Lease + TimeSpan.FromSeconds(1));
        var afterLease = await database.Get<ImportRunner>().ClaimableAsync(CancellationToken.None);
        await database.Get<ImportRunner>().RunAsync(cutOff, CancellationToken.None);

        var job = (await database.Get<ImportQueries>().GetAsync(rep, cutOff, CancellationToken.None)).Value!;
        Assert.Empty(whileLeased);
        Assert.Equal(ImportStatus.Validating, untouched.Status);
        Assert.Equal([cutOff], afterLease);
        Assert.Equal((ImportStatus.Succeeded, 1, 1, 0), (job.Status, job.RowsRead, job.RowsApplied, job.Errors.Count));
        Assert.Equal(1, await CountLeadsAsync(database));
        Assert.False(File.Exists(options.PathOf(cutOff)));
    }

    [Fact]
    public async Task A_job_that_keeps_cutting_its_runner_off_is_failed_after_the_last_attempt()
    {
        await using var database = await TestDatabase.CreateAsync();
        var (_, rep) = await SetUpAsync(database, "rep.east1.a");
        var options = database.Get<ImportOptions>();
        await using var content = new MemoryStream(Encoding.UTF8.GetBytes(LeadHeader + "张伟,,13800138000,,Exhibition,华东\n"));
        var id = (await database.Get<StartImportHandler>().HandleAsync(new StartImport(ImportKind.Leads, "a.csv", content, false), rep, CancellationToken.None)).Value!.Id;
        await using (var db = await database.Factory.CreateDbContextAsync())
        {
            await db.ImportJobs.Where(j => j.Id == id).ExecuteUpdateAsync(s => s.SetProperty(j => j.Status, ImportStatus.Applying).SetProperty(j => j.Attempts, options.MaxAttempts));
        }

        database.Time.Advance(options.Lease + TimeSpan.FromSeconds(1));
        await database.Get<ImportRunner>().RunAsync(id, CancellationToken.None);

        var job = (await database.Get<ImportQueries>().GetAsync(rep, id, CancellationToken.None)).Value!;
        Assert.Equal((ImportStatus.Failed, "import.interrupted"), (job.Status, job.FailureCode));
        Assert.Equal(0, await CountLeadsAsync(database));
        Assert.False(File.Exists(options.PathOf(id)));
    }

    [Fact]
    public async Task A_job_that_breaks_unexpectedly_says_it_failed_instead_of_running_forever()
    {
        await using var database = await TestDatabase.CreateAsync();
        var (_, rep) = await SetUpAsync(database, "rep.east1.a");
        await using var content = new MemoryStream(Encoding.UTF8.GetBytes(LeadHeader + "张伟,,13800138000,,Exhibition,华东\n"));
        var job = (await database.Get<StartImportHandler>().HandleAsync(new StartImport(ImportKind.Leads, "a.csv", content, false), rep, CancellationToken.None)).Value!;
        await using (var db = await database.Factory.CreateDbContextAsync())
        {
            await db.Database.ExecuteSqlRawAsync("ALTER TABLE leads RENAME TO leads_gone");
        }

        await Assert.ThrowsAnyAsync<Exception>(() => database.Get<ImportRunner>().RunAsync(job.Id, CancellationToken.None));

        var seen = (await database.Get<ImportQueries>().GetAsync(rep, job.Id, CancellationToken.None)).Value!;
        Assert.Equal((ImportStatus.Failed, "common.internal"), (seen.Status, seen.FailureCode));
        Assert.False(File.Exists(database.Get<ImportOptions>().PathOf(job.Id)));
    }

    [Fact]
    public async Task A_thousand_row_file_is_applied_in_batches_with_every_row_saved()
    {
        await using var database = await TestDatabase.CreateAsync();
        var (_, rep) = await SetUpAsync(database, "rep.east1.a");
        var rows = string.Concat(Enumerable.Range(1, 1000).Select(i => $"客户{i},公司{i},139{i:D8},,Exhibition,华东\n"));

        var job = await RunAsync(database, rep, ImportKind.Leads, LeadHeader + rows);

        Assert.Equal((ImportStatus.Succeeded, 1000, 1000), (job.Status, job.RowsValid, job.RowsApplied));
        Assert.Equal(1000, await CountLeadsAsync(database));
    }

    internal static async Task<(TestOrg Org, Actor Actor)> SetUpAsync(TestDatabase database, string who)
    {
        database.Get<ImportOptions>().DataFolder = Path.Combine(Path.GetTempPath(), "salesflow-import-tests");
        var org = await TestOrg.CreateAsync(database);
        return (org, await org.ActorAsync(database, who));
    }

    internal static async Task<ImportJobView> RunAsync(
        TestDatabase database, Actor actor, ImportKind kind, string csv, bool dryRun = false, bool applyValidRowsOnly = false)
    {
        CultureInfo.CurrentUICulture = new CultureInfo("zh-CN");
        await using var content = new MemoryStream(Encoding.UTF8.GetBytes(csv));
        var started = await database.Get<StartImportHandler>().HandleAsync(
            new StartImport(kind, "file.csv", content, dryRun, applyValidRowsOnly), actor, CancellationToken.None);
        Assert.True(started.IsSuccess, started.Error?.Message);
        Assert.Equal(ImportStatus.Queued, started.Value!.Status);

        await database.Get<ImportRunner>().RunAsync(started.Value.Id, CancellationToken.None);

        Assert.False(File.Exists(database.Get<ImportOptions>().PathOf(started.Value.Id)));
        return (await database.Get<ImportQueries>().GetAsync(actor, started.Value.Id, CancellationToken.None)).Value!;
    }

    private static async Task<int> CountLeadsAsync(TestDatabase database)
    {
        await using var db = await database.Factory.CreateDbContextAsync();
        return await db.Leads.CountAsync();
    }
}
