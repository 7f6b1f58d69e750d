using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using SalesFlow.Core.Common;
using SalesFlow.Core.Data;

namespace SalesFlow.Core.Planning.Targets;

/// <summary>
/// <c>POST /targets/{id}/phase { into: "Quarter" | "Month", method, amounts }</c>: a year into quarters or months, a
/// quarter into months, for the same owner. Amounts (one per period, in order) are read for Manual only.
/// </summary>
public sealed record PhaseTarget(
    Guid Id,
    [property: Required] PeriodKind? Into,
    [property: Required] PhasingMethod? Method,
    IReadOnlyList<decimal>? Amounts = null,
    [property: StringLength(Target.ReasonMaxLength)] string? Reason = null,
    int? Version = null);

public sealed record PhaseRow(Guid Id, string Period, decimal Amount);

public sealed record PhaseResult(IReadOnlyList<PhaseRow> Periods);

public sealed class PhaseTargetHandler(IDbContextFactory<SalesFlowDbContext> dbFactory, TargetQueries queries, TargetWeights weights)
{
    public async Task<Result<PhaseResult>> HandleAsync(PhaseTarget request, Actor actor, CancellationToken ct)
    {
        if (actor.Require(PlanningPermissions.SplitTargets) is { } denied)
        {
            return denied;
        }

        if (RequestValidation.Check(request) is { } invalid)
        {
            return invalid;
        }

        await using var db = await dbFactory.OpenAsync(actor, ct);
        var loaded = await EditableTarget.LoadAsync(db, queries, actor, request.Id, request.Version, ct);
        if (!loaded.IsSuccess)
        {
            return loaded.Error!;
        }

        var target = loaded.Value!;
        if (target.CanDivide() is { IsSuccess: false } locked)
        {
            return locked.Error!;
        }

        if (TargetOwners.Refuses(target.OwnerType, target.Measure) is { } refused)
        {
            return refused;
        }

        var into = request.Into!.Value;
        var period = target.PeriodValue;
        if (!(period.Kind == PeriodKind.Year && into is PeriodKind.Quarter or PeriodKind.Month) && !(period.Kind == PeriodKind.Quarter && into == PeriodKind.Month))
        {
            return Error.Invalid("into", "notSmallerPeriod", ("period", target.Period));
        }

        var periods = period.Children(into);
        var decimals = TargetAllocation.DecimalsOf(target.Measure);
        var method = request.Method!.Value;
        var amounts = await AmountsAsync(db, target, periods, method, request.Amounts, decimals, ct);
        if (!amounts.IsSuccess)
        {
            return amounts.Error!;
        }

        var reason = string.IsNullOrWhiteSpace(request.Reason) ? null : request.Reason.Trim();
        var existing = await db.Targets.Where(c => c.ParentId == target.Id && c.Origin == TargetOrigin.Phased).ToListAsync(ct);
        var wanted = periods.Select((p, i) => (Text: p.ToString(), Amount: amounts.Value![i])).ToDictionary(p => p.Text, p => p.Amount);
        var touched = existing.Where(c => !wanted.TryGetValue(c.Period, out var amount) || amount != c.Amount).ToList();
        if (touched.Count > 0)
        {
            var touchedIds = touched.Select(c => (Guid?)c.Id).ToList();
            var divided = await db.Targets.Where(g => touchedIds.Contains(g.ParentId)).Select(g => g.ParentId).Distinct().ToListAsync(ct);
            if (touched.FirstOrDefault(c => c.IsLocked || divided.Contains(c.Id)) is { } inUse)
            {
                return TargetErrors.ChildInUse(inUse.Period);
            }
        }

        var kept = existing.Select(c => c.Period).ToHashSet();
        var newPeriods = wanted.Keys.Where(p => !kept.Contains(p)).ToList();
        if (newPeriods.Count > 0)
        {
            var (ownerType, ownerId, measure, line, product, targetId) = (target.OwnerType, target.OwnerId, target.Measure, target.ProductLine, target.ProductId, target.Id);
            var clash = await db.Targets.Where(t => t.OwnerType == ownerType && t.OwnerId == ownerId && newPeriods.Contains(t.Period) && t.Measure == measure
                    && t.ProductLine == line && t.ProductId == product && !(t.ParentId == targetId && t.Origin == TargetOrigin.Phased))
                .Select(t => (Guid?)t.Id).FirstOrDefaultAsync(ct);
            if (clash is { } duplicate)
            {
                return TargetErrors.Duplicate(duplicate);
            }
        }

        var rows = new List<PhaseRow>(periods.Count);
        foreach (var child in periods)
        {
            var text = child.ToString();
            var phase = existing.FirstOrDefault(c => c.Period == text);
            if (phase is null)
            {
                phase = target.ChildFor(TargetOrigin.Phased, child, target.OwnerType, target.OwnerId, target.OrgUnitId, wanted[text], reason);
                db.Targets.Add(phase);
            }
            else
            {
                phase.TakeShare(wanted[text], reason);
            }

            rows.Add(new PhaseRow(phase.Id, text, wanted[text]));
        }

        db.Targets.RemoveRange(existing.Where(c => !wanted.ContainsKey(c.Period)));
        target.MarkPhased(method, reason);
        if (await db.SaveOrConflictAsync("Target", ct) is { } conflict)
        {
            return conflict;
        }

        return new PhaseResult(rows);
    }

    private async Task<Result<IReadOnlyList<decimal>>> AmountsAsync(
        SalesFlowDbContext db, Target target, IReadOnlyList<Period> periods, PhasingMethod method, IReadOnlyList<decimal>? amounts, int decimals, CancellationToken ct)
    {
        switch (method)
        {
            case PhasingMethod.Manual:
                if (amounts is null || amounts.Count != periods.Count)
                {
                    return Error.Invalid("amounts", "count", ("count", periods.Count));
                }

                return TargetAllocation.CheckManual(target.Amount, amounts, decimals, "amounts") is { } mismatch ? mismatch : Result.Ok(amounts);
            case PhasingMethod.LastYearSeasonality:
                var owner = await TargetOwners.OfAsync(db, target, ct);
                return TargetAllocation.ByWeights(target.Amount, await weights.SeasonalityAsync(db, target, owner, periods, ct), decimals);
            default:
                return TargetAllocation.Equal(target.Amount, periods.Count, decimals);
        }
    }
}
