using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using SalesFlow.Core.Common;
using SalesFlow.Core.Data;

namespace SalesFlow.Core.Planning.Targets;

public sealed record SplitChildInput(TargetOwnerType? OwnerType, Guid? OwnerId, decimal? Amount = null);

/// <summary>
/// API.md: <c>POST /targets/{id}/split { method, children: [{ ownerType, ownerId, amount }] }</c>. Amounts are read
/// for Manual only; without children the owner's next level in the org tree is used.
/// </summary>
public sealed record SplitTarget(
    Guid Id,
    [property: Required] SplitMethod? Method,
    IReadOnlyList<SplitChildInput>? Children = null,
    [property: StringLength(Target.ReasonMaxLength)] string? Reason = null,
    int? Version = null);

public sealed record SplitChildResult(Guid Id, TargetOwnerType OwnerType, Guid OwnerId, string OwnerName, decimal Amount);

public sealed record SplitResult(IReadOnlyList<SplitChildResult> Children);

/// <summary>One share a split would make; <see cref="Weight"/> is last year's actual for LastYearShare, 1 for Equal.</summary>
public sealed record ProposedShare(TargetOwnerType OwnerType, Guid OwnerId, string OwnerName, Guid OrgUnitId, decimal Weight, decimal Amount, Guid? ExistingId);

public sealed record SplitProposal(Guid TargetId, SplitMethod Method, decimal Amount, int Decimals, IReadOnlyList<ProposedShare> Children);

public sealed class SplitTargetHandler(IDbContextFactory<SalesFlowDbContext> dbFactory, TargetQueries queries, TargetWeights weights)
{
    public const int MaxChildren = 500;

    /// <summary>The shares a split would make, for the UI to prefill; writes nothing.</summary>
    public async Task<Result<SplitProposal>> ProposeAsync(Guid id, SplitMethod method, Actor actor, CancellationToken ct)
    {
        if (actor.Require(PlanningPermissions.ViewTargets) is { } denied)
        {
            return denied;
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var target = await db.Targets.AsNoTracking().VisibleTo(actor).SingleOrDefaultAsync(t => t.Id == id, ct);
        if (target is null)
        {
            return TargetErrors.NotFound(id);
        }

        // A proposal for Manual starts from the current shares, or equal ones.
        var planned = await PlanAsync(db, target, method == SplitMethod.Manual ? SplitMethod.Equal : method, null, ct);
        if (!planned.IsSuccess)
        {
            return planned.Error!;
        }

        return new SplitProposal(target.Id, method, target.Amount, TargetAllocation.DecimalsOf(target.Measure), planned.Value!);
    }

    public async Task<Result<SplitResult>> HandleAsync(SplitTarget request, Actor actor, CancellationToken ct)
    {
        if (actor.Require(PlanningPermissions.SplitTargets) is { } denied)
        {
            return denied;
        }

        if (RequestValidation.Check(request) is { } invalid)
        {
            return invalid;
        }

        if (request.Children is { Count: > MaxChildren })
        {
            return Error.Invalid("children", "maxLength", ("max", MaxChildren));
        }

        await using var db = await dbFactory.OpenAsync(actor, ct);
        var loaded = await EditableTarget.LoadAsync(db, queries, actor, request.Id, request.Version, ct);
        if (!loaded.IsSuccess)
        {
            return loaded.Error!;
        }

        var parent = loaded.Value!;
        if (parent.CanDivide() is { IsSuccess: false } locked)
        {
            return locked.Error!;
        }

        var planned = await PlanAsync(db, parent, request.Method!.Value, request.Children, ct);
        if (!planned.IsSuccess)
        {
            return planned.Error!;
        }

        var shares = planned.Value!;
        var reason = string.IsNullOrWhiteSpace(request.Reason) ? null : request.Reason.Trim();
        var existing = await db.Targets.Where(c => c.ParentId == parent.Id && c.Origin == TargetOrigin.Split).ToListAsync(ct);
        var wanted = shares.ToDictionary(s => s.OwnerId);
        var touched = existing.Where(c => !wanted.TryGetValue(c.OwnerId, out var share) || share.Amount != c.Amount).ToList();
        if (touched.Count > 0)
        {
            var touchedIds = touched.Select(c => (Guid?)c.Id).ToList();
            var divided = await db.Targets.Where(g => touchedIds.Contains(g.ParentId)).Select(g => g.ParentId).Distinct().ToListAsync(ct);
            if (touched.FirstOrDefault(c => c.IsLocked || divided.Contains(c.Id)) is { } inUse)
            {
                return TargetErrors.ChildInUse(await TargetQueries.OwnerNameAsync(db, inUse.OwnerType, inUse.OwnerId, ct));
            }
        }

        var keptOwners = existing.Select(c => c.OwnerId).ToHashSet();
        var newOwners = shares.Where(s => !keptOwners.Contains(s.OwnerId)).Select(s => s.OwnerId).ToList();
        if (newOwners.Count > 0)
        {
            var period = parent.Period;
            var measure = parent.Measure;
            var line = parent.ProductLine;
            var product = parent.ProductId;
            var parentId = parent.Id;
            var clash = await db.Targets.Where(t => newOwners.Contains(t.OwnerId) && t.Period == period && t.Measure == measure
                    && t.ProductLine == line && t.ProductId == product && !(t.ParentId == parentId && t.Origin == TargetOrigin.Split))
                .Select(t => (Guid?)t.Id).FirstOrDefaultAsync(ct);
            if (clash is { } duplicate)
            {
                return TargetErrors.Duplicate(duplicate);
            }
        }

        var result = new List<SplitChildResult>(shares.Count);
        foreach (var share in shares)
        {
            var child = existing.FirstOrDefault(c => c.OwnerId == share.OwnerId);
            if (child is null)
            {
                child = parent.ChildFor(TargetOrigin.Split, parent.PeriodValue, share.OwnerType, share.OwnerId, share.OrgUnitId, share.Amount, reason);
                db.Targets.Add(child);
            }
            else
            {
                child.TakeShare(share.Amount, reason);
            }

            result.Add(new SplitChildResult(child.Id, share.OwnerType, share.OwnerId, share.OwnerName, share.Amount));
        }

        db.Targets.RemoveRange(existing.Where(c => !wanted.ContainsKey(c.OwnerId)));
        parent.MarkSplit(request.Method!.Value, reason);
        if (await db.SaveOrConflictAsync("Target", ct) is { } conflict)
        {
            return conflict;
        }

        return new SplitResult(result);
    }

    /// <summary>The owners and amounts of a split of <paramref name="parent"/>: every rule but the ones about existing shares.</summary>
    private async Task<Result<IReadOnlyList<ProposedShare>>> PlanAsync(
        SalesFlowDbContext db, Target parent, SplitMethod method, IReadOnlyList<SplitChildInput>? inputs, CancellationToken ct)
    {
        if (parent.OwnerType == TargetOwnerType.Store)
        {
            return TargetErrors.OwnerTypeNotAvailable;
        }

        var parentOwner = await TargetOwners.OfAsync(db, parent, ct);
        List<TargetOwner> owners;
        if (inputs is null)
        {
            owners = await TargetOwners.DefaultChildrenAsync(db, parentOwner, ct);
            if (owners.Count == 0)
            {
                return TargetErrors.NoChildren;
            }
        }
        else
        {
            if (inputs.Count == 0)
            {
                return Error.Invalid("children", "required");
            }

            for (var i = 0; i < inputs.Count; i++)
            {
                if (inputs[i].OwnerType is null || inputs[i].OwnerId is null)
                {
                    return Error.Invalid($"children[{i}].{(inputs[i].OwnerType is null ? "ownerType" : "ownerId")}", "required");
                }

                if (TargetOwners.Refuses(inputs[i].OwnerType!.Value, parent.Measure) is { } refused)
                {
                    return refused;
                }

                if (method == SplitMethod.Manual && inputs[i].Amount is null)
                {
                    return Error.Invalid($"children[{i}].amount", "required");
                }
            }

            if (inputs.Select(c => c.OwnerId).Distinct().Count() != inputs.Count)
            {
                return Error.Invalid("children", "duplicate");
            }

            var below = await TargetOwners.BelowAsync(db, parentOwner, [.. inputs.Select(c => (c.OwnerType!.Value, c.OwnerId!.Value))], ct);
            if (!below.IsSuccess)
            {
                return below.Error!;
            }

            owners = below.Value!;
        }

        var decimals = TargetAllocation.DecimalsOf(parent.Measure);
        IReadOnlyList<decimal> weightList;
        IReadOnlyList<decimal> amounts;
        switch (method)
        {
            case SplitMethod.Manual:
                amounts = [.. inputs!.Select(c => c.Amount!.Value)];
                if (TargetAllocation.CheckManual(parent.Amount, amounts, decimals) is { } mismatch)
                {
                    return mismatch;
                }

                weightList = amounts;
                break;
            case SplitMethod.LastYearShare:
                weightList = await weights.SharesAsync(db, parent, parentOwner, owners, ct);
                var byShare = TargetAllocation.ByWeights(parent.Amount, weightList, decimals);
                if (!byShare.IsSuccess)
                {
                    return byShare.Error!;
                }

                amounts = byShare.Value!;
                break;
            default:
                weightList = [.. owners.Select(_ => 1m)];
                var equal = TargetAllocation.ByWeights(parent.Amount, weightList, decimals);
                if (!equal.IsSuccess)
                {
                    return equal.Error!;
                }

                amounts = equal.Value!;
                break;
        }

        var parentId = parent.Id;
        var existing = await db.Targets.AsNoTracking().Where(c => c.ParentId == parentId && c.Origin == TargetOrigin.Split)
            .Select(c => new { c.OwnerId, c.Id }).ToDictionaryAsync(c => c.OwnerId, c => c.Id, ct);
        return owners.Select((o, i) => new ProposedShare(o.Type, o.Id, o.Name, o.OrgUnitId, weightList[i], amounts[i], existing.TryGetValue(o.Id, out var id) ? id : null)).ToList();
    }
}
