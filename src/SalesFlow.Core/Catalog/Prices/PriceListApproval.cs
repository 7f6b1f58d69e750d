using System.Globalization;
using Microsoft.EntityFrameworkCore;
using SalesFlow.Core.Approvals;
using SalesFlow.Core.Common;
using SalesFlow.Core.Customers;
using SalesFlow.Core.Data;

namespace SalesFlow.Core.Catalog.Prices;

/// <summary>The biggest price change of a list against the active list it replaces (same segment), in percent of the old price.</summary>
public sealed record PriceChange(string ReplacedCode, string Sku, decimal OldPrice, decimal NewPrice, decimal Percent);

/// <summary>
/// Price changes go through the one approvals engine (PRODUCT.md §2, issue 4): submitting a list asks for approval up
/// the submitter's chain to the director (a price list always ends at the director); the inbox shows the list's code,
/// segment, number of prices and the biggest change against the list it replaces. A director submitting is the
/// approver themself: the list is active at once, as a quote within the submitter's authority is approved at once.
/// </summary>
public static class PriceListApproval
{
    /// <summary>Asks for approval of a draft (or activates it for a director); on the caller's context, the caller saves.</summary>
    public static async Task<Result<ApprovalRequest?>> SubmitAsync(SalesFlowDbContext db, Actor actor, PriceList list, CancellationToken ct)
    {
        if (list.Status != PriceListStatus.Draft)
        {
            return CatalogErrors.WrongStatus(list.Status);
        }

        var items = await db.PriceListItems.AsNoTracking().Where(i => i.PriceListId == list.Id).ToListAsync(ct);
        if (items.Count == 0)
        {
            return CatalogErrors.Empty;
        }

        if (ApprovalLevels.LevelOf(actor.Roles) >= ApprovalLevels.LevelOf([Roles.Director]))
        {
            var activated = list.ActivateByDirector();
            return activated.IsSuccess ? (ApprovalRequest?)null : activated.Error!;
        }

        var segment = await SegmentAsync(db, list, ct);
        var change = await BiggestChangeAsync(db, list, items, ct);
        var title = Cut($"{list.Name} · {segment} · {items.Count} 项价格", ApprovalRequest.TitleMaxLength);
        var reason = string.Create(CultureInfo.InvariantCulture, $"{list.ValidFrom:yyyy-MM-dd} 起生效；{items.Count} 项价格") + (change is null
            ? "；无可对比的现行价格表"
            : string.Create(CultureInfo.InvariantCulture, $"；对比 {change.ReplacedCode}：最大调价 {change.Sku} {change.OldPrice:0.00} → {change.NewPrice:0.00}（{change.Percent:+0.0;-0.0;0.0}%）"));
        var request = await ApprovalEngine.RequestAsync(
            db, actor, new ApprovalSubject(PriceList.ApprovalKind, list.Id, list.Code, title), Roles.Director, null, null, reason, ct);
        if (!request.IsSuccess)
        {
            return request.Error!;
        }

        var waiting = list.AwaitApproval(request.Value!.Id);
        return waiting.IsSuccess ? request.Value : waiting.Error!;
    }

    /// <summary>The active list of the same segment (region, channel, customer group, dealer tier) that starts latest, not after this one.</summary>
    public static Task<PriceList?> ReplacedListAsync(SalesFlowDbContext db, PriceList list, CancellationToken ct) =>
        db.PriceLists.AsNoTracking()
            .Where(p => p.Id != list.Id && p.Status == PriceListStatus.Active && p.ValidFrom <= list.ValidFrom
                && p.RegionId == list.RegionId && p.Channel == list.Channel && p.CustomerGroup == list.CustomerGroup && p.DealerTier == list.DealerTier)
            .OrderByDescending(p => p.ValidFrom).ThenByDescending(p => p.CreatedAtUtc)
            .FirstOrDefaultAsync(ct);

    /// <summary>The price (same product and minimum quantity) that moved most in percent, or null when nothing compares.</summary>
    public static async Task<PriceChange?> BiggestChangeAsync(SalesFlowDbContext db, PriceList list, IReadOnlyList<PriceListItem> items, CancellationToken ct)
    {
        var replaced = await ReplacedListAsync(db, list, ct);
        if (replaced is null)
        {
            return null;
        }

        var old = await db.PriceListItems.AsNoTracking().Where(i => i.PriceListId == replaced.Id).ToListAsync(ct);
        var oldPrices = old.ToDictionary(i => (i.ProductId, i.MinQuantity), i => i.UnitPrice);
        var best = items
            .Where(i => oldPrices.TryGetValue((i.ProductId, i.MinQuantity), out var before) && before > 0)
            .Select(i => (Item: i, Before: oldPrices[(i.ProductId, i.MinQuantity)]))
            .Select(x => (x.Item, x.Before, Percent: decimal.Round((x.Item.UnitPrice - x.Before) * 100m / x.Before, 1, MidpointRounding.AwayFromZero)))
            .OrderByDescending(x => Math.Abs(x.Percent)).ThenBy(x => x.Item.ProductId)
            .Select(x => ((PriceListItem, decimal, decimal)?)(x.Item, x.Before, x.Percent))
            .FirstOrDefault();
        if (best is not { } found)
        {
            return null;
        }

        var sku = await db.Products.Where(p => p.Id == found.Item1.ProductId).Select(p => p.Sku).SingleAsync(ct);
        return new PriceChange(replaced.Code, sku, found.Item2, found.Item1.UnitPrice, found.Item3);
    }

    /// <summary>Who the list is for, in words (Chinese, as the inbox stores it): region, channel, customer group, dealer tier; 全国 when open.</summary>
    public static async Task<string> SegmentAsync(SalesFlowDbContext db, PriceList list, CancellationToken ct)
    {
        var parts = new List<string>();
        parts.Add(list.RegionId is { } region ? await db.OrgUnits.Where(u => u.Id == region).Select(u => u.Name).SingleAsync(ct) : "全国");
        if (list.Channel is { } channel)
        {
            parts.Add(channel switch { SalesChannel.Direct => "直销", SalesChannel.Dealer => "经销", _ => "电商" });
        }

        if (list.CustomerGroup is { } group)
        {
            parts.Add(group switch
            {
                CustomerType.Enterprise => "企业客户",
                CustomerType.Smb => "中小企业",
                CustomerType.Consumer => "个人客户",
                CustomerType.RetailStore => "零售门店",
                _ => "经销商",
            });
        }

        if (list.DealerTier is { } tier)
        {
            parts.Add(tier switch { DealerTier.Gold => "金牌", DealerTier.Silver => "银牌", _ => "铜牌" });
        }

        return string.Join("/", parts);
    }

    private static string Cut(string text, int max) => text.Length <= max ? text : text[..max];
}

/// <summary>The price list's side of the engine: approved → Active (from its valid-from day); rejected → Draft with the comment.</summary>
public sealed class PriceListApprovalSubject : IApprovalSubjectHandler
{
    public string Kind => PriceList.ApprovalKind;

    public async Task<Result> OnApprovedAsync(SalesFlowDbContext db, ApprovalRequest request, Actor actor, CancellationToken ct)
    {
        var list = await db.PriceLists.SingleAsync(p => p.Id == request.SubjectId, ct);
        return list.Approve();
    }

    public async Task<Result> OnRejectedAsync(SalesFlowDbContext db, ApprovalRequest request, Actor actor, CancellationToken ct)
    {
        var list = await db.PriceLists.SingleAsync(p => p.Id == request.SubjectId, ct);
        return list.ReturnToDraft(request.Steps.FirstOrDefault(s => s.Status == ApprovalStepStatus.Rejected)?.Comment);
    }
}
