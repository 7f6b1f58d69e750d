using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace SalesFlow.BrowserTests;

public sealed class OpportunityJourneyTests(Browser browser, SalesFlowServer server) : IClassFixture<SalesFlowServer>
{
    [Fact]
    public async Task A_rep_captures_a_lead_converts_it_and_moves_the_opportunity_on_the_kanban()
    {
        await Journey.RunAsync(await browser.NewContextAsync(server), async page =>
        {
            var suffix = Random.Shared.Next(1000, 9999);
            var company = "看板测试机电有限公司" + suffix;
            var deal = "看板测试商机" + suffix;

            await Journey.SignInAsync(page, "rep.huadong.1");
            await page.GetByTestId("nav-leads").ClickAsync();
            await page.GetByTestId("new-lead").ClickAsync();
            var dialog = page.GetByRole(AriaRole.Dialog);
            await dialog.GetByTestId("lead-name-input").FillAsync("陈立" + suffix);
            await dialog.GetByTestId("lead-company-input").FillAsync(company);
            await dialog.GetByTestId("lead-mobile-input").FillAsync("1380000" + suffix);
            await dialog.GetByTestId("dialog-save").ClickAsync();
            await Expect(dialog).ToBeHiddenAsync();

            await page.GetByTestId("lead-search").FillAsync("陈立" + suffix);
            await Expect(page.GetByTestId("pager-info")).ToContainTextAsync("共 1 条");
            var grid = page.GetByTestId("lead-grid");
            await Expect(grid.GetByTestId("lead-name")).ToHaveTextAsync("陈立" + suffix);
            await grid.GetByTestId("lead-menu").ClickAsync();
            await page.GetByTestId("lead-convert").ClickAsync();
            dialog = page.GetByRole(AriaRole.Dialog);
            await dialog.GetByTestId("convert-name-input").FillAsync(deal);
            await dialog.GetByTestId("convert-amount-input").FillAsync("98765432");
            await dialog.GetByTestId("dialog-save").ClickAsync();

            await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/opportunities/[0-9a-f-]{36}$"));
            await Expect(page.GetByTestId("opportunity-title")).ToHaveTextAsync(deal);
            await Expect(page.GetByTestId("opportunity-stage")).ToContainTextAsync("初步接触");

            await page.GetByTestId("nav-opportunities").ClickAsync();
            await page.GetByTestId("view-kanban").ClickAsync();
            var prospecting = page.Locator("[data-testid=kanban-column][data-stage=Prospecting]");
            var needs = page.Locator("[data-testid=kanban-column][data-stage=NeedsAnalysis]");
            var card = page.Locator("[data-testid=kanban-card]").Filter(new() { HasTextString = deal });
            await Expect(prospecting.Locator("[data-testid=kanban-card]").Filter(new() { HasTextString = deal })).ToBeVisibleAsync();
            var countBefore = int.Parse(await needs.GetByTestId("column-count").InnerTextAsync(), System.Globalization.CultureInfo.InvariantCulture);

            // Drag and drop onto the next column, as a rep would. The drop zone learns of the drag over the circuit,
            // so the pointer moves in steps with short pauses instead of jumping straight to the target.
            await DragAsync(page, card, needs.GetByTestId("kanban-zone"));
            await Expect(needs.Locator("[data-testid=kanban-card]").Filter(new() { HasTextString = deal })).ToBeVisibleAsync();
            await Expect(needs.GetByTestId("column-count")).ToHaveTextAsync((countBefore + 1).ToString(System.Globalization.CultureInfo.InvariantCulture));

            // The card's menu moves it too (keyboard and touch users have no drag).
            await card.GetByTestId("card-menu").ClickAsync();
            await page.Locator("[data-testid=card-move][data-stage=Negotiation]").ClickAsync();
            var negotiation = page.Locator("[data-testid=kanban-column][data-stage=Negotiation]");
            await Expect(negotiation.Locator("[data-testid=kanban-card]").Filter(new() { HasTextString = deal })).ToBeVisibleAsync();

            await card.GetByTestId("card-name").ClickAsync();
            await Expect(page.GetByTestId("opportunity-stage")).ToContainTextAsync("谈判");
            await Expect(page.GetByTestId("opportunity-probability")).ToContainTextAsync("75%");
            await page.GetByRole(AriaRole.Tab, new() { Name = "阶段历史" }).ClickAsync();
            await Expect(page.GetByTestId("stage-change")).ToHaveCountAsync(3);
        });
    }

    [Fact]
    public async Task A_card_moved_meanwhile_by_someone_else_gives_the_conflict_message_and_the_board_reloads()
    {
        await Journey.RunAsync(await browser.NewContextAsync(server), async page =>
        {
            await Journey.SignInAsync(page, "rep.huadong.2");
            await page.GetByTestId("nav-opportunities").ClickAsync();
            await page.GetByTestId("view-kanban").ClickAsync();
            var card = page.Locator("[data-testid=kanban-column][data-stage=Prospecting] [data-testid=kanban-card]").First;
            await Expect(card).ToBeVisibleAsync();
            var number = await card.GetAttributeAsync("data-number");

            // The same rep moves the deal from another device (the API) while this board still shows the old version.
            using var api = new HttpClient { BaseAddress = server.BaseAddress };
            using var token = await api.PostAsJsonAsync("/api/v1/auth/token", new { userName = "rep.huadong.2", password = Journey.DemoPassword });
            var accessToken = (await token.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString();
            api.DefaultRequestHeaders.Authorization = new("Bearer", accessToken);
            var found = await api.GetFromJsonAsync<JsonElement>($"/api/v1/opportunities?q={number}");
            var item = found.GetProperty("items")[0];
            using var moved = await api.PostAsJsonAsync(
                $"/api/v1/opportunities/{item.GetProperty("id").GetGuid()}/move", new { stage = "Proposal", version = item.GetProperty("version").GetInt32() });
            Assert.True(moved.IsSuccessStatusCode);

            await card.GetByTestId("card-menu").ClickAsync();
            await page.Locator("[data-testid=card-move][data-stage=NeedsAnalysis]").ClickAsync();

            await Expect(page.Locator(".mud-snackbar")).ToContainTextAsync("已被他人修改");
            var proposal = page.Locator("[data-testid=kanban-column][data-stage=Proposal]");
            await Expect(proposal.Locator($"[data-testid=kanban-card][data-number='{number}']")).ToBeVisibleAsync();
        });
    }

    [Fact]
    public async Task A_director_edits_a_stage_and_reads_the_stage_report()
    {
        await Journey.RunAsync(await browser.NewContextAsync(server), async page =>
        {
            await Journey.SignInAsync(page, "director");
            await page.GetByTestId("nav-opportunity-stages").ClickAsync();
            var rows = page.GetByTestId("stage-row");
            await Expect(rows).ToHaveCountAsync(6);
            await rows.Nth(1).GetByTestId("stage-name-zh").FillAsync("需求确认（已调研）");
            await page.GetByTestId("save-stages").ClickAsync();
            await Expect(page.Locator(".mud-snackbar")).ToContainTextAsync("已保存");
            await page.ReloadAsync();
            await Journey.WaitForCircuitAsync(page);
            await Expect(page.GetByTestId("stage-row").Nth(1).GetByTestId("stage-name-zh")).ToHaveValueAsync("需求确认（已调研）");

            await page.GetByTestId("nav-stage-report").ClickAsync();
            await Expect(page.GetByTestId("report-row")).ToHaveCountAsync(6);
            await Expect(page.GetByTestId("stage-report")).ToContainTextAsync("需求确认（已调研）");
            await Expect(page.GetByTestId("cycle")).ToContainTextAsync("平均成交周期");
            await Journey.AssertFitsAsync(page);
        });
    }

    private static async Task DragAsync(IPage page, ILocator source, ILocator target)
    {
        var from = (await source.BoundingBoxAsync())!;
        var to = (await target.BoundingBoxAsync())!;
        await page.Mouse.MoveAsync(from.X + (from.Width / 2), from.Y + 20);
        await page.Mouse.DownAsync();
        await page.Mouse.MoveAsync(from.X + (from.Width / 2) + 10, from.Y + 30, new() { Steps = 5 });
        await page.WaitForTimeoutAsync(300);
        await page.Mouse.MoveAsync(to.X + (to.Width / 2), to.Y + 40, new() { Steps = 10 });
        await page.WaitForTimeoutAsync(300);
        await page.Mouse.UpAsync();
    }
}
