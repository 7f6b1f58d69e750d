using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.Extensions.Localization;
using SalesFlow.Core.Customers;
using SalesFlow.Core.Quotes;
using SalesFlow.Web.Resources;

namespace SalesFlow.Web.Features.Quotes;

/// <summary>
/// The printed quote as one self-contained HTML page (inline CSS, no scripts, no remote resources) in zh-CN or en:
/// labels from the resx, product names in the language, money and dates in the language's format. Every value is
/// HTML-encoded. <see cref="Documents.PdfPrinter"/> turns it into the PDF.
/// </summary>
public static class QuoteDocument
{
    /// <summary>The language the document is printed in: <paramref name="requested"/> when supported, else the customer's.</summary>
    public static string LanguageFor(QuoteDocumentData quote, string? requested) =>
        CustomerLanguages.Normalize(requested) ?? quote.PreferredLanguage;

    public static string Html(QuoteDocumentData quote, string language, string companyName, IStringLocalizer<SharedResource> localizer)
    {
        var culture = CultureInfo.GetCultureInfo(language);
        var previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = culture;
        try
        {
            return Build(quote, culture, companyName, localizer);
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }

    /// <summary>An amount as the language writes it: ¥1,234.56 in Chinese, CNY 1,234.56 in English.</summary>
    public static string Money(decimal amount, string currency, CultureInfo culture)
    {
        var format = (NumberFormatInfo)culture.NumberFormat.Clone();
        format.CurrencySymbol = culture.TwoLetterISOLanguageName == "zh" && currency == "CNY" ? "¥" : currency + " ";
        format.CurrencyDecimalDigits = 2;
        format.CurrencyPositivePattern = 0;
        format.CurrencyNegativePattern = 1;
        return amount.ToString("C", format);
    }

    public static string Date(DateOnly date, CultureInfo culture) =>
        culture.TwoLetterISOLanguageName == "zh"
            ? date.ToString("yyyy年M月d日", CultureInfo.InvariantCulture)
            : date.ToString("d MMM yyyy", CultureInfo.InvariantCulture);

    private static string Build(QuoteDocumentData q, CultureInfo culture, string companyName, IStringLocalizer<SharedResource> l)
    {
        string T(string key, params object[] args) => E(l["QuoteDoc." + key, args]);
        string M(decimal amount) => E(Money(amount, q.Currency, culture));
        string N(decimal number) => E(number.ToString("#,0.###", culture));
        var zh = culture.TwoLetterISOLanguageName == "zh";
        var html = new StringBuilder(8192);
        html.Append("<!DOCTYPE html><html lang=\"").Append(E(culture.Name)).Append("\"><head><meta charset=\"utf-8\">");
        html.Append("<title>").Append(E(q.DisplayNumber)).Append("</title><style>").Append(Css).Append("</style></head><body>");

        html.Append("<header><div class=\"company\">").Append(E(companyName)).Append("</div>");
        html.Append("<h1>").Append(T("Heading")).Append("</h1></header>");
        if (q.Status is QuoteStatus.Draft or QuoteStatus.PendingApproval)
        {
            html.Append("<p class=\"draft\">").Append(T("NotFinal")).Append("</p>");
        }

        html.Append("<table class=\"head\"><tr><td>");
        Field(html, T("Customer"), E(q.CustomerName) + " <span class=\"muted\">" + E(q.CustomerNumber) + "</span>");
        Field(html, T("Contact"), E(q.ContactName));
        Field(html, T("Address"), E(q.CustomerAddress));
        Field(html, T("Phone"), E(q.CustomerPhone));
        html.Append("</td><td>");
        Field(html, T("Number"), E(q.DisplayNumber));
        Field(html, T("Revision"), E(q.Revision.ToString(CultureInfo.InvariantCulture)));
        Field(html, T("Date"), E(Date(q.IssuedOn, culture)));
        Field(html, T("ValidUntil"), E(Date(q.ValidUntil, culture)));
        Field(html, T("SalesRep"), E(q.OwnerName));
        html.Append("</td></tr></table>");
        html.Append("<p class=\"subject\">").Append(E(q.Title)).Append("</p>");

        html.Append("<table class=\"lines\"><thead><tr>");
        foreach (var key in new[] { "No", "Sku", "Product", "Quantity", "UnitPrice", "Discount", "TaxRate", "Amount" })
        {
            html.Append("<th>").Append(T(key)).Append("</th>");
        }

        html.Append("</tr></thead><tbody>");
        foreach (var line in q.Lines)
        {
            html.Append("<tr><td class=\"num\">").Append(line.Position).Append("</td>");
            html.Append("<td>").Append(E(line.Sku)).Append("</td>");
            html.Append("<td>").Append(E(zh ? line.NameZh : line.NameEn)).Append("</td>");
            html.Append("<td class=\"num\">").Append(N(line.Quantity)).Append(' ').Append(E(line.Unit)).Append("</td>");
            html.Append("<td class=\"num\">").Append(M(line.ListUnitPrice)).Append("<br><span class=\"muted\">")
                .Append(T("PerUnit", line.BaseUnit)).Append("</span></td>");
            html.Append("<td class=\"num\">").Append(line.DiscountPercent == 0 ? "—" : N(line.DiscountPercent) + " %").Append("</td>");
            html.Append("<td class=\"num\">").Append(N(line.TaxRate * 100)).Append(" %</td>");
            html.Append("<td class=\"num\">").Append(M(line.NetAmount)).Append("</td></tr>");
        }

        html.Append("</tbody></table>");
        html.Append("<table class=\"totals\">");
        Total(html, T("Net"), M(q.NetAmount), false);
        Total(html, T("Tax"), M(q.TaxAmount), false);
        Total(html, T("Gross"), M(q.GrossAmount), true);
        html.Append("</table>");
        html.Append("<p class=\"muted\">").Append(T("CurrencyNote", q.Currency)).Append("</p>");
        if (!string.IsNullOrWhiteSpace(q.Terms))
        {
            html.Append("<h2>").Append(T("Terms")).Append("</h2><p class=\"terms\">").Append(E(q.Terms)).Append("</p>");
        }

        html.Append("<footer><div>").Append(T("Signature")).Append("</div><div>").Append(E(companyName)).Append("</div></footer>");
        html.Append("</body></html>");
        return html.ToString();
    }

    private static void Field(StringBuilder html, string label, string value)
    {
        if (value.Length > 0)
        {
            html.Append("<div><span class=\"label\">").Append(label).Append("</span> ").Append(value).Append("</div>");
        }
    }

    private static void Total(StringBuilder html, string label, string value, bool strong) =>
        html.Append(strong ? "<tr class=\"grand\">" : "<tr>").Append("<td>").Append(label).Append("</td><td class=\"num\">").Append(value).Append("</td></tr>");

    /// <summary>HTML-encodes a value (null → empty); Chinese and ¥ stay readable, markup characters never pass.</summary>
    private static string E(string? value) => Encoder.Encode(value ?? "");

    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    private const string Css =
        "@page{size:A4;margin:16mm 14mm}" +
        "body{font-family:'Noto Sans CJK SC','Noto Sans SC','Noto Sans CJK','WenQuanYi Zen Hei','Noto Sans',sans-serif;font-size:10pt;color:#222}" +
        "header{display:flex;justify-content:space-between;align-items:flex-end;border-bottom:2px solid #1f4e79;padding-bottom:4px;margin-bottom:10px}" +
        ".company{font-size:14pt;font-weight:bold;color:#1f4e79}h1{font-size:18pt;margin:0}h2{font-size:11pt;margin:14px 0 4px}" +
        ".draft{color:#b00020;font-weight:bold}.muted{color:#777;font-size:8.5pt}.label{color:#555;display:inline-block;min-width:6em}" +
        "table{border-collapse:collapse;width:100%}.head td{vertical-align:top;width:50%;padding:2px 0}.subject{font-weight:bold;margin:10px 0 6px}" +
        ".lines th{background:#1f4e79;color:#fff;font-weight:normal;padding:4px;text-align:left}.lines td{border-bottom:1px solid #ddd;padding:4px;vertical-align:top}" +
        ".lines tr{page-break-inside:avoid}.num{text-align:right;white-space:nowrap}" +
        ".totals{width:auto;margin:8px 0 0 auto}.totals td{padding:2px 6px}.grand td{font-weight:bold;border-top:1px solid #222}" +
        ".terms{white-space:pre-wrap}footer{margin-top:36px;display:flex;justify-content:space-between;color:#555}";
}
