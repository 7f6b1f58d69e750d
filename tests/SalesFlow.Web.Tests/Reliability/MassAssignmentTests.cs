using System.Net;
using System.Text.Json;

namespace SalesFlow.Web.Tests.Reliability;

/// <summary>
/// R4: fields a client must not set (who created a record, its owner, dealer, status, number, version, credit) are
/// refused by name on every write whose body does not offer them, and where a body does offer one (an owner, a
/// version) the use case's rule decides and protected columns stay as they were.
/// </summary>
public sealed class MassAssignmentTests(SalesFlowApp app) : IClassFixture<SalesFlowApp>
{
    private static readonly (string Field, object Value)[] Protected =
    [
        ("createdBy", "admin"),
        ("createdAtUtc", "2020-01-01T00:00:00Z"),
        ("updatedAtUtc", "2020-01-01T00:00:00Z"),
        ("ownerId", Guid.NewGuid()),
        ("dealerId", Guid.NewGuid()),
        ("orgUnitId", Guid.NewGuid()),
        ("status", "Confirmed"),
        ("number", "SO-1999-000001"),
        ("id", Guid.NewGuid()),
        ("version", 999),
        ("isDeleted", true),
        ("creditLimit", 99_999_999),
        ("total", 0.01),
        ("passwordHash", "x"),
        ("roles", new[] { "Admin" }),
    ];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Every_write_refuses_by_name_each_protected_field_its_body_does_not_offer_and_nothing_is_written()
    {
        var operations = (await ApiSurface.LoadAsync(app)).Where(o => o.HasJsonBody).ToList();
        Assert.True(operations.Count >= 50, $"Only {operations.Count} writes with a JSON body were found in the OpenAPI document.");
        var admin = await app.ClientAsync("admin");
        var before = await DatabaseFingerprint.TakeAsync(app);

        var failures = new List<string>();
        var refusedByName = 0;
        foreach (var operation in operations)
        {
            foreach (var (field, value) in Protected.Where(p => !operation.JsonBodyProperties!.Contains(p.Field)))
            {
                var body = JsonSerializer.Serialize(new Dictionary<string, object> { [field] = value });
                using var response = await admin.Send(new HttpMethod(operation.Method), operation.Url(), body);
                var text = await response.Content.ReadAsStringAsync(Ct);
                if (response.StatusCode == HttpStatusCode.BadRequest && JsonDocument.Parse(text).RootElement.ErrorFields().Contains(field))
                {
                    refusedByName++;
                }
                else if (response.StatusCode is not (HttpStatusCode.Forbidden or HttpStatusCode.NotFound))
                {
                    failures.Add($"{operation} with {field}: {(int)response.StatusCode} {text[..Math.Min(text.Length, 300)]}");
                }
            }
        }

        var after = await DatabaseFingerprint.TakeAsync(app);
        Assert.True(failures.Count == 0, string.Join("\n", failures));
        Assert.True(refusedByName > operations.Count, $"Only {refusedByName} probes were refused by name.");
        Assert.Empty(DatabaseFingerprint.Changed(before, after));
    }

    [Fact]
    public async Task A_rep_cannot_give_a_new_customer_to_a_rep_of_another_region_nor_set_its_credit()
    {
        var rep = await app.ClientAsync("rep.huadong.7");
        var otherRegion = await app.EmployeeIdAsync("rep.huabei.1");
        using var foreignOwner = await rep.Post("/api/v1/customers", new { name = "越权归属测试有限公司", type = "Enterprise", ownerId = otherRegion });
        Assert.True(foreignOwner.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.UnprocessableEntity or HttpStatusCode.BadRequest,
            $"{(int)foreignOwner.StatusCode} {await foreignOwner.Content.ReadAsStringAsync(Ct)}");

        var created = await rep.PostJsonAsync("/api/v1/customers", new { name = "信用越权测试有限公司", type = "Enterprise" }, HttpStatusCode.Created);
        using var credit = await rep.Post($"/api/v1/customers/{created.Id()}/credit", new { creditLimit = 99_999_999m, paymentTermsDays = 90, version = created.Number("version") });
        await credit.ProblemAsync(HttpStatusCode.Forbidden);

        object Edit(object extra) => new Dictionary<string, object?>
        {
            ["name"] = "信用越权测试有限公司",
            ["type"] = "Enterprise",
            ["class"] = created.Str("class"),
            ["valueTier"] = created.Str("valueTier"),
            ["regionId"] = created.Id("regionId"),
            ["version"] = created.Number("version"),
        }.Concat(extra.GetType().GetProperties().Select(p => KeyValuePair.Create(p.Name, p.GetValue(extra)))).ToDictionary();
        using var creditByEdit = await rep.Put($"/api/v1/customers/{created.Id()}", Edit(new { creditLimit = 99_999_999m }));
        Assert.True(creditByEdit.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.UnprocessableEntity, $"{(int)creditByEdit.StatusCode} {await creditByEdit.Content.ReadAsStringAsync(Ct)}");
        using var ownerByEdit = await rep.Put($"/api/v1/customers/{created.Id()}", Edit(new { ownerId = otherRegion }));
        Assert.Contains("ownerId", (await ownerByEdit.ProblemAsync(HttpStatusCode.BadRequest)).ErrorFields());

        var stored = await rep.GetJsonAsync($"/api/v1/customers/{created.Id()}");
        Assert.Equal(await app.EmployeeIdAsync("rep.huadong.7"), stored.Id("ownerId"));
        Assert.Equal(created.Number("version"), stored.Number("version"));
        Assert.Equal(created.GetProperty("creditLimit").GetRawText(), stored.GetProperty("creditLimit").GetRawText());
    }

    [Fact]
    public async Task A_version_from_the_future_is_stale_and_an_order_edit_cannot_move_it_to_another_customer_or_status()
    {
        var rep = await app.ClientAsync("rep.huadong.8");
        var customer = await rep.PostJsonAsync("/api/v1/customers", new { name = "版本越权测试有限公司", type = "Enterprise" }, HttpStatusCode.Created);
        var other = await rep.PostJsonAsync("/api/v1/customers", new { name = "版本越权测试二有限公司", type = "Enterprise" }, HttpStatusCode.Created);
        var product = (await rep.GetJsonAsync($"/api/v1/orders/priced-products?customerId={customer.Id()}")).EnumerateArray().First().Id();
        var order = await rep.PostJsonAsync("/api/v1/orders", new { customerId = customer.Id(), lines = new[] { new { productId = product, quantity = 1m } } }, HttpStatusCode.Created);
        var lines = new[] { new { productId = product, quantity = 2m } };

        using var future = await rep.Put($"/api/v1/orders/{order.Id()}", new { lines, version = order.Number("version") + 5 });
        await future.ProblemAsync(HttpStatusCode.Conflict, "common.staleVersion");
        using var move = await rep.Put($"/api/v1/orders/{order.Id()}", new { lines, version = order.Number("version"), customerId = other.Id() });
        Assert.Contains("customerId", (await move.ProblemAsync(HttpStatusCode.BadRequest)).ErrorFields());
        using var confirm = await rep.Put($"/api/v1/orders/{order.Id()}", new { lines, version = order.Number("version"), status = "Confirmed" });
        Assert.Contains("status", (await confirm.ProblemAsync(HttpStatusCode.BadRequest)).ErrorFields());

        var stored = await rep.GetJsonAsync($"/api/v1/orders/{order.Id()}");
        Assert.Equal((order.Number("version"), "Draft", customer.Id()), (stored.Number("version"), stored.Str("status"), stored.Id("customerId")));
    }
}
