using System.Net;
using System.Text.Json;

namespace SalesFlow.Web.Tests.Reliability;

/// <summary>
/// R10, the request half: every query parameter of every read in the OpenAPI document is sent SQL, LIKE and
/// path-injection payloads. No answer is a 500, a sort outside its whitelist is refused by name, a search for
/// injection text finds nothing (the demo company has no such text, so a match would mean the text became SQL),
/// and the database is unchanged.
/// </summary>
public sealed class InjectionFuzzTests(SalesFlowApp app) : IClassFixture<SalesFlowApp>
{
    public static readonly string[] Payloads =
    [
        "' OR '1'='1",
        "' OR 1=1 --",
        "\"; DROP TABLE customers; --",
        "1; DELETE FROM orders",
        "name; DROP TABLE leads",
        "-name, (SELECT 1)",
        "%",
        "_",
        "\\",
        "%' AND 1=1 AND '%'='",
        "\" MATCH \"*",
        "NEAR(a b)",
        "../../etc/passwd",
        "\u0000",
        "{{7*7}}",
        new string('长', 5000),
    ];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Every_query_parameter_of_every_read_survives_injection_payloads_without_a_500_or_a_change()
    {
        var reads = (await ApiSurface.LoadAsync(app))
            .Where(o => o.Method == "GET" && o.Operation.TryGetProperty("parameters", out var p) && p.EnumerateArray().Any(x => x.GetProperty("in").GetString() == "query"))
            .ToList();
        Assert.True(reads.Count >= 30, $"Only {reads.Count} reads with query parameters were found.");
        // The director reads every company list; the dealer portal's reads are the dealer user's.
        var director = await app.ClientAsync("director");
        var dealer = await app.ClientAsync("dealer.1");
        var before = await DatabaseFingerprint.TakeAsync(app);

        var failures = new List<string>();
        var sent = 0;
        var answered = 0;
        foreach (var read in reads)
        {
            var url = read.Url();
            var client = read.Path.StartsWith("/api/v1/portal", StringComparison.Ordinal) ? dealer : director;
            using (var plain = await client.Get(url))
            {
                // A read of a record that does not exist (its id is made up) refuses every payload with its 404 first.
                answered += plain.StatusCode == HttpStatusCode.OK ? 1 : 0;
            }

            foreach (var parameter in read.Operation.GetProperty("parameters").EnumerateArray().Where(p => p.GetProperty("in").GetString() == "query"))
            {
                var name = parameter.GetProperty("name").GetString()!;
                foreach (var payload in Payloads)
                {
                    sent++;
                    using var response = await client.Get($"{url}{(url.Contains('?', StringComparison.Ordinal) ? '&' : '?')}{name}={Uri.EscapeDataString(payload)}");
                    var text = await response.Content.ReadAsStringAsync(Ct);
                    var status = (int)response.StatusCode;
                    if (status >= 500)
                    {
                        failures.Add($"{read} ?{name}={Show(payload)}: {status} {Head(text)}");
                    }
                    else if (name == "sort" && response.IsSuccessStatusCode)
                    {
                        failures.Add($"{read} ?sort={Show(payload)} was not refused: {status}");
                    }
                    else if (name == "q" && response.StatusCode == HttpStatusCode.OK && payload.IndexOfAny(['\'', '"', ';']) >= 0 && Found(text) is > 0 and var found)
                    {
                        failures.Add($"{read} ?q={Show(payload)} found {found} rows");
                    }
                }
            }
        }

        var after = await DatabaseFingerprint.TakeAsync(app);
        TestContext.Current.TestOutputHelper?.WriteLine($"{sent} requests to {reads.Count} reads, {answered} of which answer 200 without the payload.");
        Assert.True(answered >= reads.Count / 2, $"Only {answered} of {reads.Count} reads answered at all, so the payloads mostly tested a refusal.");
        Assert.True(failures.Count == 0, string.Join("\n", failures));
        Assert.Empty(DatabaseFingerprint.Changed(before, after));
    }

    private static int? Found(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.ValueKind == JsonValueKind.Object && document.RootElement.TryGetProperty("items", out var items) ? items.GetArrayLength()
            : document.RootElement.ValueKind == JsonValueKind.Array ? document.RootElement.GetArrayLength()
            : null;
    }

    private static string Show(string payload) => payload.Length > 40 ? payload[..20] + $"…({payload.Length} chars)" : JsonSerializer.Serialize(payload);

    private static string Head(string text) => text[..Math.Min(text.Length, 300)];
}
