using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SalesFlow.Core.Auditing;
using SalesFlow.Core.Data;

namespace SalesFlow.Web.Tests.Reliability;

/// <summary>
/// R12, second half, on both engines: a create's transaction marks its idempotency key committed with the new
/// record's location, so when the stored answer is lost (the process or the database connection died between the
/// commit and the answer) a retry with the key replays the record instead of creating another. The lost answer is
/// made by clearing it from the key's row, exactly the state such a crash leaves; the live outage is in
/// <see cref="DatabaseOutageTests"/>. In Development a create whose location differs from the one its transaction
/// recorded fails outright, so each create here also proves that location right.
/// </summary>
public sealed class IdempotentCreateRecoveryTests(SalesFlowApp app) : IClassFixture<SalesFlowApp>
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_create_whose_answer_was_lost_after_the_commit_is_replayed_from_its_record_not_made_twice()
    {
        var rep = await app.ClientAsync("rep.huadong.6");
        var (customer, product) = await ConcurrencyTests.CustomerAndProductAsync(app, rep, "幂等恢复");
        var director = await app.ClientAsync("director");
        var dealerId = (await director.GetJsonAsync("/api/v1/dealers?pageSize=1")).Items()[0].Id();
        var dealer = await app.ClientAsync("dealer.1");
        var portalProduct = (await dealer.GetJsonAsync("/api/v1/portal/products")).EnumerateArray().First().Id();
        var suffix = Guid.NewGuid().ToString("N")[..6];

        var creates = new (HttpClient Client, string Url, object Body)[]
        {
            (rep, "/api/v1/orders", new { customerId = customer, lines = new[] { new { productId = product, quantity = 2m } }, requestedDeliveryDate = "2027-02-01" }),
            (rep, "/api/v1/customers", new { name = $"幂等恢复客户{suffix}有限公司", type = "Enterprise" }),
            (rep, "/api/v1/leads", new { name = "钱多多", company = $"幂等线索{suffix}有限公司", mobile = "13655550001", source = "Website", region = "华东" }),
            (rep, "/api/v1/opportunities", new { name = $"幂等商机{suffix}", customerId = customer, amount = 80000 }),
            (rep, "/api/v1/visits", new { customerId = customer, adHoc = true }),
            (director, $"/api/v1/dealers/{dealerId}/staff", new { name = "孙丽", userName = $"staff.idem.{suffix}", password = SalesFlowApp.DemoPassword, mobile = "13800000001" }),
            (dealer, "/api/v1/portal/staff", new { name = "周强", userName = $"staff.idem.p{suffix}", password = SalesFlowApp.DemoPassword }),
            (dealer, "/api/v1/portal/orders", new { lines = new[] { new { productId = portalProduct, quantity = 1m } } }),
        };

        foreach (var (client, url, body) in creates)
        {
            var json = JsonSerializer.Serialize(body, Json);
            var key = "r12-" + Guid.NewGuid().ToString("N");
            using var first = await client.Send(HttpMethod.Post, url, json, r => r.Headers.Add("Idempotency-Key", key));
            var firstBody = await first.Content.ReadAsStringAsync(Ct);
            Assert.True(first.StatusCode == HttpStatusCode.Created, $"{url}: {(int)first.StatusCode} {firstBody}");
            var location = first.Headers.Location!.OriginalString;
            var id = JsonDocument.Parse(firstBody).RootElement.Id();
            Assert.EndsWith(id.ToString(), location, StringComparison.Ordinal);

            var created = await CreatedCountAsync();
            Assert.Equal(1, await LoseTheAnswerAsync(key));

            using var replay = await client.Send(HttpMethod.Post, url, json, r => r.Headers.Add("Idempotency-Key", key));
            var replayBody = await replay.Content.ReadAsStringAsync(Ct);
            Assert.True(replay.StatusCode == HttpStatusCode.Created, $"{url} replay: {(int)replay.StatusCode} {replayBody}");
            Assert.Equal("true", replay.Headers.GetValues("Idempotent-Replayed").Single());
            Assert.Equal(location, replay.Headers.Location!.OriginalString);
            Assert.Equal(id, JsonDocument.Parse(replayBody).RootElement.Id());
            Assert.Equal(created, await CreatedCountAsync());

            // The replayed answer is now the key's answer.
            using var again = await client.Send(HttpMethod.Post, url, json, r => r.Headers.Add("Idempotency-Key", key));
            Assert.Equal(replayBody, await again.Content.ReadAsStringAsync(Ct));
            Assert.Equal(created, await CreatedCountAsync());
        }
    }

    // What a crash between the create's commit and the stored answer leaves: the key marked committed, no answer.
    private async Task<int> LoseTheAnswerAsync(string key)
    {
        await using var scope = app.Services.CreateAsyncScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<SalesFlowDbContext>>().CreateDbContextAsync(Ct);
        return await db.IdempotencyRecords
            .Where(r => r.Key == key && r.CommittedAtUtc != null && r.StatusCode != null)
            .ExecuteUpdateAsync(
                set => set
                    .SetProperty(r => r.StatusCode, (int?)null)
                    .SetProperty(r => r.Body, (string?)null)
                    .SetProperty(r => r.ContentType, (string?)null)
                    .SetProperty(r => r.CompletedAtUtc, (DateTime?)null),
                Ct);
    }

    private async Task<int> CreatedCountAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<SalesFlowDbContext>>().CreateDbContextAsync(Ct);
        return await db.AuditEntries.CountAsync(a => a.Action == AuditAction.Created, Ct);
    }
}
