using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace SalesFlow.BrowserTests;

public sealed class DealerEvaluationJourneyTests(Browser browser, SalesFlowServer server) : IClassFixture<SalesFlowServer>
{
    private static readonly string[] Criteria = ["目标达成", "动销率", "库存健康", "回款及时", "门店覆盖", "合规"];

    [Fact]
    public async Task The_area_manager_opens_last_quarters_scorecard_sees_the_six_criteria_and_confirms_the_proposed_outcome()
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8)).AddMonths(-3);
        var quarter = $"{today.Year}-Q{((today.Month - 1) / 3) + 1}";
        string? scorecard = null;

        await Journey.RunAsync(await browser.NewContextAsync(server), async page =>
        {
            await Journey.SignInAsync(page, "manager.huadong");
            await page.GotoAsync("/dealer-evaluations");
            await Journey.WaitForCircuitAsync(page);
            await Expect(page.GetByTestId("page-title")).ToHaveTextAsync("经销商季度评估");
            await Expect(page.GetByTestId("evaluation-quarter")).ToContainTextAsync(quarter);
            await Expect(page.GetByTestId("evaluation-list")).ToContainTextAsync("华东大区");

            // Only the dealers the scorecard proposes to keep.
            await page.GetByTestId("evaluation-outcome").ClickAsync();
            await page.Locator(".mud-popover-open .mud-list-item").Filter(new() { HasText = "保持" }).ClickAsync();
            // The list has reloaded with the filter: every proposal shown is "keep".
            await Expect(page.GetByTestId("evaluation-proposed-outcome").Filter(new() { HasNotText = "保持" })).ToHaveCountAsync(0);
            await Expect(page.GetByTestId("evaluation-proposed-outcome").First).ToHaveTextAsync("保持");
            var proposed = page.Locator("tr").Filter(new() { Has = page.Locator("[data-testid=evaluation-outcome-chips][data-status=Proposed]") }).First;
            await Expect(proposed).ToContainTextAsync("待确认");
            await proposed.GetByTestId("evaluation-open").ClickAsync();
            await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/dealer-evaluations/[0-9a-f-]{36}$"));
            scorecard = new Uri(page.Url).AbsolutePath;

            await Expect(page.GetByTestId("evaluation-quarter")).ToHaveTextAsync(quarter);
            await Expect(page.GetByTestId("criterion")).ToHaveCountAsync(6);
            for (var i = 0; i < Criteria.Length; i++)
            {
                await Expect(page.GetByTestId("criterion").Nth(i)).ToHaveTextAsync(Criteria[i]);
            }

            await Expect(page.GetByTestId("scorecard")).ToContainTextAsync("30%");
            await Expect(page.GetByTestId("scorecard-total")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^\d{2}\.\d{2}$"));
            await Expect(page.GetByTestId("evaluation-proposed")).ToHaveTextAsync("保持");
            await Expect(page.GetByTestId("evaluation-status")).ToHaveTextAsync("待确认");

            await page.GetByTestId("evaluation-confirm-open").ClickAsync();
            await Expect(page.GetByTestId("evaluation-confirm-note")).ToContainTextAsync("保持现有等级");
            await page.GetByTestId("evaluation-confirm").ClickAsync();
            await Expect(page.GetByTestId("evaluation-status")).ToHaveTextAsync("已确认");
            await Expect(page.GetByTestId("evaluation-confirmed")).ToHaveTextAsync("保持");
            await Expect(page.GetByTestId("evaluation-confirmation")).ToContainTextAsync("manager.huadong");

            // The dealer's page lists its quarterly evaluations.
            await page.GetByTestId("evaluation-dealer-link").ClickAsync();
            await page.GetByRole(AriaRole.Tab, new() { Name = "季度评估" }).ClickAsync();
            await Expect(page.GetByTestId("dealer-evaluations")).ToContainTextAsync(quarter);
            await Expect(page.GetByTestId("dealer-evaluations").GetByTestId("evaluation-confirmed-outcome")).ToHaveTextAsync("保持");
        });

        await Journey.RunAsync(await browser.NewContextAsync(server, width: 390, height: 844), async page =>
        {
            await Journey.SignInAsync(page, "manager.huadong");
            await page.GotoAsync("/dealer-evaluations");
            await Journey.WaitForCircuitAsync(page);
            await Expect(page.GetByTestId("evaluation-open").First).ToBeVisibleAsync();
            await Journey.AssertFitsAsync(page);

            await page.GotoAsync(scorecard!);
            await Journey.WaitForCircuitAsync(page);
            await Expect(page.GetByTestId("criterion")).ToHaveCountAsync(6);
            await Expect(page.GetByTestId("evaluation-confirmed")).ToHaveTextAsync("保持");
            await Journey.AssertFitsAsync(page);
        });
    }
}
