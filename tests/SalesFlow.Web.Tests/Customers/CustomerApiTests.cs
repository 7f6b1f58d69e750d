using System.Net;
using System.Text.Json.Nodes;

namespace SalesFlow.Web.Tests.Customers;

public sealed class CustomerApiTests(SalesFlowApp app) : IClassFixture<SalesFlowApp>
{
    private static object NewCustomer(string name) => new { name, type = "Enterprise", @class = "B", valueTier = "High", industry = "机械设备", phone = "021-61234567", tags = new[] { "展会", "重点跟进" } };

    private async Task<string> FirstCustomerOfAsync(string userName)
    {
        var client = await app.ClientAsync(userName);
        var page = await client.GetJsonAsync("/api/v1/customers?pageSize=1&sort=number");
        return page.Items()[0].Str("id");
    }

    [Fact]
    public async Task A_rep_lists_only_their_own_customers()
    {
        var rep = await app.ClientAsync("rep.huadong.3");
        var me = await app.EmployeeIdAsync("rep.huadong.3");

        var page = await rep.GetJsonAsync("/api/v1/customers?pageSize=500");

        // Their 33 demo customers, and the accounts of the dealers they manage as area manager.
        Assert.Equal(33, page.Items().Count(c => c.Str("type") != "Dealer"));
        Assert.Equal(page.Items().Count, page.Number("totalCount"));
        Assert.All(page.Items(), c => Assert.Equal(me, c.Id("ownerId")));
    }

    [Fact]
    public async Task A_customer_of_another_region_is_not_found_for_read_edit_and_delete()
    {
        var id = await FirstCustomerOfAsync("rep.huadong.4");
        var other = await app.ClientAsync("manager.huabei");
        var ownManager = await app.ClientAsync("manager.huadong");
        var customer = await ownManager.GetJsonAsync($"/api/v1/customers/{id}");

        using var read = await other.Get($"/api/v1/customers/{id}");
        using var edit = await other.Put($"/api/v1/customers/{id}", JsonNode.Parse(customer.GetRawText())!);
        using var delete = await other.Delete($"/api/v1/customers/{id}");
        using var search = await other.Get($"/api/v1/customers?q={Uri.EscapeDataString(customer.Str("name"))}");

        await read.ProblemAsync(HttpStatusCode.NotFound);
        await edit.ProblemAsync(HttpStatusCode.NotFound);
        await delete.ProblemAsync(HttpStatusCode.NotFound);
        Assert.Empty((await search.JsonAsync()).Items());
    }

    [Fact]
    public async Task A_rep_creates_a_customer_they_own_in_their_region_and_adds_a_primary_contact()
    {
        var rep = await app.ClientAsync("rep.huadong.5");
        var huadong = await app.UnitAsync("HD");

        using var response = await rep.Post("/api/v1/customers", NewCustomer("上海测试机电有限公司"));
        var created = await response.JsonAsync(HttpStatusCode.Created);
        var first = await rep.PostJsonAsync($"/api/v1/customers/{created.Id()}/contacts", new { fullName = "张伟", title = "采购经理", mobile = "13800138000", isPrimary = true }, HttpStatusCode.Created);
        var second = await rep.PostJsonAsync($"/api/v1/customers/{created.Id()}/contacts", new { fullName = "李娜", title = "总经理", mobile = "13900139000", isPrimary = true }, HttpStatusCode.Created);
        var contacts = await rep.GetJsonAsync($"/api/v1/customers/{created.Id()}/contacts");

        Assert.Matches(@"^CUS-\d{6}$", created.Str("number"));
        Assert.Equal(await app.EmployeeIdAsync("rep.huadong.5"), created.Id("ownerId"));
        Assert.Equal(huadong.Id(), created.Id("regionId"));
        Assert.Equal(["展会", "重点跟进"], created.GetProperty("tags").EnumerateArray().Select(t => t.GetString()));
        Assert.Equal([(second.Id(), true), (first.Id(), false)], contacts.EnumerateArray().Select(c => (c.Id(), c.GetProperty("isPrimary").GetBoolean())));
    }

    [Fact]
    public async Task Credit_terms_are_read_only_for_sales_and_set_by_finance()
    {
        var id = await FirstCustomerOfAsync("rep.huadong.6");
        var rep = await app.ClientAsync("rep.huadong.6");
        var finance = await app.ClientAsync("finance");
        var customer = JsonNode.Parse((await rep.GetJsonAsync($"/api/v1/customers/{id}")).GetRawText())!;
        customer["creditLimit"] = 99_999_999m;

        using var byEdit = await rep.Put($"/api/v1/customers/{id}", customer);
        using var byVerb = await rep.Post($"/api/v1/customers/{id}/credit", new { creditLimit = 500_000m, paymentTermsDays = 30, version = (int)customer["version"]! });
        var set = await finance.PostJsonAsync($"/api/v1/customers/{id}/credit", new { creditLimit = 500_000.555m, paymentTermsDays = 45, version = (int)customer["version"]! });

        await byEdit.ProblemAsync(HttpStatusCode.UnprocessableEntity, "customer.creditIsFinanceOnly");
        await byVerb.ProblemAsync(HttpStatusCode.Forbidden);
        Assert.Equal(500_000.56m, set.GetProperty("creditLimit").GetDecimal());
        Assert.Equal(45, set.Number("paymentTermsDays"));
    }

    [Fact]
    public async Task An_edit_on_a_stale_version_gets_409_and_a_fresh_one_saves_with_an_audit_line()
    {
        var id = await FirstCustomerOfAsync("rep.huadong.7");
        var rep = await app.ClientAsync("rep.huadong.7");
        var customer = JsonNode.Parse((await rep.GetJsonAsync($"/api/v1/customers/{id}")).GetRawText())!;
        customer["class"] = "A";
        var saved = await rep.PutJsonAsync($"/api/v1/customers/{id}", customer);
        customer["class"] = "D";

        using var stale = await rep.Put($"/api/v1/customers/{id}", customer);
        var audit = await rep.GetJsonAsync($"/api/v1/audit?entity=Customer&id={id}");

        Assert.Equal("A", saved.Str("class"));
        var problem = await stale.ProblemAsync(HttpStatusCode.Conflict, "common.staleVersion");
        Assert.Equal("A", problem.GetProperty("current").Str("class"));
        Assert.Contains(audit.Items(), e => e.Str("field") == "Class" && e.Str("newValue") == "A" && e.Str("userName") == "rep.huadong.7");
    }

    [Fact]
    public async Task A_supervisor_hands_all_customers_of_a_rep_to_another_in_one_step()
    {
        var supervisor = await app.ClientAsync("supervisor.huadong.2");
        var from = await app.EmployeeIdAsync("rep.huadong.10");
        var to = await app.EmployeeIdAsync("rep.huadong.9");
        var before = (await (await app.ClientAsync("rep.huadong.9")).GetJsonAsync("/api/v1/customers?pageSize=1")).Number("totalCount");
        var theirs = (await (await app.ClientAsync("rep.huadong.10")).GetJsonAsync("/api/v1/customers?pageSize=1")).Number("totalCount");
        Assert.True(theirs >= 33);

        var result = await supervisor.PostJsonAsync("/api/v1/customers/hand-over", new { fromEmployeeId = from, toEmployeeId = to });

        Assert.Equal(theirs, result.Number("moved"));
        Assert.Equal(0, (await (await app.ClientAsync("rep.huadong.10")).GetJsonAsync("/api/v1/customers?pageSize=1")).Number("totalCount"));
        Assert.Equal(before + theirs, (await (await app.ClientAsync("rep.huadong.9")).GetJsonAsync("/api/v1/customers?pageSize=1")).Number("totalCount"));
    }

    [Fact]
    public async Task Filters_by_class_and_region_return_only_matching_customers()
    {
        var director = await app.ClientAsync(DemoCompany.Director);

        var page = await director.GetJsonAsync($"/api/v1/customers?class=A&region={Uri.EscapeDataString("华北")}&pageSize=500");
        using var badSort = await director.Get("/api/v1/customers?sort=secret");

        Assert.NotEmpty(page.Items());
        Assert.All(page.Items(), c => Assert.Equal(("A", "华北大区"), (c.Str("class"), c.Str("regionName"))));
        Assert.Contains("sort", (await badSort.ProblemAsync(HttpStatusCode.BadRequest)).ErrorFields());
    }

    [Fact]
    public async Task A_deleted_customer_leaves_the_list_and_comes_back_on_restore()
    {
        var id = await FirstCustomerOfAsync("rep.huadong.8");
        var rep = await app.ClientAsync("rep.huadong.8");

        using var deleted = await rep.Delete($"/api/v1/customers/{id}");
        var afterDelete = await rep.GetJsonAsync("/api/v1/customers?pageSize=500");
        using var restored = await rep.Post($"/api/v1/customers/{id}/restore", null);
        var afterRestore = await rep.GetJsonAsync("/api/v1/customers?pageSize=500");

        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.DoesNotContain(afterDelete.Items(), c => c.Str("id") == id);
        Assert.Equal(HttpStatusCode.NoContent, restored.StatusCode);
        Assert.Contains(afterRestore.Items(), c => c.Str("id") == id);
    }
}
