using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using SalesFlow.Web.Tests.Reliability;

namespace SalesFlow.Web.Tests.Api;

/// <summary>
/// API.md: "A PUT accepts the representation that GET returned, edited: read-only fields in it are ignored". For every
/// PUT of the OpenAPI document whose path also has a GET, the record's own representation is sent back unchanged; no field
/// of it may be refused as unknown.
/// </summary>
public sealed class RepresentationRoundTripTests(SalesFlowApp app) : IClassFixture<SalesFlowApp>
{
    [Fact]
    public async Task Every_put_accepts_the_representation_its_get_returned()
    {
        var operations = await ApiSurface.LoadAsync(app);
        var puts = operations.Where(o => o.Method == "PUT" && o.HasRecordId && operations.Any(g => g.Method == "GET" && g.Path == o.Path)).ToList();
        var records = await ForeignRecords.FindAsync(app, puts, "director", owner: "director");
        var director = await app.ClientAsync("director");

        var failures = new List<string>();
        var accepted = 0;
        foreach (var put in puts)
        {
            if (records.Representation(put) is not { } representation)
            {
                failures.Add($"{put}: no record to read ({records.WhyNot(put)})");
                continue;
            }

            var url = records.Request(put).Url;
            using var response = await director.Send(HttpMethod.Put, url, representation);
            var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
            if (response.StatusCode == HttpStatusCode.OK)
            {
                accepted++;
                continue;
            }

            // Refused as unknown (malformedBody), or a field of the representation refused though the record has that value.
            var fields = JsonDocument.Parse(representation).RootElement.EnumerateObject().Select(p => p.Name).ToHashSet(StringComparer.Ordinal);
            var problem = response.StatusCode == HttpStatusCode.BadRequest ? JsonDocument.Parse(text).RootElement : default;
            if (problem.ValueKind == JsonValueKind.Object && (problem.Str("code") == "common.malformedBody" || problem.ErrorFields().Any(fields.Contains)))
            {
                failures.Add($"PUT {url}: {text[..Math.Min(300, text.Length)]}");
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
        Assert.True(accepted >= puts.Count / 2, $"Only {accepted} of {puts.Count} PUTs accepted their own representation.");
    }

    [Fact]
    public async Task A_changed_guarded_field_in_the_representation_is_refused_and_a_changed_read_only_one_is_ignored()
    {
        var director = await app.ClientAsync("director");
        var stores = await director.GetJsonAsync("/api/v1/stores?pageSize=2");
        var (store, other) = (stores.Items()[0], stores.Items()[1]);
        var url = $"/api/v1/stores/{store.Id()}";
        var read = JsonNode.Parse((await director.GetJsonAsync(url)).GetRawText())!.AsObject();

        var moved = read.DeepClone().AsObject();
        moved["dealerId"] = other.Id("dealerId") == store.Id("dealerId") ? Guid.NewGuid() : other.Id("dealerId");
        using var refused = await director.Send(HttpMethod.Put, url, moved.ToJsonString());
        Assert.Equal(["dealerId"], (await refused.ProblemAsync(HttpStatusCode.BadRequest)).ErrorFields());
        var closed = read.DeepClone().AsObject();
        closed["isActive"] = !read["isActive"]!.GetValue<bool>();
        using var closing = await director.Send(HttpMethod.Put, url, closed.ToJsonString());
        Assert.Equal(["isActive"], (await closing.ProblemAsync(HttpStatusCode.BadRequest)).ErrorFields());

        var renamed = read.DeepClone().AsObject();
        renamed["code"] = "ST-999999";
        renamed["name"] = read["name"]!.GetValue<string>() + "（改）";
        using var edited = await director.Send(HttpMethod.Put, url, renamed.ToJsonString());
        var saved = await edited.JsonAsync();
        Assert.Equal((store.Str("code"), store.Id("dealerId"), renamed["name"]!.GetValue<string>()), (saved.Str("code"), saved.Id("dealerId"), saved.Str("name")));
    }
}
