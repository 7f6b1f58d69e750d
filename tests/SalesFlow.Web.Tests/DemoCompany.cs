using System.Text.Json;

namespace SalesFlow.Web.Tests;

/// <summary>Looks up records of the seeded demo company by the names the seeder gives them (codes, user names).</summary>
public static class DemoCompany
{
    public const string Director = "director";

    /// <summary>The org unit with this code (HQ, HD, HB, HD-01, ...), as the director sees it.</summary>
    public static async Task<JsonElement> UnitAsync(this SalesFlowApp app, string code)
    {
        var director = await app.ClientAsync(Director);
        var units = await director.GetJsonAsync("/api/v1/org-units");
        return units.EnumerateArray().Single(u => u.Str("code") == code);
    }

    /// <summary>What <c>GET /me</c> says about a demo user (employee id, unit, scope).</summary>
    public static async Task<JsonElement> MeAsync(this SalesFlowApp app, string userName)
    {
        var client = await app.ClientAsync(userName);
        return await client.GetJsonAsync("/api/v1/me");
    }

    /// <summary>The employee id behind a demo user.</summary>
    public static async Task<Guid> EmployeeIdAsync(this SalesFlowApp app, string userName) =>
        (await app.MeAsync(userName)).Id("employeeId");

    /// <summary>The employee record behind a demo user, as the director sees it (with its current version).</summary>
    public static async Task<JsonElement> EmployeeAsync(this SalesFlowApp app, Guid id)
    {
        var director = await app.ClientAsync(Director);
        return await director.GetJsonAsync($"/api/v1/employees/{id}");
    }

    /// <summary>The user-account id of a demo user, from the director's user list.</summary>
    public static async Task<Guid> UserIdAsync(this SalesFlowApp app, string userName)
    {
        var director = await app.ClientAsync(Director);
        var page = await director.GetJsonAsync($"/api/v1/users?q={Uri.EscapeDataString(userName)}&pageSize=500");
        return page.Items().Single(u => u.Str("userName") == userName).Id();
    }

    /// <summary>How many employees the director sees (the list's totalCount).</summary>
    public static async Task<int> EmployeeCountAsync(this SalesFlowApp app)
    {
        var director = await app.ClientAsync(Director);
        return (await director.GetJsonAsync("/api/v1/employees?pageSize=1&count=true")).Number("totalCount");
    }
}
