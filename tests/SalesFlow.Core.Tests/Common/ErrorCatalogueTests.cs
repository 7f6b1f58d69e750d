using System.Globalization;
using System.Resources;
using System.Text.RegularExpressions;
using SalesFlow.Core.Approvals;
using SalesFlow.Core.Bids;
using SalesFlow.Core.Billing;
using SalesFlow.Core.Catalog.Prices;
using SalesFlow.Core.Common;
using SalesFlow.Core.Contracts;
using SalesFlow.Core.Dealers;
using SalesFlow.Core.Dealers.Applications;
using SalesFlow.Core.Deliveries;
using SalesFlow.Core.Leads;
using SalesFlow.Core.Opportunities;
using SalesFlow.Core.Orders;
using SalesFlow.Core.Planning.Plans;
using SalesFlow.Core.Planning.Reviews;
using SalesFlow.Core.Planning.Targets;
using SalesFlow.Core.Quotes;
using SalesFlow.Core.StockReports;

namespace SalesFlow.Core.Tests.Common;

/// <summary>
/// Every error a user can get reads in both languages: each error code, each record kind an error names ({entity}) and
/// each status an error quotes ({orderStatus}, {dealerStatus}, ...) has a zh-CN and an English entry (ADR-003). The codes
/// and record kinds are read from the source, so a new module's are covered the day it lands.
/// </summary>
public sealed partial class ErrorCatalogueTests
{
    private static readonly ResourceManager Catalogue = new("SalesFlow.Core.Resources.ErrorMessages", typeof(ErrorText).Assembly);

    // The statuses and values error messages quote by name; ErrorText looks them up as "value.<Name>".
    private static readonly Type[] QuotedEnums =
    [
        typeof(DealerStatus), typeof(OrderStatus), typeof(DeliveryStatus), typeof(ContractStatus), typeof(ReviewStatus), typeof(PlanStatus),
        typeof(PriceListStatus), typeof(TierChangeStatus), typeof(DealerTier), typeof(QuoteStatus), typeof(OpportunityStatus), typeof(LeadStatus),
        typeof(BidStatus), typeof(ApprovalStatus), typeof(ApplicationStatus), typeof(StockReportStatus), typeof(InvoiceStatus), typeof(TargetMeasure),
        typeof(OrderStep),
    ];

    public static TheoryData<string> Languages => new() { "en", "zh-CN" };

    [Theory]
    [MemberData(nameof(Languages))]
    public void Every_error_code_in_the_source_has_a_message(string language)
    {
        var missing = Codes().Where(code => !Has(language, code)).ToList();
        Assert.True(Codes().Count > 150, "the scan finds the error codes");
        Assert.Empty(missing);
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public void Every_record_kind_an_error_names_has_a_name(string language)
    {
        var missing = Entities().Where(entity => !Has(language, "entity." + entity)).ToList();
        Assert.Contains("Order", Entities());
        Assert.Empty(missing);
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public void Every_status_an_error_quotes_has_a_name(string language)
    {
        var missing = QuotedEnums.SelectMany(e => Enum.GetNames(e).Select(name => $"{e.Name}.{name}"))
            .Where(name => !Has(language, "value." + name[(name.IndexOf('.', StringComparison.Ordinal) + 1)..])).ToList();
        Assert.Empty(missing);
    }

    [Fact]
    public void A_quoted_status_reads_in_the_callers_language()
    {
        var error = DealerErrors.WrongStatus(DealerStatus.Suspended, "notTerminated");
        Assert.Equal("该经销商当前为“已暂停”，此步骤要求经销商为“未终止”。", ErrorText.Title(error, CultureInfo.GetCultureInfo("zh-CN")));
        Assert.Equal("The dealer is Suspended; this step needs it to be not terminated.", ErrorText.Title(error, CultureInfo.GetCultureInfo("en")));
    }

    // The language's own table only: a key missing in zh-CN must not pass by falling back to English.
    private static bool Has(string language, string key) =>
        Catalogue.GetResourceSet(CultureInfo.GetCultureInfo(language == "en" ? "" : language), createIfNotExists: true, tryParents: false)?.GetString(key) is { Length: > 0 };

    private static List<string> Codes() => [.. Scan(CodePattern())];

    private static List<string> Entities() => [.. Scan(EntityPattern())];

    private static SortedSet<string> Scan(Regex pattern)
    {
        var found = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var file in Directory.EnumerateFiles(Path.Combine(RepositoryRoot(), "src", "SalesFlow.Core"), "*.cs", SearchOption.AllDirectories))
        {
            if (file.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            {
                continue;
            }

            foreach (Match match in pattern.Matches(File.ReadAllText(file)))
            {
                found.Add(match.Groups[1].Value);
            }
        }

        return found;
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "SalesFlow.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("The tests run inside the repository (SalesFlow.slnx not found above " + AppContext.BaseDirectory + ").");
    }

    [GeneratedRegex("""Error\.(?:Rule|Conflict)\(\s*"([a-zA-Z]+\.[a-zA-Z.]+)"\s*,""")]
    private static partial Regex CodePattern();

    [GeneratedRegex("""(?:Error\.NotFound|Error\.StaleVersion|SaveOrConflictAsync)\(\s*"([A-Za-z]+)"\s*,""")]
    private static partial Regex EntityPattern();
}
