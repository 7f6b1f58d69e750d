using SalesFlow.Core.Catalog.Prices;
using SalesFlow.Core.Common;
using SalesFlow.Core.Dealers;
using SalesFlow.Core.Dealers.Applications;
using SalesFlow.Web.Api;

namespace SalesFlow.Web.Features.Dealers;

public sealed record DealerListQuery(string? Q, DealerStatus? Status, DealerTier? Tier, Guid? RegionId, string? Sort, string? Cursor, int? PageSize, bool? Count);

public sealed record TierChangeListQuery(TierChangeStatus? Status, string? Sort, string? Cursor, int? PageSize, bool? Count);

public sealed record ApplicationListQuery(string? Q, ApplicationStatus? Status, string? Sort, string? Cursor, int? PageSize, bool? Count);

/// <summary>PUT body: the details GET returned, edited; the other fields change only through the verbs and are ignored.</summary>
[AcceptsRepresentation(typeof(DealerDetails))]
public sealed record DealerBody(
    string Name, string? Address, string? ContactName, string? ContactMobile, string? LicenceNumber, decimal? RegisteredCapital, int? Version)
    : RepresentationBody;

public sealed record SignContractBody(
    DateOnly? ContractStart, DateOnly? ContractEnd, IReadOnlyList<string>? ProductScope, decimal? YearlyTarget, decimal? DepositAmount,
    IReadOnlyList<TerritoryInput>? Territories, int? Version);

public sealed record StepBody(int? Version, DateOnly? On = null, string? Reason = null, DealerAssessmentResult? Result = null, DateOnly? ContractEnd = null, decimal? YearlyTarget = null);

public sealed record TerritoryBody(string Province, string? City, bool? Exclusive, DateOnly? ValidFrom, DateOnly? ValidTo);

public sealed record EndTerritoryBody(DateOnly? On);

public sealed record TierChangeBody(DealerTier? ToTier, DateOnly? EffectiveOn, string Reason);

public sealed record TierDecisionBody(string? Note, int? Version);

public sealed record ScoreBody(IReadOnlyDictionary<string, int>? Scores, string? Note, int? Version);

public sealed record ApproveBody(DealerTier? Tier, int? Version);

public sealed record RejectBody(string Reason, int? Version);

internal static class DealerEndpoints
{
    public static RouteGroupBuilder MapDealerEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/dealers").WithTags("Dealers").RequireAuthorization(DealerPermissions.ViewFile);
        group.MapGet("/", async ([AsParameters] DealerListQuery query, Actor actor, DealerQueries queries, CancellationToken ct) =>
            (await queries.ListAsync(
                actor, new DealerFilter(query.Q, query.Status, query.Tier, query.RegionId),
                new PageRequest(query.Sort, query.Cursor, query.PageSize ?? 50, query.Count ?? true), ct)).ToOk()).WithName("ListDealers");
        group.MapGet("/{id:guid}", async (Guid id, Actor actor, DealerQueries queries, CancellationToken ct) =>
            (await queries.GetAsync(actor, id, ct)).ToOk()).WithName("GetDealer");
        group.MapPut("/{id:guid}", async (Guid id, DealerBody body, HttpRequest http, Actor actor, DealerQueries queries, DealerLifecycle lifecycle, CancellationToken ct) =>
            await Representation.RefuseChangedAsync(body, queries.GetAsync(actor, id, ct)) ?? (await lifecycle.UpdateAsync(
                new UpdateDealer(id, body.Name, body.Address, body.ContactName, body.ContactMobile, body.LicenceNumber, body.RegisteredCapital, Versions.From(http, body.Version)),
                actor, ct)).ToOk()).RequireAuthorization(DealerPermissions.Manage).WithName("UpdateDealer");
        group.MapPost("/{id:guid}/sign-contract", async (Guid id, SignContractBody body, HttpRequest http, Actor actor, DealerLifecycle lifecycle, CancellationToken ct) =>
            (await lifecycle.SignContractAsync(
                new SignDealerContract(id, body.ContractStart, body.ContractEnd, body.ProductScope, body.YearlyTarget, body.DepositAmount, body.Territories, Versions.From(http, body.Version)),
                actor, ct)).ToOk()).RequireAuthorization(DealerPermissions.Onboard).WithName("SignDealerContract");

        Step(group, "record-deposit", DealerStep.RecordDeposit, "RecordDealerDeposit");
        Step(group, "complete-training", DealerStep.CompleteTraining, "CompleteDealerTraining");
        Step(group, "activate", DealerStep.Activate, "ActivateDealer");
        Step(group, "assess", DealerStep.Assess, "AssessDealer");
        Step(group, "renew", DealerStep.Renew, "RenewDealer");
        Step(group, "terminate", DealerStep.Terminate, "TerminateDealer");
        Step(group, "record-deposit-refund", DealerStep.RecordDepositRefund, "RecordDealerDepositRefund");
        Step(group, "suspend", DealerStep.Suspend, "SuspendDealer");
        Step(group, "resume", DealerStep.Resume, "ResumeDealer");

        group.MapGet("/{id:guid}/territories", async (Guid id, Actor actor, DealerQueries queries, CancellationToken ct) =>
            (await queries.TerritoriesAsync(actor, id, ct)).ToOk()).WithName("ListDealerTerritories");
        group.MapPost("/{id:guid}/territories", async (Guid id, TerritoryBody body, Actor actor, DealerLifecycle lifecycle, CancellationToken ct) =>
        {
            var added = await lifecycle.AddTerritoryAsync(new AddDealerTerritory(id, body.Province, body.City, body.Exclusive, body.ValidFrom, body.ValidTo), actor, ct);
            return added.IsSuccess ? (IResult)TypedResults.Created($"/api/v1/dealers/{id}/territories/{added.Value!.Id}", added.Value) : added.Error!.ToProblem();
        }).RequireAuthorization(DealerPermissions.Manage).WithName("AddDealerTerritory");
        group.MapPost("/{id:guid}/territories/{territoryId:guid}/end", async (Guid id, Guid territoryId, EndTerritoryBody body, Actor actor, DealerLifecycle lifecycle, CancellationToken ct) =>
            (await lifecycle.EndTerritoryAsync(new EndDealerTerritory(id, territoryId, body.On), actor, ct)).ToOk())
            .RequireAuthorization(DealerPermissions.Manage).WithName("EndDealerTerritory");

        group.MapGet("/{id:guid}/tier-changes", async (Guid id, Actor actor, DealerQueries queries, CancellationToken ct) =>
            (await queries.TierChangesAsync(actor, id, ct)).ToOk()).WithName("ListDealerTierChanges");
        group.MapPost("/{id:guid}/tier-changes", async (Guid id, TierChangeBody body, Actor actor, DealerLifecycle lifecycle, CancellationToken ct) =>
        {
            var created = await lifecycle.RequestTierChangeAsync(new RequestTierChange(id, body.ToTier, body.EffectiveOn, body.Reason), actor, ct);
            return created.IsSuccess ? (IResult)TypedResults.Created($"/api/v1/dealers/{id}/tier-changes/{created.Value!.Id}", created.Value) : created.Error!.ToProblem();
        }).RequireAuthorization(DealerPermissions.Onboard).WithName("RequestDealerTierChange");
        group.MapPost("/{id:guid}/tier-changes/{changeId:guid}/approve", (Guid id, Guid changeId, TierDecisionBody body, HttpRequest http, Actor actor, DealerLifecycle lifecycle, CancellationToken ct) =>
            Decide(new DecideTierChange(id, changeId, true, body.Note, Versions.From(http, body.Version)), actor, lifecycle, ct))
            .RequireAuthorization(DealerPermissions.ApproveTier).WithName("ApproveDealerTierChange");
        group.MapPost("/{id:guid}/tier-changes/{changeId:guid}/reject", (Guid id, Guid changeId, TierDecisionBody body, HttpRequest http, Actor actor, DealerLifecycle lifecycle, CancellationToken ct) =>
            Decide(new DecideTierChange(id, changeId, false, body.Note, Versions.From(http, body.Version)), actor, lifecycle, ct))
            .RequireAuthorization(DealerPermissions.ApproveTier).WithName("RejectDealerTierChange");
        app.MapGet("/api/v1/dealer-tier-changes", async ([AsParameters] TierChangeListQuery query, Actor actor, DealerQueries queries, CancellationToken ct) =>
            (await queries.TierChangesAsync(actor, query.Status, new PageRequest(query.Sort, query.Cursor, query.PageSize ?? 50, query.Count ?? true), ct)).ToOk()).WithTags("Dealers").RequireAuthorization(DealerPermissions.ViewFile).WithName("ListTierChanges");

        var applications = app.MapGroup("/api/v1/dealer-applications").WithTags("Dealers").RequireAuthorization(DealerPermissions.ViewFile);
        applications.MapGet("/", async ([AsParameters] ApplicationListQuery query, Actor actor, ApplicationQueries queries, CancellationToken ct) =>
            (await queries.ListAsync(
                actor, new ApplicationFilter(query.Q, query.Status),
                new PageRequest(query.Sort, query.Cursor, query.PageSize ?? 50, query.Count ?? true), ct)).ToOk()).WithName("ListDealerApplications");
        applications.MapGet("/{id:guid}", async (Guid id, Actor actor, ApplicationQueries queries, CancellationToken ct) =>
            (await queries.GetAsync(actor, id, ct)).ToOk()).WithName("GetDealerApplication");
        applications.MapPost("/", async (CreateDealerApplication request, Actor actor, ApplicationUseCases useCases, CancellationToken ct) =>
        {
            var created = await useCases.CreateAsync(request, actor, ct);
            return created.IsSuccess ? (IResult)TypedResults.Created($"/api/v1/dealer-applications/{created.Value!.Id}", created.Value) : created.Error!.ToProblem();
        }).WithIdempotency().RequireAuthorization(DealerPermissions.Onboard).WithName("CreateDealerApplication");
        applications.MapPost("/{id:guid}/score", async (Guid id, ScoreBody body, HttpRequest http, Actor actor, ApplicationUseCases useCases, CancellationToken ct) =>
            (await useCases.ScoreAsync(new ScoreDealerApplication(id, body.Scores, body.Note, Versions.From(http, body.Version)), actor, ct)).ToOk())
            .RequireAuthorization(DealerPermissions.Onboard).WithName("ScoreDealerApplication");
        applications.MapPost("/{id:guid}/approve", async (Guid id, ApproveBody body, HttpRequest http, Actor actor, ApplicationUseCases useCases, CancellationToken ct) =>
            (await useCases.ApproveAsync(new ApproveDealerApplication(id, body.Tier, Versions.From(http, body.Version)), actor, ct)).ToOk())
            .RequireAuthorization(DealerPermissions.Decide).WithName("ApproveDealerApplication");
        applications.MapPost("/{id:guid}/reject", async (Guid id, RejectBody body, HttpRequest http, Actor actor, ApplicationUseCases useCases, CancellationToken ct) =>
            (await useCases.RejectAsync(new RejectDealerApplication(id, body.Reason, Versions.From(http, body.Version)), actor, ct)).ToOk())
            .RequireAuthorization(DealerPermissions.Decide).WithName("RejectDealerApplication");
        return group;
    }

    private static void Step(RouteGroupBuilder group, string verb, DealerStep step, string name) =>
        group.MapPost($"/{{id:guid}}/{verb}", async (Guid id, StepBody body, HttpRequest http, Actor actor, DealerLifecycle lifecycle, CancellationToken ct) =>
            (await lifecycle.ChangeStatusAsync(
                new ChangeDealerStatus(id, step, Versions.From(http, body.Version), body.On, body.Reason, body.Result, body.ContractEnd, body.YearlyTarget), actor, ct)).ToOk())
            .RequireAuthorization(DealerLifecycle.PermissionFor(step)).WithName(name);

    private static async Task<IResult> Decide(DecideTierChange request, Actor actor, DealerLifecycle lifecycle, CancellationToken ct) =>
        (await lifecycle.DecideTierChangeAsync(request, actor, ct)).ToOk();
}
