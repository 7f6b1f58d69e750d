using SalesFlow.Core.Common;
using SalesFlow.Core.Data;
using SalesFlow.Core.FieldWork.Visits;

namespace SalesFlow.Core.Stores;

/// <summary>What the visitor found in the store at a store visit's check-out (终端检查), given by the visit's check-out request.</summary>
public sealed record StoreCheckInput(
    bool? ShelfDisplayOk, bool? StockOk, bool? PriceOk, int? StaffAsked, int? StaffRecommending, IReadOnlyList<string>? MissingLines, string? Notes);

/// <summary>
/// One check of a retail store, written by the check-out of a store visit (one per visit, never edited): shelf display,
/// stock against the class's distribution standard (the product lines missing), price, and how many shop assistants were
/// asked and how many recommend our product — the 店员主推率 is Σ recommending ÷ Σ asked over the checks counted.
/// </summary>
public sealed class StoreCheck : IHasId, IAudited
{
    public const int LineMaxLength = 50;

    private StoreCheck()
    {
    }

    public Guid Id { get; private set; }

    public Guid VisitId { get; private set; }

    public Guid StoreId { get; private set; }

    public Guid? DealerId { get; private set; }

    /// <summary>Who checked (the visit's owner: area manager or dealer staff).</summary>
    public Guid OwnerId { get; private set; }

    public Guid OrgUnitId { get; private set; }

    /// <summary>The company-local date of the visit.</summary>
    public DateOnly Date { get; private set; }

    public bool ShelfDisplayOk { get; private set; }

    /// <summary>False when any product line of the standard is missing or the visitor found the stock short.</summary>
    public bool StockOk { get; private set; }

    public bool PriceOk { get; private set; }

    public int StaffAsked { get; private set; }

    public int StaffRecommending { get; private set; }

    /// <summary>The product lines of the class's distribution standard the store did not carry.</summary>
    public List<string> MissingLines { get; private set; } = [];

    public string? Notes { get; private set; }

    public DateTime CreatedAtUtc { get; private set; }

    public string CreatedBy { get; private set; } = "";

    public DateTime UpdatedAtUtc { get; private set; }

    public string UpdatedBy { get; private set; } = "";

    /// <summary>
    /// The one rule of a store check: shelf, stock and price must be answered; missing lines must belong to the store
    /// class's standard; recommending cannot exceed asked; a missing line means the stock is not ok.
    /// </summary>
    public static Result<StoreCheck> Record(
        Guid visitId, Guid ownerId, Guid orgUnitId, DateOnly date, Store store, IReadOnlyList<string> standard, StoreCheckInput input)
    {
        if (input.ShelfDisplayOk is null)
        {
            return Error.Invalid("shelfDisplayOk", "required");
        }

        if (input.PriceOk is null)
        {
            return Error.Invalid("priceOk", "required");
        }

        var asked = input.StaffAsked ?? 0;
        var recommending = input.StaffRecommending ?? 0;
        if (asked < 0)
        {
            return Error.Invalid("staffAsked", "range", ("min", 0));
        }

        if (recommending < 0)
        {
            return Error.Invalid("staffRecommending", "range", ("min", 0));
        }

        if (recommending > asked)
        {
            return StoreErrors.RecommendingAboveAsked(recommending, asked);
        }

        var missing = (input.MissingLines ?? []).Where(l => !string.IsNullOrWhiteSpace(l)).Select(l => l.Trim()).Distinct().ToList();
        if (missing.FirstOrDefault(l => !standard.Contains(l)) is { } stranger)
        {
            return StoreErrors.LineNotInStandard(stranger, store.Class);
        }

        if (!store.IsActive)
        {
            return StoreErrors.Closed;
        }

        return new StoreCheck
        {
            Id = Guid.CreateVersion7(),
            VisitId = visitId,
            StoreId = store.Id,
            DealerId = store.DealerId,
            OwnerId = ownerId,
            OrgUnitId = orgUnitId,
            Date = date,
            ShelfDisplayOk = input.ShelfDisplayOk.Value,
            StockOk = missing.Count == 0 && (input.StockOk ?? true),
            PriceOk = input.PriceOk.Value,
            StaffAsked = asked,
            StaffRecommending = recommending,
            MissingLines = missing,
            Notes = string.IsNullOrWhiteSpace(input.Notes) ? null : input.Notes.Trim(),
        };
    }

    /// <summary>店员主推率: recommending ÷ asked (4 places), null when nobody was asked.</summary>
    public static decimal? RecommendRate(int asked, int recommending) => VisitComplianceQueries.Ratio(asked, recommending);
}
