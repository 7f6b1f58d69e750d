using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace SalesFlow.BrowserTests;

public sealed class DealerOnboardingJourneyTests(Browser browser, SalesFlowServer server) : IClassFixture<SalesFlowServer>
{
    [Fact]
    public async Task An_application_is_scored_approved_contracted_with_a_territory_paid_trained_and_activated()
    {
        var company = "湖州" + Random.Shared.Next(1000, 9999) + "机电贸易有限公司";
        string applicationUrl = "";
        string dealerUrl = "";

        // The area manager enters the application and scores the checklist.
        await Journey.RunAsync(await browser.NewContextAsync(server), async page =>
        {
            await Journey.SignInAsync(page, "rep.huadong.1");
            await page.GetByTestId("nav-dealer-applications").ClickAsync();
            await Expect(page.GetByTestId("page-title")).ToHaveTextAsync("经销商申请");
            await page.GetByTestId("new-application").ClickAsync();
            await Expect(page).ToHaveURLAsync(Journey.UrlPath("/dealer-applications/new"));
            await Journey.WaitForCircuitAsync(page);
            await page.GetByTestId("app-company").FillAsync(company);
            await page.GetByTestId("app-licence").FillAsync("91330500MA2BCD5678");
            await page.GetByTestId("app-capital").FillAsync("6000000");
            await page.GetByTestId("app-province").FillAsync("浙江");
            await page.GetByTestId("app-city").FillAsync("湖州");
            await page.GetByTestId("app-channels").FillAsync("五金机电市场、工矿企业直供");
            await page.GetByTestId("app-customers").FillAsync("合作门店 90 家");
            await page.GetByTestId("app-team").FillAsync("20");
            await page.GetByTestId("app-contact").FillAsync("沈经理");
            await page.GetByTestId("app-save").ClickAsync();
            await Expect(page).ToHaveURLAsync(new Regex("/dealer-applications/[0-9a-f-]{36}$"));
            await Expect(page.GetByTestId("application-status")).ToHaveTextAsync("待评审");
            applicationUrl = new Uri(page.Url).AbsolutePath;

            foreach (var (criterion, score) in new[] { ("capital", "4"), ("channels", "4"), ("customers", "3"), ("team", "3"), ("credit", "5") })
            {
                var field = page.GetByTestId("score-" + criterion);
                await field.FillAsync(score);
                await field.BlurAsync();
            }

            await page.GetByTestId("score-save").ClickAsync();
            await Expect(page.GetByTestId("application-status")).ToHaveTextAsync("已评分待审批");
            await Expect(page.GetByTestId("total-score")).ToContainTextAsync("77");
            await Expect(page.GetByTestId("approve-application")).ToHaveCountAsync(0); // the area manager does not decide
        });

        // The regional manager approves it as a silver dealer.
        await Journey.RunAsync(await browser.NewContextAsync(server), async page =>
        {
            await Journey.SignInAsync(page, "manager.huadong");
            await page.GotoAsync(applicationUrl);
            await Journey.WaitForCircuitAsync(page);
            await page.GetByTestId("approve-application").ClickAsync();
            await Expect(page.GetByTestId("application-status")).ToHaveTextAsync("已批准");
            await page.GetByTestId("to-dealer").ClickAsync();
            await Expect(page).ToHaveURLAsync(new Regex("/dealers/[0-9a-f-]{36}$"));
            await Expect(page.GetByTestId("dealer-status")).ToHaveTextAsync("已批准");
            dealerUrl = new Uri(page.Url).AbsolutePath;
        });

        // The area manager signs the contract with the city as its territory.
        await Journey.RunAsync(await browser.NewContextAsync(server), async page =>
        {
            await Journey.SignInAsync(page, "rep.huadong.1");
            await page.GotoAsync(dealerUrl);
            await Journey.WaitForCircuitAsync(page);
            await page.GetByTestId("action-sign-contract").ClickAsync();
            await Expect(page.GetByTestId("contract-city")).ToHaveValueAsync("湖州");
            await page.GetByTestId("contract-scope").FillAsync("工业设备,配件耗材");
            await page.GetByTestId("contract-target").FillAsync("1500000");
            await page.GetByTestId("contract-deposit").FillAsync("100000");
            await page.GetByTestId("contract-deposit").BlurAsync();
            await page.GetByTestId("contract-save").ClickAsync();
            await Expect(page.GetByTestId("dealer-status")).ToHaveTextAsync("已签约");
            await Expect(page.GetByTestId("action-record-deposit")).ToHaveCountAsync(0); // finance records the deposit
            await page.GetByRole(AriaRole.Tab, new() { Name = "区域" }).ClickAsync();
            await Expect(page.GetByTestId("territory-place")).ToContainTextAsync("湖州");
        });

        // Finance records the deposit.
        await Journey.RunAsync(await browser.NewContextAsync(server), async page =>
        {
            await Journey.SignInAsync(page, "finance");
            await page.GotoAsync(dealerUrl);
            await Journey.WaitForCircuitAsync(page);
            await page.GetByTestId("action-record-deposit").ClickAsync();
            await Expect(page.GetByTestId("dealer-status")).ToHaveTextAsync("保证金已到账");
        });

        // Training, activation; the dealer page fits a phone.
        await Journey.RunAsync(await browser.NewContextAsync(server), async page =>
        {
            await Journey.SignInAsync(page, "rep.huadong.1");
            await page.GotoAsync(dealerUrl);
            await Journey.WaitForCircuitAsync(page);
            await page.GetByTestId("action-complete-training").ClickAsync();
            await Expect(page.GetByTestId("dealer-status")).ToHaveTextAsync("已培训");
            await page.GetByTestId("action-activate").ClickAsync();
            await Expect(page.GetByTestId("dealer-status")).ToHaveTextAsync("合作中");
            await page.GetByRole(AriaRole.Tab, new() { Name = "合同与保证金" }).ClickAsync();
            await Expect(page.GetByTestId("deposit-received")).Not.ToHaveTextAsync("—");

            await page.SetViewportSizeAsync(390, 844);
            await page.ReloadAsync();
            await Journey.WaitForCircuitAsync(page);
            await Expect(page.GetByTestId("dealer-status")).ToHaveTextAsync("合作中");
            await Journey.AssertFitsAsync(page);
            await page.GotoAsync("/dealers");
            await Journey.WaitForCircuitAsync(page);
            await Expect(page.GetByTestId("dealer-grid")).ToBeVisibleAsync();
            await Journey.AssertFitsAsync(page);
        });
    }
}
