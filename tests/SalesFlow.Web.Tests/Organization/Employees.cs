using System.Net;
using System.Text.Json;

namespace SalesFlow.Web.Tests.Organization;

/// <summary>Creates employees through the API, so a test that edits one never touches another test's record.</summary>
public static class Employees
{
    public static string UniqueName(string prefix = "测试") => $"{prefix}{Guid.NewGuid().ToString("N")[..8]}";

    public static object Body(Guid orgUnitId, string name, string position = "SalesRep") =>
        new { name, position, orgUnitId, hireDate = "2024-03-01", mobile = "13800138000" };

    public static async Task<JsonElement> CreateAsync(this SalesFlowApp app, string unitCode, string? name = null)
    {
        var unit = await app.UnitAsync(unitCode);
        var director = await app.ClientAsync(DemoCompany.Director);
        return await director.PostJsonAsync("/api/v1/employees", Body(unit.Id(), name ?? UniqueName()), HttpStatusCode.Created);
    }

    /// <summary>How many employees named exactly <paramref name="name"/> the director sees.</summary>
    public static async Task<int> CountNamedAsync(this SalesFlowApp app, string name)
    {
        var director = await app.ClientAsync(DemoCompany.Director);
        var page = await director.GetJsonAsync($"/api/v1/employees?q={Uri.EscapeDataString(name)}&pageSize=500");
        return page.Items().Count(e => e.Str("name") == name);
    }
}
