using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;

namespace SalesFlow.Web.Tests.Reliability;

/// <summary>
/// R7: the app, as a real process on a real database (a SQLite file, or PostgreSQL), is killed with SIGKILL at random moments of a
/// large lead import and started again each time. Checked at rest after every kill: the file's leads are in the database all or
/// not at all (no partial batch), and the job says which; at the end the job has resumed by itself and every row of the file is
/// in the database exactly once. The seed of the kill moments is printed (set <c>SALESFLOW_CRASH_SEED</c> to replay a run).
/// </summary>
[Trait("Category", "LongRunning")]
public sealed class ImportCrashTests
{
    // Long enough for the kills to land while it runs: once leads were checked and added in one pass, 12,000 rows took
    // under 3.5 s on SQLite, and kills after up to 6 s all came after the commit.
    private const int Rows = 40_000;
    private const int Kills = 4;

    [Fact]
    public async Task A_lead_import_killed_at_random_moments_resumes_and_saves_every_row_exactly_once()
    {
        var seed = Environment.GetEnvironmentVariable("SALESFLOW_CRASH_SEED") is { } fixedSeed
            ? int.Parse(fixedSeed, CultureInfo.InvariantCulture)
            : Random.Shared.Next();
        var random = new Random(seed);
        var log = new StringBuilder($"seed {seed} (SALESFLOW_CRASH_SEED={seed} replays it)\n");
        TestContext.Current.TestOutputHelper?.WriteLine(log.ToString());
        var tag = $"{seed % 100_000:D5}";
        var fileName = $"crash-{tag}-{Guid.NewGuid():N}.csv";
        var companies = Enumerable.Range(1, Rows).Select(i => $"断电测试{tag}号{i:D5}有限公司").ToList();
        var file = new StringBuilder("姓名/name,公司/company,手机/mobile,邮箱/email,来源/source,区域/region\n");
        for (var i = 0; i < Rows; i++)
        {
            file.Append(CultureInfo.InvariantCulture, $"联系人{i + 1},{companies[i]},177{i + 1:D8},,Exhibition,华东\n");
        }

        var uploads = Directory.CreateTempSubdirectory("salesflow-crash-");
        var settings = new Dictionary<string, string>
        {
            ["Imports:DataFolder"] = uploads.FullName,
            ["Imports:LeaseSeconds"] = "3",
            ["Imports:PollSeconds"] = "1",
            ["Imports:BatchSize"] = "250",
            ["Imports:MaxAttempts"] = "20",
        };
        await using var database = await AppDatabase.CreateAsync();
        var app = await AppProcess.StartAsync(database, settings);
        try
        {
            var rep = await app.ClientAsync("rep.huadong.1");
            using (var upload = await rep.UploadAsync("leads", Encoding.UTF8.GetBytes(file.ToString()), fileName))
            {
                await upload.JsonAsync(HttpStatusCode.Accepted);
            }

            var kills = 0;
            for (var round = 1; round <= Kills; round++)
            {
                var delay = TimeSpan.FromMilliseconds(random.Next(100, 4_000));
                await Task.Delay(delay, TestContext.Current.CancellationToken);
                var before = await JobAsync(database, fileName);
                await app.KillAsync();
                var (status, attempts, applied) = await JobAsync(database, fileName);
                var saved = await SavedAsync(database, tag);
                log.Append(CultureInfo.InvariantCulture, $"kill {round} after {delay.TotalMilliseconds} ms: job {before.Status} before, {status} after (attempt {attempts}, {applied} applied), {saved.Count} leads of the file saved\n");
                Assert.True(saved.Count == 0 || saved.Count == Rows, $"A partial import is visible after a kill: {saved.Count} of {Rows} rows.\n{log}");
                Assert.True((status == "Succeeded") == (saved.Count == Rows), $"The job says {status} but {saved.Count} of {Rows} rows are saved.\n{log}");
                if (before.Status is "Validating" or "Applying" or "Queued")
                {
                    kills++;
                }

                await app.DisposeAsync();
                app = await AppProcess.StartAsync(database, settings);
                if (status == "Succeeded")
                {
                    break;
                }
            }

            var finished = await FinishedAsync(database, fileName, TimeSpan.FromMinutes(5));
            var final = await SavedAsync(database, tag);
            log.Append(CultureInfo.InvariantCulture, $"end: job {finished.Status} after {finished.Attempts} attempts, {finished.Applied} applied, {final.Count} leads saved\n");
            TestContext.Current.TestOutputHelper?.WriteLine(log.ToString());
            Assert.True(kills > 0, $"No kill landed while the import ran; the test proved nothing.\n{log}");
            Assert.Equal(("Succeeded", Rows.ToString(CultureInfo.InvariantCulture)), (finished.Status, finished.Applied));
            var twice = final.GroupBy(c => c).Where(g => g.Count() > 1).Select(g => g.Key).Take(5).ToList();
            Assert.True(twice.Count == 0, $"Saved more than once: {string.Join(", ", twice)}\n{log}");
            var missing = companies.Except(final).Take(5).ToList();
            Assert.True(missing.Count == 0, $"Missing: {string.Join(", ", missing)}\n{log}");
            Assert.Equal(Rows, final.Count);
            // The upload goes once the job has finished (just after the commit that says so).
            for (var i = 0; i < 50 && uploads.EnumerateFiles().Any(); i++)
            {
                await Task.Delay(100, TestContext.Current.CancellationToken);
            }

            Assert.Empty(uploads.EnumerateFiles());
        }
        catch (Exception) when (LogTail(log, app))
        {
            throw;
        }
        finally
        {
            await app.DisposeAsync();
            uploads.Delete(recursive: true);
        }
    }

    private static bool LogTail(StringBuilder log, AppProcess app)
    {
        TestContext.Current.TestOutputHelper?.WriteLine(log + "\napp output:\n" + app.Tail);
        return false;
    }

    private static async Task<(string Status, int Attempts, string? Applied)> JobAsync(AppDatabase database, string fileName)
    {
        var row = Assert.Single(await database.QueryAsync("SELECT status, attempts, rows_applied FROM import_jobs WHERE file_name = @f", ("@f", fileName)));
        return (row[0]!, int.Parse(row[1]!, CultureInfo.InvariantCulture), row[2]);
    }

    private static async Task<List<string>> SavedAsync(AppDatabase database, string tag) =>
        [.. (await database.QueryAsync("SELECT company FROM leads WHERE company LIKE @p", ("@p", $"断电测试{tag}号%"))).Select(r => r[0]!)];

    private static async Task<(string Status, int Attempts, string? Applied)> FinishedAsync(AppDatabase database, string fileName, TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var job = await JobAsync(database, fileName);
            if (job.Status is "Succeeded" or "Failed" or "Rejected" || clock.Elapsed > timeout)
            {
                return job;
            }

            await Task.Delay(500, TestContext.Current.CancellationToken);
        }
    }
}
