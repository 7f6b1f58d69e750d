using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using SalesFlow.Core.Common;
using SalesFlow.Core.Data;

namespace SalesFlow.Core.Planning.Targets;

/// <summary>API.md: <c>POST /targets { period, measure, ownerType, ownerId, amount }</c>, optionally limited to a product line or product.</summary>
public sealed record CreateTarget(
    [property: Required, StringLength(Target.PeriodMaxLength, MinimumLength = 4)] string Period,
    [property: Required] TargetMeasure? Measure,
    [property: Required] TargetOwnerType? OwnerType,
    [property: Required] Guid? OwnerId,
    [property: Required, Range(typeof(decimal), "0", "1000000000000000")] decimal? Amount,
    [property: StringLength(Target.ProductLineMaxLength)] string? ProductLine = null,
    Guid? ProductId = null,
    [property: StringLength(Target.ReasonMaxLength)] string? Reason = null);

/// <summary>A target that is not a share of another one (the company's year target): the director's (<c>targets.set</c>).</summary>
public sealed class CreateTargetHandler(IDbContextFactory<SalesFlowDbContext> dbFactory, TargetQueries queries)
{
    public async Task<Result<TargetDetails>> HandleAsync(CreateTarget request, Actor actor, CancellationToken ct)
    {
        if (actor.Require(PlanningPermissions.SetTargets) is { } denied)
        {
            return denied;
        }

        if (RequestValidation.Check(request) is { } invalid)
        {
            return invalid;
        }

        if (!Planning.Period.TryParse(request.Period, out var period))
        {
            return Error.Invalid("period", "format");
        }

        var measure = request.Measure!.Value;
        if (TargetOwners.Refuses(request.OwnerType!.Value, measure) is { } refused)
        {
            return refused;
        }

        var line = request.ProductLine?.Trim() ?? "";
        if ((line.Length > 0 || request.ProductId is not null) && measure is not (TargetMeasure.Revenue or TargetMeasure.Quantity))
        {
            return Error.Invalid(line.Length > 0 ? "productLine" : "productId", "onlyForRevenueOrQuantity");
        }

        if (measure == TargetMeasure.Quantity && line.Length == 0 && request.ProductId is null)
        {
            return Error.Invalid("productLine", "required");
        }

        var amount = request.Amount!.Value;
        var decimals = TargetAllocation.DecimalsOf(measure);
        if (!TargetAllocation.HasAtMostDecimals(amount, decimals))
        {
            return Error.Invalid("amount", "decimals", ("max", decimals));
        }

        await using var db = await dbFactory.OpenAsync(actor, ct);
        if (request.ProductId is { } productId)
        {
            var productLine = await db.Products.Where(p => p.Id == productId).Select(p => p.ProductLine).SingleOrDefaultAsync(ct);
            if (productLine is null)
            {
                return Error.NotFound("Product", productId);
            }

            if (line.Length > 0 && line != productLine)
            {
                return Error.Invalid("productLine", "notOfProduct");
            }
        }

        var owner = await TargetOwners.FindVisibleAsync(db, actor, request.OwnerType!.Value, request.OwnerId!.Value, ct);
        if (owner is null)
        {
            return TargetErrors.OwnerNotFound(request.OwnerId!.Value);
        }

        var text = period.ToString();
        var productIdOrNull = request.ProductId;
        var existing = await db.Targets.Where(t => t.OwnerType == owner.Type && t.OwnerId == owner.Id && t.Period == text && t.Measure == measure
                && t.ProductLine == line && t.ProductId == productIdOrNull)
            .Select(t => (Guid?)t.Id).FirstOrDefaultAsync(ct);
        if (existing is { } duplicate)
        {
            return TargetErrors.Duplicate(duplicate);
        }

        var target = new Target(period, measure, line, request.ProductId, owner.Type, owner.Id, owner.OrgUnitId, amount);
        target.Note(string.IsNullOrWhiteSpace(request.Reason) ? null : request.Reason.Trim());
        db.Targets.Add(target);
        await db.SaveChangesAsync(ct);
        return await queries.GetAsync(actor, target.Id, ct);
    }
}
