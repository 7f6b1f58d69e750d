using System.Collections.Concurrent;
using System.Diagnostics;
using SalesFlow.Bench.Running;

namespace SalesFlow.Bench.Workloads.Http;

/// <summary>One order a client placed: which template, the total the server answered and how long the whole placing took.</summary>
internal sealed record PlacedOrder(int Template, Guid Id, decimal Total, string Status, double Ms);

/// <summary>What a window of clients did: orders per second over the window and every order's latency.</summary>
internal sealed record LoadWindow(IReadOnlyList<PlacedOrder> Orders, double Seconds, int Errors, double ProcessCpuMs = double.NaN, double MachineCpuMs = double.NaN)
{
    /// <summary>CPU milliseconds per order of the bench process (app or baseline server, and the clients) and of the machine (adds the database).</summary>
    public (double Process, double Machine) CpuMsPerOrder => (ProcessCpuMs / Math.Max(Orders.Count, 1), MachineCpuMs / Math.Max(Orders.Count, 1));

    public double PerSecond => Orders.Count / Seconds;

    public double MsPerOrder => Seconds * 1000 / Math.Max(Orders.Count, 1);

    public List<double> Latencies => Orders.Select(o => o.Ms).ToList();
}

/// <summary>
/// How one order is placed on each side. The product: <c>POST /api/v1/orders</c> with an <c>Idempotency-Key</c>
/// (pricing, scope, audit, idempotency), then <c>POST /orders/{id}/submit</c> (credit check, summary tracking) — the
/// API keeps create and submit apart, so an order taken is both. The baseline: one POST to its one endpoint.
/// </summary>
internal static class OrderClients
{
    public static async Task<PlacedOrder> PlaceWithProductAsync(HttpClient client, OrderTemplate template, string idempotencyKey, CancellationToken ct)
    {
        var started = Stopwatch.GetTimestamp();
        using var create = new HttpRequestMessage(HttpMethod.Post, "/api/v1/orders")
        {
            Content = JsonContent.Create(new { customerId = template.CustomerId, lines = template.Lines.Select(l => new { productId = l.ProductId, quantity = l.Quantity }) }),
        };
        create.Headers.Add("Idempotency-Key", idempotencyKey);
        using var created = await client.SendAsync(create, ct);
        await EnsureAsync(created, "create", ct);
        var order = (await created.Content.ReadFromJsonAsync<ProductOrder>(ct))!;
        using var submitted = await client.PostAsync($"/api/v1/orders/{order.Id}/submit", null, ct);
        await EnsureAsync(submitted, "submit", ct);
        var after = (await submitted.Content.ReadFromJsonAsync<ProductOrder>(ct))!;
        return new PlacedOrder(template.Index, order.Id, after.Total, after.Status, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
    }

    public static async Task<PlacedOrder> PlaceWithBaselineAsync(HttpClient client, OrderTemplate template, CancellationToken ct)
    {
        var started = Stopwatch.GetTimestamp();
        using var response = await client.PostAsJsonAsync("/orders", new BaselineOrderBody(template.Index, template.CustomerId, template.Lines), ct);
        await EnsureAsync(response, "baseline insert", ct);
        var answer = (await response.Content.ReadFromJsonAsync<CreatedAnswer>(ct))!;
        return new PlacedOrder(template.Index, answer.Id, answer.Total, answer.Status, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
    }

    /// <summary>Every client places orders back to back until the window closes; a failed request is counted, not retried.</summary>
    public static async Task<LoadWindow> RunWindowAsync(
        IReadOnlyList<HttpClient> clients, TimeSpan window, Func<HttpClient, int, int, CancellationToken, Task<PlacedOrder>> place, CancellationToken ct)
    {
        var placed = new ConcurrentBag<PlacedOrder>();
        var errors = 0;
        var cpu = CpuMeter.Start();
        var started = Stopwatch.GetTimestamp();
        await Task.WhenAll(clients.Select((client, c) => Task.Run(
            async () =>
            {
                for (var i = 0; Stopwatch.GetElapsedTime(started) < window; i++)
                {
                    try
                    {
                        placed.Add(await place(client, c, i, ct));
                    }
                    catch (HttpRequestException)
                    {
                        Interlocked.Increment(ref errors);
                    }
                }
            },
            ct)));
        var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
        var (processMs, machineMs) = cpu.Elapsed();
        return new LoadWindow([.. placed], seconds, errors, processMs, machineMs);
    }

    public static async Task EnsureAsync(HttpResponseMessage response, string what, CancellationToken ct)
    {
        if (!response.IsSuccessStatusCode)
        {
            var body = await response.Content.ReadAsStringAsync(ct);
            throw new HttpRequestException($"{what}: {(int)response.StatusCode} {body[..Math.Min(body.Length, 300)]}");
        }
    }

    private sealed record ProductOrder(Guid Id, decimal Total, string Status);
}
