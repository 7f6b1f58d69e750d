using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using SalesFlow.Core.Common;
using SalesFlow.Core.Customers;
using SalesFlow.Core.Data;
using SalesFlow.Core.Leads;
using SalesFlow.Core.Opportunities;

namespace SalesFlow.Core.FieldWork.Activities;

/// <summary>Creates (no <see cref="Id"/>) or edits an activity at the version the caller read.</summary>
public sealed record SaveActivity(
    [property: Required] ActivityType? Type,
    Guid? CustomerId,
    Guid? LeadId,
    Guid? OpportunityId,
    [property: Required, StringLength(Activity.SubjectMaxLength, MinimumLength = 1)] string Subject,
    [property: Required] DateTimeOffset? OccurredAtUtc,
    [property: StringLength(Activity.TextMaxLength)] string? Outcome = null,
    [property: StringLength(Activity.TextMaxLength)] string? NextStep = null,
    DateOnly? NextStepDue = null,
    Guid? OwnerId = null,
    Guid? Id = null,
    int? Version = null);

public sealed class SaveActivityHandler(IDbContextFactory<SalesFlowDbContext> dbFactory, ActivityQueries queries)
{
    public async Task<Result<ActivityRow>> HandleAsync(SaveActivity request, Actor actor, CancellationToken ct)
    {
        if (actor.Require(FieldWorkPermissions.Edit) is { } denied)
        {
            return denied;
        }

        if (RequestValidation.Check(request) is { } invalid)
        {
            return invalid;
        }

        await using var db = await dbFactory.OpenAsync(actor, ct);
        Activity activity;
        if (request.Id is { } id)
        {
            var found = await db.Activities.VisibleTo(actor).SingleOrDefaultAsync(a => a.Id == id && !a.IsDeleted, ct);
            if (found is null)
            {
                return FieldWorkErrors.NotFound("Activity", id);
            }

            if (request.Version is not { } version)
            {
                return Error.Invalid("version", "required");
            }

            if (found.Version != version)
            {
                return Error.StaleVersion("Activity", version, found.Version, (await queries.GetAsync(actor, id, ct)).Value);
            }

            if (request.OwnerId is { } owner && owner != found.OwnerId)
            {
                return Error.Invalid("ownerId", "changeThroughAction");
            }

            activity = found;
        }
        else
        {
            var owner = await RepOwner.ChooseAsync(db, actor, request.OwnerId, ct);
            if (!owner.IsSuccess)
            {
                return owner.Error!;
            }

            activity = new Activity(owner.Value!.EmployeeId, owner.Value.OrgUnitId);
            db.Activities.Add(activity);
        }

        if (await CheckLinksAsync(db, actor, request, ct) is { } badLink)
        {
            return badLink;
        }

        activity.Describe(
            request.Type!.Value, request.CustomerId, request.LeadId, request.OpportunityId, request.Subject.Trim(), request.OccurredAtUtc!.Value.UtcDateTime,
            Trim(request.Outcome), Trim(request.NextStep), request.NextStepDue);
        if (await db.SaveOrConflictAsync("Activity", ct) is { } conflict)
        {
            return conflict;
        }

        return await queries.GetAsync(actor, activity.Id, ct);
    }

    /// <summary>An activity is about a customer or a lead the caller can see.</summary>
    private static async Task<Error?> CheckLinksAsync(SalesFlowDbContext db, Actor actor, SaveActivity request, CancellationToken ct)
    {
        if (request.CustomerId is null && request.LeadId is null)
        {
            return Error.Invalid("customerId", "required");
        }

        if (request.CustomerId is { } customer && !await db.Customers.VisibleTo(actor).AnyAsync(c => c.Id == customer && !c.IsDeleted, ct))
        {
            return Error.Invalid("customerId", "notFound");
        }

        if (request.LeadId is { } lead && !await db.Leads.VisibleTo(actor).AnyAsync(l => l.Id == lead && !l.IsDeleted, ct))
        {
            return Error.Invalid("leadId", "notFound");
        }

        if (request.OpportunityId is { } opportunity)
        {
            var ofCustomer = await db.Opportunities.VisibleTo(actor).Where(o => o.Id == opportunity).Select(o => (Guid?)o.CustomerId).SingleOrDefaultAsync(ct);
            if (ofCustomer is null)
            {
                return Error.Invalid("opportunityId", "notFound");
            }

            if (ofCustomer != request.CustomerId)
            {
                return Error.Invalid("opportunityId", "notOfCustomer");
            }
        }

        return null;
    }

    private static string? Trim(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}

public sealed record DeleteActivity(Guid Id);

public sealed class DeleteActivityHandler(IDbContextFactory<SalesFlowDbContext> dbFactory)
{
    public async Task<Result> HandleAsync(DeleteActivity request, Actor actor, CancellationToken ct)
    {
        if (actor.Require(FieldWorkPermissions.Edit) is { } denied)
        {
            return denied;
        }

        await using var db = await dbFactory.OpenAsync(actor, ct);
        var activity = await db.Activities.VisibleTo(actor).SingleOrDefaultAsync(a => a.Id == request.Id && !a.IsDeleted, ct);
        if (activity is null)
        {
            return FieldWorkErrors.NotFound("Activity", request.Id);
        }

        activity.Delete();
        return await db.SaveOrConflictAsync("Activity", ct) is { } conflict ? conflict : Result.Ok();
    }
}
