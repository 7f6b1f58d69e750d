using System.Net;
using System.Text.Json;

namespace SalesFlow.Web.Tests.Reliability;

/// <summary>
/// R3: a product's cost price is read only by finance and the director (CatalogPermissions.ViewCost). The director gives a
/// product a cost no other number in the demo has; then every GET of the OpenAPI document (lists, details of the user's
/// own records, reports, CSV exports, the audit trail, errors) is called as each role without the right, and neither the
/// field nor the value may appear in any answer.
/// </summary>
public sealed class FieldLevelSecurityTests(SalesFlowApp app) : IClassFixture<SalesFlowApp>
{
    private const decimal SecretCost = 4321.97m;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("rep.huadong.1")]
    [InlineData("supervisor.huadong.1")]
    [InlineData("manager.huadong")]
    [InlineData("logistics")]
    [InlineData("service")]
    [InlineData("ops")]
    [InlineData("dealer.1")]
    [InlineData("staff.1")]
    public async Task No_answer_to_a_role_without_the_right_carries_a_cost_price(string user)
    {
        var product = await GiveAProductTheSecretCostAsync();
        var operations = (await ApiSurface.LoadAsync(app)).Where(o => o.Method == "GET").ToList();
        var own = await ForeignRecords.FindAsync(app, operations, user, owner: user);
        var client = await app.ClientAsync(user);

        var urls = operations.Where(o => !o.HasRecordId).Select(o => o.Url())
            .Concat(operations.Where(own.Covers).Select(o => own.Request(o).Url))
            .Concat(operations.Where(o => o.Path.StartsWith("/api/v1/exports/", StringComparison.Ordinal) && !o.HasRecordId).Select(o => o.Url() + "?format=csv"))
            .Append($"/api/v1/products/{product}")
            .Append($"/api/v1/audit?entity=Product&id={product}")
            .ToList();

        var leaks = new List<string>();
        var answered = 0;
        foreach (var url in urls)
        {
            using var response = await client.Get(url);
            var text = await response.Content.ReadAsStringAsync(Ct);
            answered += response.StatusCode == HttpStatusCode.OK ? 1 : 0;
            if (text.Contains("costPrice", StringComparison.OrdinalIgnoreCase) || text.Contains("4321.97", StringComparison.Ordinal)
                || text.Contains("4,321.97", StringComparison.Ordinal))
            {
                leaks.Add($"GET {url}: {(int)response.StatusCode} {text[..Math.Min(200, text.Length)]}");
            }
        }

        Assert.True(leaks.Count == 0, $"{user} was shown the cost:\n" + string.Join("\n", leaks));
        Assert.True(answered >= 10, $"Only {answered} of {urls.Count} reads answered {user} at all; the sweep would prove nothing.");
    }

    [Fact]
    public async Task Finance_reads_the_cost_so_the_sweep_looks_for_something_that_exists()
    {
        var product = await GiveAProductTheSecretCostAsync();
        var finance = await app.ClientAsync("finance");
        Assert.Equal(SecretCost, (await finance.GetJsonAsync($"/api/v1/products/{product}")).GetProperty("costPrice").GetDecimal());
    }

    private async Task<Guid> GiveAProductTheSecretCostAsync()
    {
        var director = await app.ClientAsync("director");
        var first = (await director.GetJsonAsync("/api/v1/products?pageSize=1")).Items()[0];
        var product = await director.GetJsonAsync($"/api/v1/products/{first.Id()}");
        if (product.GetProperty("costPrice").ValueKind == JsonValueKind.Number && product.GetProperty("costPrice").GetDecimal() == SecretCost)
        {
            return first.Id();
        }

        var body = JsonSerializer.Deserialize<Dictionary<string, object?>>(product.GetRawText())!;
        body["costPrice"] = SecretCost;
        await director.PutJsonAsync($"/api/v1/products/{first.Id()}", body);
        return first.Id();
    }
}
