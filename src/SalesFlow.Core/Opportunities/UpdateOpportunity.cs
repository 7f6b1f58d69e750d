using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using SalesFlow.Core.Common;
using SalesFlow.Core.Data;

namespace SalesFlow.Core.Opportunities;

/// <summary>
/// Edits the details and lines. Stage and status change only through the verbs; the owner and customer stay.
/// A probability sent unchanged keeps the stage's default, a different one overrides it.
/// </summary>
public sealed record UpdateOpportunity(
    Guid Id,
    [property: Required, StringLength(Opportunity.NameMaxLength, MinimumLength = 1)] string Name,
    Guid? ContactId,
    [property: Range(typeof(decimal), "0", "1000000000000")] decimal? Amount,
    [property: Range(0, 100)] int? Probability,
    [property: Required] DateOnly? ExpectedCloseDate,
    IReadOnlyList<OpportunityLineInput>? Lines,
    [property: Required] int? Version,
    Guid? CustomerId = null,
    Guid? OwnerId = null,
    Guid? StageId = null,
    OpportunityStatus? Status = null);

public sealed class UpdateOpportunityHandler(IDbContextFactory<SalesFlowDbContext> dbFactory, OpportunityQueries queries)
{
    public async Task<Result<OpportunityDetails>> HandleAsync(UpdateOpportunity request, Actor actor, CancellationToken ct)
    {
        if (actor.Require(OpportunityPermissions.Edit) is { } denied)
        {
            return denied;
        }

        if ((RequestValidation.Check(request) ?? OpportunityLines.Check(request.Lines)) is { } invalid)
        {
            return invalid;
        }

        await using var db = await dbFactory.OpenAsync(actor, ct);
        var loaded = await EditableOpportunity.LoadAsync(db, queries, actor, request.Id, request.Version!.Value, withLines: true, ct);
        if (!loaded.IsSuccess)
        {
            return loaded.Error!;
        }

        var opportunity = loaded.Value!;
        if (ChangedThroughAction(request, opportunity) is { } refused)
        {
            return Error.Invalid(refused, "changeThroughAction");
        }

        if (request.ContactId is { } contactId && contactId != opportunity.ContactId
            && !await db.Contacts.AnyAsync(k => k.Id == contactId && k.CustomerId == opportunity.CustomerId && !k.IsDeleted, ct))
        {
            return OpportunityErrors.ContactNotOfCustomer;
        }

        opportunity.UpdateDetails(request.Name.Trim(), request.ContactId, request.ExpectedCloseDate!.Value);
        if (request.Probability is { } probability && probability != opportunity.Probability)
        {
            opportunity.OverrideProbability(probability);
        }

        opportunity.SetLines(OpportunityLines.From(request.Lines), request.Amount ?? opportunity.Amount);
        if (await db.SaveOrConflictAsync("Opportunity", ct) is { } conflict)
        {
            return conflict;
        }

        return await queries.GetAsync(actor, opportunity.Id, ct);
    }

    // API.md: fields the edit may not change are refused when changed, accepted when sent back as read.
    private static string? ChangedThroughAction(UpdateOpportunity request, Opportunity opportunity) =>
        request.CustomerId is { } customer && customer != opportunity.CustomerId ? "customerId"
        : request.OwnerId is { } owner && owner != opportunity.OwnerId ? "ownerId"
        : request.StageId is { } stage && stage != opportunity.StageId ? "stageId"
        : request.Status is { } status && status != opportunity.Status ? "status"
        : null;
}
