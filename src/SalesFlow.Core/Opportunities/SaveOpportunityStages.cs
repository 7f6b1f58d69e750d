using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using SalesFlow.Core.Common;
using SalesFlow.Core.Data;

namespace SalesFlow.Core.Opportunities;

public sealed record StageRow(
    Guid Id, string Code, string NameZh, string NameEn, int SortOrder, int DefaultProbability, StageKind Kind, bool IsActive, int Version);

/// <summary>One stage as edited: with an id it changes that stage (at its version), without one it adds an open stage.</summary>
public sealed record StageInput(
    Guid? Id,
    [property: Required, StringLength(OpportunityStage.CodeMaxLength, MinimumLength = 1), RegularExpression("^[A-Za-z][A-Za-z0-9_-]*$")] string Code,
    [property: Required, StringLength(OpportunityStage.NameMaxLength, MinimumLength = 1)] string NameZh,
    [property: Required, StringLength(OpportunityStage.NameMaxLength, MinimumLength = 1)] string NameEn,
    [property: Required] int? SortOrder,
    [property: Required, Range(0, 100)] int? DefaultProbability,
    bool IsActive = true,
    int? Version = null);

public sealed record SaveOpportunityStages(IReadOnlyList<StageInput> Stages);

public sealed class OpportunityStageQueries(IDbContextFactory<SalesFlowDbContext> dbFactory)
{
    public async Task<Result<IReadOnlyList<StageRow>>> ListAsync(Actor actor, CancellationToken ct)
    {
        if (actor.Require(OpportunityPermissions.View) is { } denied)
        {
            return denied;
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.OpportunityStages.AsNoTracking().OrderBy(s => s.SortOrder).ThenBy(s => s.Id)
            .Select(s => new StageRow(s.Id, s.Code, s.NameZh, s.NameEn, s.SortOrder, s.DefaultProbability, s.Kind, s.IsActive, s.Version))
            .ToListAsync(ct);
    }
}

/// <summary>
/// Directors and sales ops edit the pipeline: names, order and default probability of every stage, and new open
/// stages. Stages are never deleted (history points at them); an open stage is switched off instead.
/// </summary>
public sealed class SaveOpportunityStagesHandler(IDbContextFactory<SalesFlowDbContext> dbFactory, OpportunityStageQueries queries)
{
    public async Task<Result<IReadOnlyList<StageRow>>> HandleAsync(SaveOpportunityStages request, Actor actor, CancellationToken ct)
    {
        if (actor.Require(OpportunityPermissions.ManageStages) is { } denied)
        {
            return denied;
        }

        for (var i = 0; i < request.Stages.Count; i++)
        {
            if (RequestValidation.Check(request.Stages[i]) is { Fields: { Count: > 0 } fields })
            {
                return Error.Invalid($"stages[{i}].{fields[0].Field}", fields[0].Rule, [.. (fields[0].Args ?? new Dictionary<string, object?>()).Select(a => (a.Key, a.Value))]);
            }
        }

        await using var db = await dbFactory.OpenAsync(actor, ct);
        var stages = await db.OpportunityStages.ToDictionaryAsync(s => s.Id, ct);
        foreach (var input in request.Stages)
        {
            var stage = input.Id is { } id ? stages.GetValueOrDefault(id) : null;
            if (input.Id is { } missing && stage is null)
            {
                return OpportunityErrors.StageNotFound(missing);
            }

            if (stage is null)
            {
                if (stages.Values.Any(s => string.Equals(s.Code, input.Code, StringComparison.OrdinalIgnoreCase)))
                {
                    return Error.Rule("opportunity.stageCodeTaken", "Another stage already has this code.", ("code", input.Code));
                }

                stage = new OpportunityStage(input.Code.Trim(), input.NameZh.Trim(), input.NameEn.Trim(), input.SortOrder!.Value, input.DefaultProbability!.Value, StageKind.Open);
                stages[stage.Id] = stage;
                db.OpportunityStages.Add(stage);
                if (!input.IsActive)
                {
                    stage.Update(stage.NameZh, stage.NameEn, stage.SortOrder, stage.DefaultProbability, false);
                }

                continue;
            }

            if (input.Version != stage.Version)
            {
                return Error.StaleVersion("OpportunityStage", input.Version ?? 0, stage.Version, (await queries.ListAsync(actor, ct)).Value);
            }

            var updated = stage.Update(input.NameZh.Trim(), input.NameEn.Trim(), input.SortOrder!.Value, input.DefaultProbability!.Value, input.IsActive);
            if (!updated.IsSuccess)
            {
                return updated.Error!;
            }
        }

        if (await db.SaveOrConflictAsync("OpportunityStage", ct) is { } conflict)
        {
            return conflict;
        }

        return await queries.ListAsync(actor, ct);
    }
}
