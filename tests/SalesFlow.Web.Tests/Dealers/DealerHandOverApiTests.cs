namespace SalesFlow.Web.Tests.Dealers;

/// <summary>Handing a rep's customers over moves the dealers they guide and the stores they visit with the dealer accounts.</summary>
public sealed class DealerHandOverApiTests(SalesFlowApp app) : IClassFixture<SalesFlowApp>
{
    [Fact]
    public async Task The_dealers_a_rep_guides_and_their_stores_go_with_the_dealer_accounts_to_the_new_rep()
    {
        var director = await app.ClientAsync("director");
        var dealer = (await director.GetJsonAsync("/api/v1/dealers?q=DLR-000001")).Items().Single();
        var from = dealer.Id("managerId");
        var colleagues = (await director.GetJsonAsync($"/api/v1/employees?orgUnitId={dealer.Id("orgUnitId")}&position=SalesRep&active=true&pageSize=50")).Items();
        var to = colleagues.Select(e => e.Id()).First(id => id != from);
        var fromName = (await director.GetJsonAsync($"/api/v1/employees/{from}")).Str("name");
        var toName = (await director.GetJsonAsync($"/api/v1/employees/{to}")).Str("name");
        var guided = (await director.GetJsonAsync("/api/v1/dealers?pageSize=200")).Items().Count(d => d.Id("managerId") == from);
        var stores = (await director.GetJsonAsync($"/api/v1/stores?dealerId={dealer.Id()}&pageSize=200")).Items();
        Assert.NotEmpty(stores);
        Assert.All(stores, s => Assert.Equal(fromName, s.Str("ownerName")));

        var result = await director.PostJsonAsync("/api/v1/customers/hand-over", new { fromEmployeeId = from, toEmployeeId = to });

        Assert.Equal(guided, result.Number("dealers"));
        Assert.True(result.Number("stores") >= stores.Count, $"{result.Number("stores")} stores moved, the dealer alone has {stores.Count}");
        var after = await director.GetJsonAsync($"/api/v1/dealers/{dealer.Id()}");
        Assert.Equal(to, after.Id("managerId"));
        var account = await director.GetJsonAsync($"/api/v1/customers/{after.Id("customerId")}");
        Assert.Equal(to, account.Id("ownerId"));
        Assert.All((await director.GetJsonAsync($"/api/v1/stores?dealerId={dealer.Id()}&pageSize=200")).Items(), s => Assert.Equal(toName, s.Str("ownerName")));
        Assert.DoesNotContain((await director.GetJsonAsync("/api/v1/dealers?pageSize=200")).Items(), d => d.Id("managerId") == from);

        // The dealer's portal names its new area manager; the move is in the dealer's audit trail.
        var home = await (await app.ClientAsync("dealer.1")).GetJsonAsync("/api/v1/portal/home");
        Assert.Equal(toName, home.GetProperty("dealer").GetProperty("areaManager").Str("name"));
        var audit = await director.GetJsonAsync($"/api/v1/audit?entity=Dealer&id={dealer.Id()}");
        Assert.Contains(audit.Items(), e => e.Str("field") == "ManagerId" && e.Str("newValue") == to.ToString());
    }
}
