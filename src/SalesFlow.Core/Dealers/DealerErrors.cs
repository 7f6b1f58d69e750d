using SalesFlow.Core.Common;

namespace SalesFlow.Core.Dealers;

public static class DealerErrors
{
    public static readonly Error AssessmentRequired =
        Error.Rule("dealer.assessmentRequired", "The contract can be renewed only after this period's yearly assessment.");

    public static readonly Error AssessmentFailed =
        Error.Rule("dealer.assessmentFailed", "The dealer failed its yearly assessment; the contract cannot be renewed.");

    public static readonly Error NoDepositToRefund =
        Error.Rule("dealer.noDepositToRefund", "There is no received deposit left to refund.");

    public static readonly Error TerritoryRequired =
        Error.Rule("dealer.territoryRequired", "A contract needs at least one territory.");

    public static Error NotFound(Guid id) => Error.NotFound("Dealer", id);

    public static Error NotTrading(DealerStatus status) =>
        Error.Rule("dealer.notTrading", $"The dealer is {status}; only an active dealer can order.", ("dealerStatus", status.ToString()));

    /// <summary>409: the step does not fit the dealer's current status.</summary>
    public static Error WrongStatus(DealerStatus status, string expected) =>
        Error.Conflict("dealer.wrongStatus", $"The dealer is {status}; this step needs {expected}.", ("dealerStatus", status.ToString()), ("expected", expected));

    public static Error TerritoryOverlap(string dealerCode, string dealerName, string province, string? city) =>
        Error.Rule(
            "territory.overlap",
            $"{province}{city} is already claimed exclusively by {dealerCode} {dealerName} in an overlapping period.",
            ("dealerCode", dealerCode), ("dealerName", dealerName), ("province", province), ("city", city ?? ""));

    public static Error TerritoryNotFound(Guid id) => Error.NotFound("DealerTerritory", id);

    public static readonly Error TerritoryAlreadyEnded =
        Error.Conflict("territory.alreadyEnded", "The territory has already ended on or before that day.");

    public static readonly Error TerritoryEndBeforeStart =
        Error.Rule("territory.endBeforeStart", "A territory cannot end before it starts.");
}
