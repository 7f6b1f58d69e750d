using Microsoft.Extensions.Localization;
using MudBlazor;
using SalesFlow.Core.Dealers.Evaluations;
using SalesFlow.Web.Components.Shared;

namespace SalesFlow.Web.Features.Dealers.Evaluations;

/// <summary>How the evaluation pages show outcomes, scores and the facts behind each criterion (texts from the resx).</summary>
internal static class EvaluationDisplay
{
    public static Color OutcomeColor(EvaluationOutcome outcome) => outcome switch
    {
        EvaluationOutcome.TierUp => Color.Success,
        EvaluationOutcome.Keep => Color.Info,
        EvaluationOutcome.TierDown or EvaluationOutcome.TerritoryChange => Color.Warning,
        _ => Color.Error,
    };

    public static string Score(decimal? score) => score is { } s ? s.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture) : "—";

    public static string Quarter(int year, int quarter) => $"{year}-Q{quarter}";

    /// <summary>The fact a criterion was scored from, in the reader's language.</summary>
    public static string Fact(IStringLocalizer l, EvaluationCriterion criterion, EvaluationFacts f) => criterion switch
    {
        EvaluationCriterion.TargetAchievement => f.TargetAmount is > 0
            ? l["DealerEvaluations.Fact.Target", Money.Format(f.SellInAmount), Money.Format(f.TargetAmount)]
            : l["DealerEvaluations.Fact.NoTarget", Money.Format(f.SellInAmount)],
        EvaluationCriterion.SellThrough => f.StockReports == 0
            ? l["DealerEvaluations.Fact.NoReports"]
            : l["DealerEvaluations.Fact.SellThrough", Qty(f.SellThroughQuantity), Qty(f.SellInQuantity), f.StockReports],
        EvaluationCriterion.InventoryHealth => f.QuarterEndReport
            ? l["DealerEvaluations.Fact.Inventory", f.HealthyLines, f.StockLines]
            : l["DealerEvaluations.Fact.NoQuarterEndReport"],
        EvaluationCriterion.PaymentTimeliness => f.InvoicedDue > 0
            ? l["DealerEvaluations.Fact.Payment", Money.Format(f.PaidOnTime), Money.Format(f.InvoicedDue)]
            : l["DealerEvaluations.Fact.NothingDue"],
        EvaluationCriterion.StoreCoverage => l["DealerEvaluations.Fact.Stores", f.ActiveStores, f.RequiredStores],
        _ => l["DealerEvaluations.Fact.Compliance", f.ObligationsMet, f.ObligationsDue],
    };

    private static string Qty(decimal quantity) => quantity.ToString("#,0.###", System.Globalization.CultureInfo.InvariantCulture);
}
