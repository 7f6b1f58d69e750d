using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace SalesFlow.BrowserTests;

public sealed class CustomerJourneyTests(Browser browser, SalesFlowServer server) : IClassFixture<SalesFlowServer>
{
    [Fact]
    public async Task A_rep_sees_only_their_customers_creates_one_and_adds_its_primary_contact()
    {
        await Journey.RunAsync(await browser.NewContextAsync(server), async page =>
        {
            var name = "测试客户" + Random.Shared.Next(1000, 9999);

            await Journey.SignInAsync(page, "rep.huadong.1");
            await page.GetByTestId("nav-customers").ClickAsync();
            await Expect(page).ToHaveURLAsync(Journey.UrlPath("/customers"));
            var owners = page.GetByTestId("customer-grid").GetByTestId("customer-owner");
            await Expect(owners.First).ToBeVisibleAsync();
            Assert.Single((await owners.AllInnerTextsAsync()).Distinct());

            await page.GetByTestId("new-customer").ClickAsync();
            var dialog = page.GetByRole(AriaRole.Dialog);
            await dialog.GetByTestId("customer-name-input").FillAsync(name);
            await dialog.GetByTestId("customer-phone-input").FillAsync("021-55550000");
            await dialog.GetByTestId("customer-tags-input").FillAsync("展会, 重点");
            await dialog.GetByTestId("dialog-save").ClickAsync();
            await Expect(dialog).ToBeHiddenAsync();
            await Expect(page.GetByTestId("customer-name")).ToHaveTextAsync(name);
            await Expect(page.GetByTestId("customer-tags")).ToContainTextAsync("展会");

            await page.GetByRole(AriaRole.Tab, new() { Name = "联系人" }).ClickAsync();
            await page.GetByTestId("add-contact").ClickAsync();
            dialog = page.GetByRole(AriaRole.Dialog);
            await dialog.GetByTestId("contact-name-input").FillAsync("王经理");
            await dialog.GetByTestId("contact-title-input").FillAsync("采购经理");
            await dialog.GetByTestId("contact-mobile-input").FillAsync("13900139000");
            await dialog.GetByText("主要联系人").ClickAsync();
            await dialog.GetByTestId("dialog-save").ClickAsync();
            await Expect(dialog).ToBeHiddenAsync();

            var contacts = page.GetByTestId("contact-list");
            await Expect(contacts.GetByTestId("contact-name")).ToHaveTextAsync("王经理");
            await Expect(contacts.GetByTestId("contact-primary")).ToBeVisibleAsync();
            await Expect(contacts).ToContainTextAsync("13900139000");

            await page.GetByTestId("nav-customers").ClickAsync();
            await Expect(page.GetByTestId("customer-open").First).ToBeVisibleAsync();
            await page.GetByTestId("customer-search").FillAsync(name);
            await Expect(page.GetByTestId("pager-info")).ToContainTextAsync("共 1 条");
            await Expect(page.GetByTestId("customer-grid").GetByTestId("customer-open")).ToHaveTextAsync(name);
        });
    }

    [Fact]
    public async Task The_director_is_offered_the_customers_page_and_finance_sets_a_credit_limit_that_the_history_shows()
    {
        await Journey.RunAsync(await browser.NewContextAsync(server), async page =>
        {
            await Journey.SignInAsync(page, "director");
            await Expect(page.GetByTestId("nav-customers")).ToBeVisibleAsync();
        });

        await Journey.RunAsync(await browser.NewContextAsync(server), async page =>
        {
            await Journey.SignInAsync(page, "finance");
            await page.GetByTestId("nav-customers").ClickAsync();
            await Expect(page.GetByTestId("new-customer")).ToHaveCountAsync(0);
            await page.GetByTestId("customer-grid").GetByTestId("customer-open").First.ClickAsync();
            await Expect(page.GetByTestId("customer-name")).ToBeVisibleAsync();
            await Expect(page.GetByTestId("edit-customer")).ToHaveCountAsync(0);

            await page.GetByTestId("edit-credit").ClickAsync();
            var dialog = page.GetByRole(AriaRole.Dialog);
            await dialog.GetByTestId("credit-limit-input").FillAsync("500000");
            await dialog.GetByTestId("payment-terms-input").FillAsync("45");
            await dialog.GetByTestId("dialog-save").ClickAsync();
            await Expect(dialog).ToBeHiddenAsync();

            await Expect(page.GetByTestId("credit-limit")).ToContainTextAsync("500,000.00");
            await Expect(page.GetByTestId("payment-terms")).ToContainTextAsync("45 天");
            await page.GetByRole(AriaRole.Tab, new() { Name = "历史" }).ClickAsync();
            await Expect(page.GetByTestId("audit-trail")).ToContainTextAsync("信用额度");
            await Expect(page.GetByTestId("audit-trail")).ToContainTextAsync("finance");
        });
    }

    [Fact]
    public async Task A_customer_360_shows_its_opportunities_activities_and_visits_in_tabs()
    {
        await Journey.RunAsync(await browser.NewContextAsync(server), async page =>
        {
            await Journey.SignInAsync(page, "rep.huadong.1");
            await page.GetByTestId("nav-customers").ClickAsync();
            await page.GetByTestId("customer-grid").GetByTestId("customer-open").First.ClickAsync();
            await Expect(page.GetByTestId("customer-name")).ToBeVisibleAsync();

            await page.GetByRole(AriaRole.Tab, new() { Name = "商机" }).ClickAsync();
            await Expect(page.GetByTestId("customer-opportunities")).ToBeVisibleAsync();
            await Expect(page.GetByTestId("customer-new-opportunity")).ToBeVisibleAsync();
            await page.GetByRole(AriaRole.Tab, new() { Name = "活动记录" }).ClickAsync();
            await Expect(page.GetByTestId("customer-activities")).ToBeVisibleAsync();
            await page.GetByRole(AriaRole.Tab, new() { Name = "拜访" }).ClickAsync();
            await Expect(page.GetByTestId("customer-visits")).ToBeVisibleAsync();
            await Expect(page.GetByTestId("customer-plan-visit")).ToBeVisibleAsync();
        });
    }

    [Fact]
    public async Task A_regional_manager_hands_one_reps_customers_over_to_another_and_sees_how_many_moved()
    {
        await Journey.RunAsync(await browser.NewContextAsync(server), async page =>
        {
            await Journey.SignInAsync(page, "manager.huadong");
            await page.GetByTestId("nav-customers").ClickAsync();
            var owners = page.GetByTestId("customer-grid").GetByTestId("customer-owner");
            await Expect(owners.First).ToBeVisibleAsync();
            var names = (await owners.AllInnerTextsAsync()).Distinct().ToList();
            Assert.True(names.Count >= 2, "The first page should show customers of at least two reps.");
            var (from, to) = (names[0], names[1]);

            await page.GetByTestId("hand-over").ClickAsync();
            var dialog = page.GetByRole(AriaRole.Dialog);
            await PickAsync(page, dialog.GetByTestId("hand-over-from"), from);
            await PickAsync(page, dialog.GetByTestId("hand-over-to"), to);
            await dialog.GetByTestId("dialog-save").ClickAsync();
            await Expect(dialog).ToBeHiddenAsync();

            await Expect(page.Locator(".mud-snackbar")).ToContainTextAsync(new System.Text.RegularExpressions.Regex(@"已移交 [1-9]\d* 个客户"));
            await Expect(owners.Filter(new() { HasTextString = from })).ToHaveCountAsync(0);
            await Expect(owners.Filter(new() { HasTextString = to }).First).ToBeVisibleAsync();
        });
    }

    [Fact]
    public async Task At_phone_width_the_customer_list_and_a_customer_fit_the_screen()
    {
        await Journey.RunAsync(await browser.NewContextAsync(server, width: 375, height: 740), async page =>
        {
            await Journey.SignInAsync(page, "rep.huadong.1");
            await page.GotoAsync("/customers");
            await Journey.WaitForCircuitAsync(page);
            await Expect(page.GetByTestId("customer-open").First).ToBeVisibleAsync();
            await Journey.AssertFitsAsync(page);

            await page.GetByTestId("customer-open").First.ClickAsync();
            await Expect(page.GetByTestId("credit-card")).ToBeVisibleAsync();
            await Journey.AssertFitsAsync(page);
        });
    }

    private static async Task PickAsync(IPage page, ILocator picker, string name)
    {
        await Journey.PickAsync(page, picker, name);
        await Expect(picker).ToHaveValueAsync(name);
    }
}
