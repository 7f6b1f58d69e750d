using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Npgsql;

namespace SalesFlow.Web.Tests.Reliability;

/// <summary>The app on PostgreSQL through a <see cref="TcpFaultProxy"/>, so a test can take the database away.</summary>
public sealed class ProxiedPostgresApp : SalesFlowApp
{
    public TcpFaultProxy? Proxy { get; private set; }

    protected override void ConfigureSettings(IWebHostBuilder builder)
    {
        if (!OnPostgres)
        {
            return;
        }

        var target = new NpgsqlConnectionStringBuilder(ConnectionString);
        Proxy ??= new TcpFaultProxy(target.Host!, target.Port);
        // A short connect timeout: while the database is away a request fails in seconds instead of waiting 15.
        builder.UseSetting("ConnectionStrings:SalesFlow", new NpgsqlConnectionStringBuilder(ConnectionString) { Host = "127.0.0.1", Port = Proxy.Port, Timeout = 3 }.ConnectionString);
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (Proxy is not null)
        {
            await Proxy.DisposeAsync();
        }
    }
}

/// <summary>
/// R12: while PostgreSQL is out of reach every API request that needs it is answered 503 with Retry-After (never a
/// bare 500), and the app answers normally within 2 seconds of the database coming back; and clients creating orders
/// through repeated outages, retrying each by its idempotency key, end with exactly one order per key.
/// </summary>
public sealed class DatabaseOutageTests(ProxiedPostgresApp app) : IClassFixture<ProxiedPostgresApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task While_the_database_is_away_requests_get_503_with_retry_after_and_it_answers_within_2_seconds_of_coming_back()
    {
        if (app.Proxy is null)
        {
            Assert.Skip($"Needs PostgreSQL ({SalesFlowApp.PostgresVariable}): the outage is made by cutting the connection to it.");
        }

        var rep = await app.ClientAsync("rep.huadong.1");
        await rep.GetJsonAsync("/api/v1/customers?pageSize=5");

        app.Proxy.Cut();
        try
        {
            foreach (var url in new[] { "/api/v1/customers?pageSize=5", "/api/v1/orders?pageSize=5", "/api/v1/leads?pageSize=5" })
            {
                using var response = await rep.Get(url);
                var body = await response.Content.ReadAsStringAsync(Ct);
                Assert.True(response.StatusCode == HttpStatusCode.ServiceUnavailable, $"{url}: {(int)response.StatusCode} {body}");
                Assert.Equal(TimeSpan.FromSeconds(2), response.Headers.RetryAfter?.Delta);
                Assert.Contains("common.unavailable", body, StringComparison.Ordinal);
            }

            using var write = await rep.Post("/api/v1/customers", new { name = "停机期间客户有限公司", type = "Enterprise" });
            Assert.Equal(HttpStatusCode.ServiceUnavailable, write.StatusCode);
        }
        finally
        {
            app.Proxy.Restore();
        }

        var back = Stopwatch.StartNew();
        HttpStatusCode status;
        do
        {
            using var response = await rep.Get("/api/v1/customers?pageSize=5");
            status = response.StatusCode;
        }
        while (status != HttpStatusCode.OK && back.Elapsed < TimeSpan.FromSeconds(10));

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.True(back.Elapsed < TimeSpan.FromSeconds(2), $"The app answered {back.Elapsed.TotalSeconds:F1} s after the database came back.");
        // The customer refused during the outage was not half-saved.
        Assert.Empty((await rep.GetJsonAsync("/api/v1/customers?q=停机期间客户")).Items());
    }

    [Fact]
    public async Task Clients_creating_orders_through_repeated_outages_and_retrying_by_key_end_with_exactly_one_order_per_key()
    {
        if (app.Proxy is null)
        {
            Assert.Skip($"Needs PostgreSQL ({SalesFlowApp.PostgresVariable}): the outages are made by cutting the connection to it.");
        }

        var owner = await app.ClientAsync("rep.huadong.6");
        var (customer, product) = await ConcurrencyTests.CustomerAndProductAsync(app, owner, "断线幂等");
        const int Clients = 6;
        const int OrdersEach = 8;
        const int Outages = 6;
        var outagesOver = 0;
        var orders = new ConcurrentDictionary<string, (Guid Id, string Location)>();
        var unexpected = new ConcurrentBag<string>();
        var answers = new ConcurrentDictionary<int, int>();
        var replayed = 0;
        using var done = CancellationTokenSource.CreateLinkedTokenSource(Ct);

        var clients = Enumerable.Range(0, Clients).Select(c => Task.Run(async () =>
        {
            var http = await app.ClientAsync("rep.huadong.6");
            // At least OrdersEach each, and on until the last outage is over: a fixed count could finish before the first
            // cut once creating an order got faster (CI, 2026-12-02: 48 orders in under 2.5 s, no request met an outage).
            for (var n = 0; n < OrdersEach || Volatile.Read(ref outagesOver) == 0; n++)
            {
                if (n >= OrdersEach)
                {
                    await Task.Delay(TimeSpan.FromMilliseconds(100), Ct);
                }

                var key = $"r12-outage-{c}-{n}-{Guid.NewGuid():N}";
                var body = JsonSerializer.Serialize(new { customerId = customer, lines = new[] { new { productId = product, quantity = 1m + n } }, requestedDeliveryDate = "2027-04-01" }, JsonSerializerOptions.Web);
                var deadline = Stopwatch.StartNew();
                while (true)
                {
                    Assert.True(deadline.Elapsed < TimeSpan.FromSeconds(90), $"key {key} got no order in 90 s");
                    using var response = await http.Send(HttpMethod.Post, "/api/v1/orders", body, r => r.Headers.Add("Idempotency-Key", key));
                    var text = await response.Content.ReadAsStringAsync(Ct);
                    answers.AddOrUpdate((int)response.StatusCode, 1, (_, count) => count + 1);
                    if (response.StatusCode == HttpStatusCode.Created)
                    {
                        if (response.Headers.Contains("Idempotent-Replayed"))
                        {
                            Interlocked.Increment(ref replayed); // the first answer was lost in an outage after the commit
                        }

                        var id = JsonDocument.Parse(text).RootElement.Id();
                        Assert.True(orders.TryAdd(key, (id, response.Headers.Location!.OriginalString)), $"key {key} answered twice");
                        break;
                    }

                    var retry = response.StatusCode switch
                    {
                        HttpStatusCode.ServiceUnavailable => response.Headers.RetryAfter?.Delta is not null,
                        HttpStatusCode.Conflict => text.Contains("idempotency.inProgress", StringComparison.Ordinal),
                        _ => false,
                    };
                    if (!retry)
                    {
                        unexpected.Add($"{(int)response.StatusCode} {text}");
                        break;
                    }

                    await Task.Delay(TimeSpan.FromMilliseconds(200), Ct);
                }
            }
        })).ToList();

        // Outages of varied length at varied moments, so some fall between a create's commit and its answer.
        var random = new Random(12);
        var outages = 0;
        while (outages < Outages)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(random.Next(300, 1200)), Ct);
            app.Proxy.Cut();
            outages++;
            await Task.Delay(TimeSpan.FromMilliseconds(random.Next(200, 1500)), Ct);
            app.Proxy.Restore();
        }

        Volatile.Write(ref outagesOver, 1);
        await Task.WhenAll(clients);
        TestContext.Current.TestOutputHelper?.WriteLine(
            $"{outages} outages; {replayed} orders answered by replay; answers: {string.Join(", ", answers.OrderBy(a => a.Key).Select(a => $"{a.Key}×{a.Value}"))}");

        await UntilAnsweringAsync(owner);
        Assert.True(unexpected.IsEmpty, string.Join("\n", unexpected.Take(5)));
        Assert.True(answers.ContainsKey(503), "no request met an outage; the test proved nothing");
        Assert.InRange(orders.Count, Clients * OrdersEach, int.MaxValue);
        Assert.Equal(orders.Count, orders.Values.Select(o => o.Id).Distinct().Count());
        var stored = await owner.AllPagesAsync($"/api/v1/orders?customerId={customer}", 100);
        Assert.Equal(orders.Values.Select(o => o.Id).Order(), stored.Select(o => o.Id()).Order());
        Assert.All(orders.Values, o => Assert.Equal($"/api/v1/orders/{o.Id}", o.Location));
    }

    // Connections the pool held across the last cut fail once each; the app is back within 2 s (the test above).
    private static async Task UntilAnsweringAsync(HttpClient client)
    {
        var back = Stopwatch.StartNew();
        while (true)
        {
            using var response = await client.Get("/api/v1/orders?pageSize=1");
            if (response.StatusCode == HttpStatusCode.OK)
            {
                return;
            }

            Assert.True(back.Elapsed < TimeSpan.FromSeconds(10), $"still {(int)response.StatusCode} 10 s after the last outage");
            await Task.Delay(100, Ct);
        }
    }
}
