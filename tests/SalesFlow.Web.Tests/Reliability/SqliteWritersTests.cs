using System.Collections.Concurrent;
using System.Net;

namespace SalesFlow.Web.Tests.Reliability;

/// <summary>The app on a SQLite file, as users run it, in every CI stage.</summary>
public sealed class SqliteFileApp() : SalesFlowApp(sqliteFile: true);

/// <summary>
/// R13: sixteen clients writing at once to the SQLite file (new customers, new leads, edits of their customers) all
/// get their answer; SQLite has one writer at a time, so they queue behind it, and none is told the database is locked.
/// </summary>
public sealed class SqliteWritersTests(SqliteFileApp app) : IClassFixture<SqliteFileApp>
{
    [Fact]
    public async Task Sixteen_concurrent_writers_are_all_answered_and_none_sees_a_locked_database()
    {
        Assert.False(app.OnPostgres);
        const int writers = 16, rounds = 15;
        var reps = Enumerable.Range(1, 10).Select(i => $"rep.huadong.{i}").ToArray();
        var failures = new ConcurrentBag<string>();
        var written = 0;

        await Parallel.ForEachAsync(Enumerable.Range(0, writers), new ParallelOptions { MaxDegreeOfParallelism = writers, CancellationToken = TestContext.Current.CancellationToken }, async (writer, ct) =>
        {
            var http = await app.ClientAsync(reps[writer % reps.Length]);
            for (var round = 0; round < rounds; round++)
            {
                var tag = $"{writer:D2}{round:D2}";
                using var customer = await http.Post("/api/v1/customers", new { name = $"并发写入{tag}号有限公司", type = "Smb" });
                var customerText = await customer.Content.ReadAsStringAsync(ct);
                Check(customer.StatusCode, HttpStatusCode.Created, "customer", customerText);
                using var lead = await http.Post("/api/v1/leads", new { name = $"写入{tag}", company = $"并发线索{tag}有限公司", mobile = $"1396{tag}0000"[..11], source = "Website", region = "华东" });
                Check(lead.StatusCode, HttpStatusCode.Created, "lead", await lead.Content.ReadAsStringAsync(ct));
                if (customer.StatusCode == HttpStatusCode.Created)
                {
                    var created = System.Text.Json.JsonDocument.Parse(customerText).RootElement;
                    using var edit = await http.Put($"/api/v1/customers/{created.Id()}", new
                    {
                        name = $"并发写入{tag}号有限公司（改）",
                        type = "Enterprise",
                        @class = created.Str("class"),
                        valueTier = created.Str("valueTier"),
                        regionId = created.Id("regionId"),
                        version = created.Number("version"),
                    });
                    Check(edit.StatusCode, HttpStatusCode.OK, "edit", await edit.Content.ReadAsStringAsync(ct));
                }
            }
        });

        Assert.True(failures.IsEmpty, string.Join("\n", failures.Take(20)));
        Assert.Equal(writers * rounds * 3, written);
        var director = await app.ClientAsync("director");
        var found = await director.GetJsonAsync("/api/v1/customers?q=并发写入&pageSize=1");
        Assert.Equal(writers * rounds, found.Number("totalCount"));

        void Check(HttpStatusCode actual, HttpStatusCode expected, string what, string body)
        {
            if (actual == expected)
            {
                Interlocked.Increment(ref written);
            }
            else
            {
                failures.Add($"{what}: {(int)actual} {body[..Math.Min(body.Length, 300)]}");
            }
        }
    }
}
