using System.Net;
using System.Text.Json;
using SalesFlow.Core.Demo;

namespace SalesFlow.Web.Tests.Organization;

// Nothing in this class writes, so the seeded demo company is exactly what the lists show.
public sealed class EmployeePagingApiTests(SalesFlowApp app) : IClassFixture<SalesFlowApp>
{
    private const int PageSize = 7;

    /// <summary>Director + five support staff + per region a manager and, per team, a supervisor and the reps.</summary>
    private static readonly int SeededEmployees =
        1 + 5 + DemoCompanySeeder.Regions.Sum(r => 1 + (r.Teams.Length * (1 + DemoCompanySeeder.RepsPerTeam)));

    [Theory]
    [InlineData("name")]
    [InlineData("-name")]
    [InlineData("employeeNo")]
    [InlineData("-hireDate")]
    [InlineData("createdAt")]
    public async Task Walking_every_page_returns_each_visible_employee_exactly_once_in_order(string sort)
    {
        var director = await app.ClientAsync(DemoCompany.Director);
        var all = await director.GetJsonAsync($"/api/v1/employees?sort={sort}&pageSize=500");

        var (walked, totals, pages) = await WalkAsync(director, $"/api/v1/employees?sort={sort}&pageSize={PageSize}");

        Assert.Equal(SeededEmployees, all.Number("totalCount"));
        Assert.All(totals, t => Assert.Equal(SeededEmployees, t));
        Assert.Equal(SeededEmployees, walked.Count);
        Assert.Equal(walked.Count, walked.Select(e => e.Id()).Distinct().Count());
        Assert.Equal(all.Items().Select(e => e.Id()), walked.Select(e => e.Id()));
        Assert.Equal((SeededEmployees + PageSize - 1) / PageSize, pages);
        AssertOrdered(walked, sort);
    }

    [Fact]
    public async Task A_regional_manager_pages_through_exactly_their_region()
    {
        var manager = await app.ClientAsync("manager.huabei");
        var region = await app.UnitAsync("HB");
        var director = await app.ClientAsync(DemoCompany.Director);
        var regionAsDirector = await director.GetJsonAsync($"/api/v1/employees?orgUnitId={region.Id()}&pageSize=500");

        var (walked, totals, _) = await WalkAsync(manager, $"/api/v1/employees?pageSize={PageSize}&sort=employeeNo");

        var expected = 1 + (2 * (1 + DemoCompanySeeder.RepsPerTeam));
        Assert.Equal(expected, walked.Count);
        Assert.All(totals, t => Assert.Equal(expected, t));
        Assert.Equal(regionAsDirector.Items().Select(e => e.Id()).Order(), walked.Select(e => e.Id()).Order());
    }

    [Fact]
    public async Task A_rep_s_list_holds_only_themselves()
    {
        var rep = await app.ClientAsync("rep.huadong.1");
        var self = await app.EmployeeIdAsync("rep.huadong.1");

        var page = await rep.GetJsonAsync("/api/v1/employees?pageSize=500");

        Assert.Equal(1, page.Number("totalCount"));
        Assert.Equal(self, Assert.Single(page.Items()).Id());
    }

    [Fact]
    public async Task Filters_narrow_the_list_and_count_false_leaves_out_the_total()
    {
        var director = await app.ClientAsync(DemoCompany.Director);
        var team = await app.UnitAsync("HD-01");

        var reps = await director.GetJsonAsync($"/api/v1/employees?orgUnitId={team.Id()}&position=SalesRep&pageSize=500");
        var uncounted = await director.GetJsonAsync("/api/v1/employees?pageSize=3&count=false");

        Assert.Equal(DemoCompanySeeder.RepsPerTeam, reps.Number("totalCount"));
        Assert.All(reps.Items(), e => Assert.Equal("SalesRep", e.Str("position")));
        Assert.All(reps.Items(), e => Assert.Equal(team.Id(), e.Id("orgUnitId")));
        Assert.True(!uncounted.TryGetProperty("totalCount", out var total) || total.ValueKind == JsonValueKind.Null);
        Assert.Equal(3, uncounted.Items().Count);
    }

    [Theory]
    [InlineData("salary")]
    [InlineData("passwordHash")]
    [InlineData("name;drop table employees")]
    public async Task A_sort_outside_the_whitelist_gets_400_naming_sort(string sort)
    {
        var director = await app.ClientAsync(DemoCompany.Director);

        using var response = await director.Get($"/api/v1/employees?sort={Uri.EscapeDataString(sort)}");

        var problem = await response.ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["sort"], problem.ErrorFields());
    }

    [Fact]
    public async Task A_tampered_cursor_gets_400_naming_cursor()
    {
        var director = await app.ClientAsync(DemoCompany.Director);
        var first = await director.GetJsonAsync($"/api/v1/employees?sort=name&pageSize={PageSize}");
        var cursor = first.Str("nextCursor");
        string[] tampered =
        [
            cursor[..(cursor.Length / 2)],
            "not-a-cursor",
            Convert.ToBase64String("{\"sort\":\"name\",\"key\":{\"$ne\":1},\"id\":\"x\"}"u8.ToArray()),
        ];

        foreach (var bad in tampered)
        {
            using var response = await director.Get($"/api/v1/employees?sort=name&pageSize={PageSize}&cursor={Uri.EscapeDataString(bad)}");
            var problem = await response.ProblemAsync(HttpStatusCode.BadRequest);
            Assert.Equal(["cursor"], problem.ErrorFields());
        }

        using var otherSort = await director.Get($"/api/v1/employees?sort=employeeNo&pageSize={PageSize}&cursor={Uri.EscapeDataString(cursor)}");
        Assert.Equal(["cursor"], (await otherSort.ProblemAsync(HttpStatusCode.BadRequest)).ErrorFields());
    }

    private static async Task<(List<JsonElement> Items, List<int> Totals, int Pages)> WalkAsync(HttpClient client, string firstPage)
    {
        var items = new List<JsonElement>();
        var totals = new List<int>();
        var pages = 0;
        string? cursor = null;
        do
        {
            var url = cursor is null ? firstPage : $"{firstPage}&cursor={Uri.EscapeDataString(cursor)}";
            var page = await client.GetJsonAsync(url);
            pages++;
            Assert.InRange(page.Items().Count, 1, PageSize);
            items.AddRange(page.Items());
            totals.Add(page.Number("totalCount"));
            cursor = page.GetProperty("nextCursor").ValueKind == JsonValueKind.Null ? null : page.Str("nextCursor");
            Assert.True(pages <= 100, "paging does not end");
        }
        while (cursor is not null);

        return (items, totals, pages);
    }

    private static void AssertOrdered(List<JsonElement> rows, string sort)
    {
        switch (sort)
        {
            case "employeeNo":
                var numbers = rows.Select(r => r.Str("employeeNo")).ToList();
                Assert.Equal(numbers.Order(StringComparer.Ordinal), numbers);
                break;
            case "-hireDate":
                var dates = rows.Select(r => DateOnly.Parse(r.Str("hireDate"), System.Globalization.CultureInfo.InvariantCulture)).ToList();
                Assert.Equal(dates.OrderDescending(), dates);
                break;
        }
    }
}
