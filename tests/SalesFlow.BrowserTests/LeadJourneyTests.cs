using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace SalesFlow.BrowserTests;

public sealed class LeadJourneyTests(Browser browser, SalesFlowServer server) : IClassFixture<SalesFlowServer>
{
    [Fact]
    public async Task A_rep_captures_a_lead_contacts_and_qualifies_it_and_the_same_mobile_again_is_refused_as_a_duplicate()
    {
        await Journey.RunAsync(await browser.NewContextAsync(server), async page =>
        {
            var suffix = Random.Shared.Next(1000, 9999);
            var name = "测试线索" + suffix;
            var mobile = "1390000" + suffix;

            await Journey.SignInAsync(page, "rep.huadong.1");
            await page.GetByTestId("nav-leads").ClickAsync();
            await Expect(page).ToHaveURLAsync(Journey.UrlPath("/leads"));
            await Expect(page.GetByTestId("lead-grid").GetByTestId("lead-name").First).ToBeVisibleAsync();
            await Journey.AssertFitsAsync(page);

            await page.GetByTestId("new-lead").ClickAsync();
            var dialog = page.GetByRole(AriaRole.Dialog);
            await dialog.GetByTestId("lead-name-input").FillAsync(name);
            await dialog.GetByTestId("lead-company-input").FillAsync("测试线索公司" + suffix);
            await dialog.GetByTestId("lead-mobile-input").FillAsync(mobile);
            await dialog.GetByTestId("lead-region-input").ClickAsync();
            await page.Locator(".mud-popover-open .mud-list-item").Filter(new() { HasTextString = "华东大区" }).First.ClickAsync();
            await dialog.GetByTestId("lead-needs-input").FillAsync("需要 200 台设备的报价");
            await dialog.GetByTestId("dialog-save").ClickAsync();
            await Expect(dialog).ToBeHiddenAsync();

            await page.GetByTestId("lead-search").FillAsync(name);
            await Expect(page.GetByTestId("pager-info")).ToContainTextAsync("共 1 条");
            var grid = page.GetByTestId("lead-grid");
            await Expect(grid.GetByTestId("lead-name")).ToHaveTextAsync(name);
            await Expect(grid.GetByTestId("lead-status")).ToHaveTextAsync("新线索");

            await grid.GetByTestId("lead-menu").ClickAsync();
            await page.GetByTestId("lead-contact").ClickAsync();
            await Expect(grid.GetByTestId("lead-status")).ToHaveTextAsync("已联系");

            await grid.GetByTestId("lead-menu").ClickAsync();
            await Expect(page.GetByTestId("lead-contact")).ToHaveCountAsync(0);
            await page.GetByTestId("lead-qualify").ClickAsync();
            await Expect(grid.GetByTestId("lead-status")).ToHaveTextAsync("已确认");

            await page.GetByTestId("new-lead").ClickAsync();
            dialog = page.GetByRole(AriaRole.Dialog);
            await dialog.GetByTestId("lead-name-input").FillAsync("另一位" + suffix);
            await dialog.GetByTestId("lead-mobile-input").FillAsync(mobile);
            await dialog.GetByTestId("dialog-save").ClickAsync();
            await Expect(dialog.GetByTestId("form-error")).ToContainTextAsync("已存在");
            await Expect(dialog.GetByTestId("lead-duplicate-of")).ToBeVisibleAsync();
            await dialog.GetByTestId("dialog-cancel").ClickAsync();
            await Expect(dialog).ToBeHiddenAsync();

            await grid.GetByTestId("lead-name").ClickAsync();
            await Expect(page.GetByTestId("lead-title")).ToHaveTextAsync(name);
            await Expect(page.GetByTestId("lead-status")).ToHaveTextAsync("已确认");
            await page.GetByRole(AriaRole.Tab, new() { Name = "活动记录" }).ClickAsync();
            await page.GetByTestId("lead-new-activity").ClickAsync();
            dialog = page.GetByRole(AriaRole.Dialog);
            await dialog.GetByTestId("activity-subject-input").FillAsync("电话沟通报价" + suffix);
            await dialog.GetByTestId("dialog-save").ClickAsync();
            await Expect(dialog).ToBeHiddenAsync();
            await Expect(page.GetByTestId("activity-grid").GetByTestId("activity-subject")).ToHaveTextAsync("电话沟通报价" + suffix);
            await page.GetByRole(AriaRole.Tab, new() { Name = "历史" }).ClickAsync();
            await Expect(page.GetByTestId("audit-trail")).ToContainTextAsync("已确认");
        });
    }

    [Fact]
    public async Task A_rep_must_give_a_reason_to_disqualify_a_lead_which_then_offers_no_more_steps()
    {
        await Journey.RunAsync(await browser.NewContextAsync(server), async page =>
        {
            await Journey.SignInAsync(page, "rep.huadong.1");
            await page.GetByTestId("nav-leads").ClickAsync();
            var grid = page.GetByTestId("lead-grid");
            var first = grid.GetByTestId("lead-menu").First;
            await Expect(first).ToBeVisibleAsync();
            var row = grid.Locator("tr").Filter(new() { Has = page.GetByTestId("lead-menu") }).First;
            var mobile = await row.GetByTestId("lead-mobile").InnerTextAsync();

            await first.ClickAsync();
            await page.GetByTestId("lead-disqualify").ClickAsync();
            var dialog = page.GetByRole(AriaRole.Dialog);
            await dialog.GetByTestId("dialog-save").ClickAsync();
            await Expect(dialog.Locator(".mud-input-error").First).ToBeVisibleAsync();
            await dialog.GetByTestId("disqualify-reason-input").FillAsync("预算不足");
            await dialog.GetByTestId("dialog-save").ClickAsync();
            await Expect(dialog).ToBeHiddenAsync();

            await page.GetByTestId("lead-search").FillAsync(mobile);
            await Expect(page.GetByTestId("pager-info")).ToContainTextAsync("共 1 条");
            await Expect(grid.GetByTestId("lead-status")).ToHaveTextAsync("无效");
            await Expect(grid.GetByTestId("lead-menu")).ToHaveCountAsync(0);
        });
    }

    [Fact]
    public async Task At_phone_width_the_lead_list_and_the_new_lead_dialog_fit_the_screen()
    {
        await Journey.RunAsync(await browser.NewContextAsync(server, width: 375, height: 740), async page =>
        {
            await Journey.SignInAsync(page, "rep.huadong.1");
            await page.GotoAsync("/leads");
            await Journey.WaitForCircuitAsync(page);
            await Expect(page.GetByTestId("lead-name").First).ToBeVisibleAsync();
            await Journey.AssertFitsAsync(page);

            await page.GetByTestId("new-lead").ClickAsync();
            await Expect(page.GetByRole(AriaRole.Dialog).GetByTestId("lead-name-input")).ToBeVisibleAsync();
            await Journey.AssertFitsAsync(page);
        });
    }
}
