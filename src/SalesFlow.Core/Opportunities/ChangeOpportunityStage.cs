using Microsoft.EntityFrameworkCore;
using SalesFlow.Core.Common;
using SalesFlow.Core.Data;

namespace SalesFlow.Core.Opportunities;

public enum OpportunityStep
{
    Move,
    Win,
    Lose,
    Reopen,
}

/// <summary>
/// The pipeline verbs: move to an open stage (named by id or code), win, lose (reason required), reopen to the stage
/// it was closed from.
/// </summary>
public sealed record ChangeOpportunityStage(
    Guid Id, OpportunityStep Step, int? Version, string? Stage = null, string? Reason = null, string? Competitor = null);

public sealed class ChangeOpportunityStageHandler(IDbContextFactory<SalesFlowDbContext> dbFactory, CompanyClock clock, OpportunityQueries queries)
{
    public async Task<Result<OpportunityDetails>> HandleAsync(ChangeOpportunityStage request, Actor actor, CancellationToken ct)
    {
        if (actor.Require(OpportunityPermissions.Edit) is { } denied)
        {
            return denied;
        }

        if (request.Version is not { } version)
        {
            return Error.Invalid("version", "required");
        }

        if (request.Step == OpportunityStep.Move && string.IsNullOrWhiteSpace(request.Stage))
        {
            return Error.Invalid("stage", "required");
        }

        if (request.Reason?.Length > Opportunity.ReasonMaxLength)
        {
            return Error.Invalid("reason", "maxLength", ("max", Opportunity.ReasonMaxLength));
        }

        if (request.Competitor?.Length > Opportunity.CompetitorMaxLength)
        {
            return Error.Invalid("competitor", "maxLength", ("max", Opportunity.CompetitorMaxLength));
        }

        await using var db = await dbFactory.OpenAsync(actor, ct);
        var loaded = await EditableOpportunity.LoadAsync(db, queries, actor, request.Id, version, withLines: false, ct);
        if (!loaded.IsSuccess)
        {
            return loaded.Error!;
        }

        var opportunity = loaded.Value!;
        var stage = request.Step switch
        {
            OpportunityStep.Move => await NamedAsync(db, request.Stage!.Trim(), ct),
            OpportunityStep.Win => await OpportunityStages.OfKindAsync(db, StageKind.Won, ct),
            OpportunityStep.Lose => await OpportunityStages.OfKindAsync(db, StageKind.Lost, ct),
            OpportunityStep.Reopen => await StageBeforeCloseAsync(db, opportunity, ct),
        };
        if (stage is null)
        {
            return Error.Invalid("stage", "notFound");
        }

        var now = clock.UtcNow;
        var changed = request.Step switch
        {
            OpportunityStep.Move => opportunity.Move(stage, now, actor.UserName),
            OpportunityStep.Win => opportunity.Win(stage, request.Reason, now, actor.UserName),
            OpportunityStep.Lose => opportunity.Lose(stage, request.Reason, request.Competitor, now, actor.UserName),
            OpportunityStep.Reopen => opportunity.Reopen(stage, now, actor.UserName),
        };
        if (!changed.IsSuccess)
        {
            return changed.Error!;
        }

        if (await db.SaveOrConflictAsync("Opportunity", ct) is { } conflict)
        {
            return conflict;
        }

        return await queries.GetAsync(actor, opportunity.Id, ct);
    }

    private static Task<OpportunityStage?> NamedAsync(SalesFlowDbContext db, string stage, CancellationToken ct) =>
        Guid.TryParse(stage, out var id)
            ? db.OpportunityStages.SingleOrDefaultAsync(s => s.Id == id, ct)
            : db.OpportunityStages.SingleOrDefaultAsync(s => s.Code == stage, ct);

    // The open stage the deal was closed from, if still active; otherwise the first open stage.
    private static async Task<OpportunityStage?> StageBeforeCloseAsync(SalesFlowDbContext db, Opportunity opportunity, CancellationToken ct)
    {
        var before = await db.OpportunityStageChanges.Where(c => c.OpportunityId == opportunity.Id && c.ToStageId == opportunity.StageId)
            .OrderByDescending(c => c.AtUtc).Select(c => c.FromStageId).FirstOrDefaultAsync(ct);
        var stage = before is null ? null : await db.OpportunityStages.SingleOrDefaultAsync(s => s.Id == before && s.Kind == StageKind.Open && s.IsActive, ct);
        return stage ?? await OpportunityStages.FirstOpenAsync(db, ct);
    }
}
