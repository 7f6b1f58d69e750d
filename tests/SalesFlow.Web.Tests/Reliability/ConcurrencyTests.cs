using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;

namespace SalesFlow.Web.Tests.Reliability;

/// <summary>
/// R5 and R6 on whichever engine the suite runs on (SQLite and PostgreSQL in CI): many clients editing one order
/// with the version they read lose no update, and many clients creating with one idempotency key make one order.
/// </summary>
public sealed class ConcurrencyTests(SalesFlowApp app) : IClassFixture<SalesFlowApp>
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Fifty_clients_making_twenty_edits_each_on_one_order_lose_no_update()
    {
        const int clients = 50, editsEach = 20;
        var rep = await app.ClientAsync("rep.huadong.5");
        var (customer, productId) = await CustomerAndProductAsync(rep, "并发编辑");
        var order = await rep.PostJsonAsync("/api/v1/orders", new { customerId = customer, lines = new[] { new { productId, quantity = 2m } }, requestedDeliveryDate = "2027-01-01" }, HttpStatusCode.Created);
        var id = order.Id();
        var startVersion = order.Number("version");

        var accepted = new ConcurrentBag<(int Version, string Date)>();
        var stale = 0;
        var unexpected = new ConcurrentBag<string>();
        await Parallel.ForEachAsync(Enumerable.Range(0, clients), new ParallelOptions { MaxDegreeOfParallelism = clients, CancellationToken = Ct }, async (client, ct) =>
        {
            var http = await app.ClientAsync("rep.huadong.5");
            for (var edit = 0; edit < editsEach; edit++)
            {
                var read = await http.GetJsonAsync($"/api/v1/orders/{id}");
                // Every write asks for a date no other write asks for, so the audit trail shows which writes landed.
                var date = new DateOnly(2027, 1, 2).AddDays((client * editsEach) + edit).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
                using var put = await http.Put($"/api/v1/orders/{id}", new { lines = new[] { new { productId, quantity = 2m } }, requestedDeliveryDate = date, version = read.Number("version") });
                var text = await put.Content.ReadAsStringAsync(ct);
                if (put.StatusCode == HttpStatusCode.OK)
                {
                    accepted.Add((JsonDocument.Parse(text).RootElement.Number("version"), date));
                }
                // Stale at the read (the version sent is old) or at the save (another write landed in between).
                else if (put.StatusCode == HttpStatusCode.Conflict && (text.Contains("common.staleVersion", StringComparison.Ordinal) || text.Contains("common.concurrentEdit", StringComparison.Ordinal)))
                {
                    Interlocked.Increment(ref stale);
                }
                else
                {
                    unexpected.Add($"{(int)put.StatusCode} {text}");
                }
            }
        });

        Assert.Empty(unexpected);
        Assert.Equal(clients * editsEach, accepted.Count + stale);
        Assert.NotEmpty(accepted);
        // Each accepted write moved the version by exactly one. (A write's answer is the order as read after it
        // committed, so under contention it may already show the next write: its version says nothing on its own.)
        var final = await rep.GetJsonAsync($"/api/v1/orders/{id}");
        Assert.Equal(startVersion + accepted.Count, final.Number("version"));
        Assert.All(accepted, a => Assert.InRange(a.Version, startVersion + 1, startVersion + accepted.Count));

        var director = await app.ClientAsync("director");
        var trail = (await ApiCalls.AllPagesAsync(director, $"/api/v1/audit?entity=Order&id={id}"))
            .Where(e => e.Str("action") == "Updated" && e.Str("field") == "RequestedDeliveryDate")
            .ToList();
        // One audit line per accepted write, and they chain: each write replaced the value the previous one left,
        // from the order's first date to the date it has now. A lost update would break the chain or fork it.
        Assert.Equal(accepted.Select(w => w.Date).Order(StringComparer.Ordinal), trail.Select(e => e.Str("newValue")).Order(StringComparer.Ordinal));
        var chain = new Dictionary<string, string>();
        foreach (var entry in trail)
        {
            Assert.True(chain.TryAdd(entry.Str("oldValue"), entry.Str("newValue")), $"Two writes both replaced {entry.Str("oldValue")}.");
        }

        var value = "2027-01-01";
        for (var i = 0; i < accepted.Count; i++)
        {
            Assert.True(chain.TryGetValue(value, out var next), $"No accepted write replaced {value} (write {i + 1} of {accepted.Count}).");
            value = next;
        }

        Assert.Equal(value, final.Str("requestedDeliveryDate"));
    }

    [Fact]
    public async Task A_hundred_concurrent_creates_with_one_key_make_one_order_and_the_same_key_with_another_body_is_refused()
    {
        var rep = await app.ClientAsync("rep.huadong.6");
        var (customer, productId) = await CustomerAndProductAsync(rep, "并发幂等");
        var body = JsonSerializer.Serialize(new { customerId = customer, lines = new[] { new { productId, quantity = 3m } }, requestedDeliveryDate = "2027-03-01" }, Json);
        var key = "r6-" + Guid.NewGuid().ToString("N");

        var answers = new ConcurrentBag<(HttpStatusCode Status, string Body, string? Location)>();
        var retries = 0;
        await Parallel.ForEachAsync(Enumerable.Range(0, 100), new ParallelOptions { MaxDegreeOfParallelism = 100, CancellationToken = Ct }, async (_, ct) =>
        {
            var http = await app.ClientAsync("rep.huadong.6");
            while (true)
            {
                using var response = await http.Send(HttpMethod.Post, "/api/v1/orders", body, r => r.Headers.Add("Idempotency-Key", key));
                var text = await response.Content.ReadAsStringAsync(ct);
                // The contract: a repeat while the first request still runs is told so (409) and retries.
                if (response.StatusCode == HttpStatusCode.Conflict && text.Contains("idempotency.inProgress", StringComparison.Ordinal))
                {
                    Interlocked.Increment(ref retries);
                    await Task.Delay(50, ct);
                    continue;
                }

                answers.Add((response.StatusCode, text, response.Headers.Location?.OriginalString));
                return;
            }
        });

        Assert.All(answers, a => Assert.True(a.Status == HttpStatusCode.Created, $"{(int)a.Status} {a.Body}"));
        Assert.Single(answers.Select(a => (a.Body, a.Location)).Distinct());
        var orders = (await rep.GetJsonAsync($"/api/v1/orders?customerId={customer}")).Items();
        Assert.Equal(JsonDocument.Parse(answers.First().Body).RootElement.Id(), Assert.Single(orders).Id());

        var changed = body.Replace("2027-03-01", "2027-03-02", StringComparison.Ordinal);
        using var reused = await rep.Send(HttpMethod.Post, "/api/v1/orders", changed, r => r.Headers.Add("Idempotency-Key", key));
        await reused.ProblemAsync(HttpStatusCode.UnprocessableEntity, "idempotency.keyReused");
        Assert.Single((await rep.GetJsonAsync($"/api/v1/orders?customerId={customer}")).Items());
        TestContext.Current.TestOutputHelper?.WriteLine($"{retries} answers were 409 in progress and retried.");
    }

    private Task<(Guid Customer, Guid Product)> CustomerAndProductAsync(HttpClient rep, string label) => CustomerAndProductAsync(app, rep, label);

    /// <summary>A fresh customer of the rep with credit enough for any test order, and a product priced for it.</summary>
    internal static async Task<(Guid Customer, Guid Product)> CustomerAndProductAsync(SalesFlowApp app, HttpClient rep, string label)
    {
        var created = await rep.PostJsonAsync("/api/v1/customers", new { name = $"{label}测试{Guid.NewGuid():N}"[..24], type = "Enterprise" }, HttpStatusCode.Created);
        var finance = await app.ClientAsync("finance");
        await finance.PostJsonAsync($"/api/v1/customers/{created.Id()}/credit", new { creditLimit = 100_000_000m, paymentTermsDays = 30, version = created.Number("version") });
        var products = await rep.GetJsonAsync($"/api/v1/orders/priced-products?customerId={created.Id()}");
        var product = products.EnumerateArray().First(p => p.Str("sku") == "BM-RBR-HRB400");
        return (created.Id(), product.Id());
    }

}
