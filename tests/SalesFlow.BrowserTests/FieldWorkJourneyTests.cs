using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace SalesFlow.BrowserTests;

public sealed class FieldWorkJourneyTests(Browser browser, SalesFlowServer server) : IClassFixture<SalesFlowServer>
{
    [Fact]
    public async Task A_rep_plans_a_visit_for_today_checks_in_and_checks_out_with_the_store_checklist()
    {
        await Journey.RunAsync(await browser.NewContextAsync(server), async page =>
        {
            await Journey.SignInAsync(page, "rep.huadong.2");
            await page.GetByTestId("nav-visits").ClickAsync();
            await Expect(page).ToHaveURLAsync(Journey.UrlPath("/visits"));
            await Expect(page.GetByTestId("visit-list")).ToBeVisibleAsync();

            await page.GetByTestId("plan-visit").ClickAsync();
            var dialog = page.GetByRole(AriaRole.Dialog);
            await dialog.GetByTestId("visit-customer-input").FillAsync("有限公司");
            await page.WaitForTimeoutAsync(800); // the debounced search answers before the pick, so the options stop changing
            var option = page.Locator(".mud-popover-open .mud-list-item").First;
            await Expect(option).ToBeVisibleAsync();
            var customer = (await option.InnerTextAsync()).Trim();
            await page.Locator(".mud-popover-open .mud-list-item").Filter(new() { HasTextString = customer }).First.ClickAsync();
            await dialog.GetByTestId("visit-purpose-input").FillAsync("新品陈列检查");
            await dialog.GetByTestId("dialog-save").ClickAsync();
            await Expect(dialog).ToBeHiddenAsync();

            var row = page.GetByTestId("visit-list").Locator("tr").Filter(new() { HasTextString = "新品陈列检查" });
            await Expect(row.GetByTestId("visit-customer")).ToHaveTextAsync(customer);
            await Expect(row.GetByTestId("visit-status")).ToHaveTextAsync("已计划");
            await row.GetByTestId("visit-check-in").ClickAsync();
            await Expect(row.GetByTestId("visit-status")).ToHaveTextAsync("已签到");

            await row.GetByTestId("visit-check-out").ClickAsync();
            dialog = page.GetByRole(AriaRole.Dialog);
            await dialog.GetByTestId("check-out-outcome").FillAsync("客户同意增加堆头");
            await dialog.GetByTestId("check-shelf").ClickAsync();
            await dialog.GetByTestId("check-staff").ClickAsync();
            await dialog.GetByTestId("check-notes").FillAsync("店员主推积极");
            await dialog.GetByTestId("check-breakthrough").ClickAsync();
            await dialog.GetByTestId("dialog-save").ClickAsync();
            await Expect(dialog).ToBeHiddenAsync();

            row = page.GetByTestId("visit-list").Locator("tr").Filter(new() { HasTextString = "客户同意增加堆头" });
            await Expect(row.GetByTestId("visit-status")).ToHaveTextAsync("已完成");
            await Expect(row.GetByTestId("visit-breakthrough")).ToBeVisibleAsync();
        });
    }

    [Fact]
    public async Task A_manager_approves_a_travel_request_sees_one_refused_by_the_rule_and_overrides_it_with_a_reason()
    {
        await Journey.RunAsync(await browser.NewContextAsync(server), async page =>
        {
            await Journey.SignInAsync(page, "manager.huadong");
            await page.GetByTestId("nav-travel-requests").ClickAsync();
            await Expect(page).ToHaveURLAsync(Journey.UrlPath("/travel-requests"));
            var table = page.GetByTestId("travel-table");

            var submitted = table.Locator("tr").Filter(new() { Has = page.GetByTestId("travel-approve") }).First;
            var destination = await submitted.GetByTestId("travel-destination-cell").InnerTextAsync();
            await submitted.GetByTestId("travel-approve").ClickAsync();
            var dialog = page.GetByRole(AriaRole.Dialog);
            await dialog.GetByTestId("dialog-save").ClickAsync();
            await Expect(dialog).ToBeHiddenAsync();
            await Expect(table.Locator("tr").Filter(new() { Has = page.GetByTestId("travel-approve") }).Filter(new() { HasTextString = destination })).ToHaveCountAsync(0);

            var refused = table.Locator("tr").Filter(new() { Has = page.GetByTestId("travel-override") }).First;
            await Expect(refused.GetByTestId("travel-status")).ToHaveTextAsync("系统拒绝");
            await Expect(refused.GetByTestId("travel-refused-reason")).ToContainTextAsync("无突破");
            await refused.GetByTestId("travel-override").ClickAsync();
            dialog = page.GetByRole(AriaRole.Dialog);
            await dialog.GetByTestId("dialog-save").ClickAsync();
            await Expect(dialog.Locator(".mud-input-error").First).ToBeVisibleAsync();
            await dialog.GetByTestId("decision-reason").FillAsync("客户更换采购负责人，值得再去一次");
            await dialog.GetByTestId("dialog-save").ClickAsync();
            await Expect(dialog).ToBeHiddenAsync();

            await page.GetByRole(AriaRole.Tab, new() { Name = "团队全部申请" }).ClickAsync();
            await Expect(table.GetByTestId("travel-decision-reason").Filter(new() { HasTextString = "客户更换采购负责人" })).ToBeVisibleAsync();
        });
    }

    [Fact]
    public async Task A_rep_records_an_activity_which_prefills_the_work_log_submits_the_log_and_reads_the_route_plan_and_compliance()
    {
        await Journey.RunAsync(await browser.NewContextAsync(server), async page =>
        {
            await Journey.SignInAsync(page, "rep.huadong.3");
            await page.GetByTestId("nav-activities").ClickAsync();
            await Expect(page.GetByTestId("activity-grid").GetByTestId("activity-subject").First).ToBeVisibleAsync();

            await page.GetByTestId("new-activity").ClickAsync();
            var dialog = page.GetByRole(AriaRole.Dialog);
            await dialog.GetByTestId("activity-customer-input").FillAsync("有限公司");
            await page.Locator(".mud-popover-open .mud-list-item").First.ClickAsync();
            await dialog.GetByTestId("activity-subject-input").FillAsync("电话确认样品到货");
            await dialog.GetByTestId("activity-outcome-input").FillAsync("样品已签收");
            await dialog.GetByTestId("dialog-save").ClickAsync();
            await Expect(dialog).ToBeHiddenAsync();
            await Expect(page.GetByTestId("activity-grid").GetByTestId("activity-subject").Filter(new() { HasTextString = "电话确认样品到货" })).ToBeVisibleAsync();

            await page.GetByTestId("nav-work-logs").ClickAsync();
            await Expect(page.GetByTestId("log-summary").GetByTestId("log-summary-item").Filter(new() { HasTextString = "电话确认样品到货" })).ToBeVisibleAsync();
            await page.GetByTestId("log-notes").FillAsync("样品跟进完成");
            await page.GetByTestId("log-plan").FillAsync("拜访两家 A 类客户");
            await page.GetByTestId("log-submit").ClickAsync();
            await Expect(page.GetByTestId("log-status")).ToHaveTextAsync("已提交");

            await page.GetByTestId("nav-route-plans").ClickAsync();
            await Expect(page.GetByTestId("route-grid").GetByTestId("route-stop").First).ToBeVisibleAsync();

            await page.GetByTestId("nav-visit-compliance").ClickAsync();
            await Expect(page.GetByTestId("compliance-total")).ToContainTextAsync("%");
            await Expect(page.GetByTestId("compliance-reps").GetByTestId("compliance-value")).ToHaveCountAsync(1);
        });
    }
}
