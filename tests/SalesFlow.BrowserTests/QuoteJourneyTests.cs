using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace SalesFlow.BrowserTests;

public sealed class QuoteJourneyTests(Browser browser, SalesFlowServer server) : IClassFixture<SalesFlowServer>
{
    [Fact]
    public async Task A_reps_discount_over_authority_is_approved_by_the_manager_and_the_rep_sends_and_closes_the_quote()
    {
        var title = "审批旅程报价" + Random.Shared.Next(1000, 9999);

        // The rep starts a quote, adds a line with 8 % (the rep may give 5 %) and submits it.
        await Journey.RunAsync(await browser.NewContextAsync(server), async page =>
        {
            await Journey.SignInAsync(page, "rep.huadong.1");
            await page.GetByTestId("nav-quotes").ClickAsync();
            await page.GetByTestId("new-quote").ClickAsync();
            var dialog = page.GetByRole(AriaRole.Dialog);
            await dialog.GetByTestId("quote-title").FillAsync(title);
            await dialog.GetByTestId("quote-customer").FillAsync("有限公司");

            // Let the debounced search answer before picking, or its late answer reopens the list over the dialog.
            await page.WaitForTimeoutAsync(800);
            var option = page.Locator(".mud-popover-open .mud-list-item").First;
            await Expect(option).ToBeVisibleAsync();
            await option.ClickAsync();
            await Expect(page.Locator(".mud-popover-open .mud-list-item")).ToHaveCountAsync(0);
            await dialog.GetByTestId("dialog-save").ClickAsync();
            await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/quotes/[0-9a-f-]{36}$"));
            await Expect(page.GetByTestId("quote-status")).ToHaveTextAsync("草稿");

            await page.GetByTestId("add-line").ClickAsync();
            await page.GetByTestId("line-product").ClickAsync();
            await page.Locator(".mud-popover-open .mud-list-item").First.ClickAsync();
            await Expect(page.GetByTestId("line-prices")).ToContainTextAsync("目录价");
            var discount = page.GetByTestId("line-discount");
            await discount.FillAsync("8");
            await discount.BlurAsync();
            await page.GetByTestId("save-quote").ClickAsync();
            await Expect(page.Locator(".mud-snackbar")).ToContainTextAsync("已保存");
            await page.GetByTestId("submit-quote").ClickAsync();
            await Expect(page.GetByTestId("quote-status")).ToHaveTextAsync("待审批");
            await Expect(page.GetByTestId("pending-approval")).ToContainTextAsync("区域经理");
        });

        // The regional manager approves it from the inbox with a comment.
        await Journey.RunAsync(await browser.NewContextAsync(server), async page =>
        {
            await Journey.SignInAsync(page, "manager.huadong");
            await page.GetByTestId("nav-approvals").ClickAsync();
            var row = page.GetByTestId("approval-row").Filter(new() { HasTextString = title });
            await Expect(row).ToBeVisibleAsync();
            await Expect(row).ToContainTextAsync("折扣 8%");
            await row.GetByTestId("approve").ClickAsync();
            var dialog = page.GetByRole(AriaRole.Dialog);
            await dialog.GetByTestId("approval-comment").FillAsync("老客户，同意 8% 折扣");
            await dialog.GetByTestId("approval-confirm").ClickAsync();
            await Expect(page.Locator(".mud-snackbar")).ToContainTextAsync("已批准");
            await Expect(page.GetByTestId("approval-row").Filter(new() { HasTextString = title })).ToHaveCountAsync(0);
            await page.GetByRole(AriaRole.Tab, new() { Name = "我已处理" }).ClickAsync();
            await Expect(page.GetByTestId("approval-row").Filter(new() { HasTextString = title })).ToBeVisibleAsync();
            await page.SetViewportSizeAsync(390, 844);
            await Journey.AssertFitsAsync(page);
        });

        // The rep finds the quote approved, with the manager's comment, marks it sent and then accepted.
        await Journey.RunAsync(await browser.NewContextAsync(server), async page =>
        {
            await Journey.SignInAsync(page, "rep.huadong.1");
            await page.GetByTestId("nav-quotes").ClickAsync();
            await page.GetByTestId("quote-search").FillAsync(title);
            await page.GetByTestId("quote-link").First.ClickAsync();
            await Expect(page.GetByTestId("quote-status")).ToHaveTextAsync("已批准");
            await Expect(page.GetByTestId("approval-comment")).ToContainTextAsync("老客户，同意 8% 折扣");

            // 下载 PDF: the link downloads with the sign-in cookie; the file is a real PDF named after the quote.
            var pdfLink = page.GetByTestId("download-quote-pdf");
            await Expect(pdfLink).ToContainTextAsync("下载 PDF");
            var pdf = await page.Context.APIRequest.GetAsync((await pdfLink.GetAttributeAsync("href"))!);
            Assert.Equal(200, pdf.Status);
            Assert.Equal("application/pdf", pdf.Headers["content-type"]);
            Assert.Equal("%PDF-", System.Text.Encoding.ASCII.GetString((await pdf.BodyAsync())[..5]));
            Assert.Contains(".pdf", pdf.Headers["content-disposition"], StringComparison.Ordinal);
            await page.GetByTestId("send-quote").ClickAsync();
            await Expect(page.GetByTestId("quote-status")).ToHaveTextAsync("已发送");
            await page.GetByTestId("accept-quote").ClickAsync();
            await Expect(page.GetByTestId("quote-status")).ToHaveTextAsync("已接受");
            await page.SetViewportSizeAsync(390, 844);
            await Journey.AssertFitsAsync(page);
        });
    }
}
