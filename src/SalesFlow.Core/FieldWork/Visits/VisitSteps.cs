using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using SalesFlow.Core.Common;
using SalesFlow.Core.Data;
using SalesFlow.Core.Stores;

namespace SalesFlow.Core.FieldWork.Visits;

public sealed record CheckIn(
    Guid Id,
    [property: Range(-90.0, 90.0)] double? Latitude = null,
    [property: Range(-180.0, 180.0)] double? Longitude = null,
    int? Version = null);

public sealed record CheckOut(
    Guid Id,
    [property: Range(-90.0, 90.0)] double? Latitude = null,
    [property: Range(-180.0, 180.0)] double? Longitude = null,
    [property: StringLength(Visit.TextMaxLength)] string? Outcome = null,
    bool? ShelfDisplayOk = null,
    bool? StockOk = null,
    bool? PriceOk = null,
    bool? StaffRecommends = null,
    [property: StringLength(Visit.TextMaxLength)] string? ChecklistNotes = null,
    bool Breakthrough = false,
    int? Version = null,
    [property: Range(0, 1000)] int? StaffAsked = null,
    [property: Range(0, 1000)] int? StaffRecommending = null,
    IReadOnlyList<string>? MissingLines = null);

public sealed record CancelVisit(Guid Id, int? Version = null);

public sealed record RescheduleVisit(Guid Id, [property: Required] DateOnly? Date, [property: StringLength(500)] string? Purpose, int? Version = null);

public sealed record MarkBreakthrough(Guid Id, bool Breakthrough, int? Version = null);

/// <summary>
/// The verbs of a visit: check in, check out with the checklist, cancel, reschedule, flag a breakthrough. The check-out
/// of a store visit is also the one place a <see cref="StoreCheck"/> is written (its checklist then comes from the check).
/// </summary>
public sealed class VisitStepsHandler(IDbContextFactory<SalesFlowDbContext> dbFactory, CompanyClock clock, VisitQueries queries, StoreOptions storeOptions)
{
    public Task<Result<VisitRow>> HandleAsync(CheckIn request, Actor actor, CancellationToken ct) =>
        StepAsync(request, request.Id, request.Version, actor, v => v.CheckIn(clock.UtcNow, clock.Today, request.Latitude, request.Longitude), ct);

    public Task<Result<VisitRow>> HandleAsync(CheckOut request, Actor actor, CancellationToken ct) =>
        StepAsync(request, request.Id, request.Version, actor, (db, v) => CheckOutAsync(db, v, request, ct), ct);

    public Task<Result<VisitRow>> HandleAsync(CancelVisit request, Actor actor, CancellationToken ct) =>
        StepAsync(request, request.Id, request.Version, actor, v => v.Cancel(), ct);

    public Task<Result<VisitRow>> HandleAsync(RescheduleVisit request, Actor actor, CancellationToken ct) =>
        StepAsync(request, request.Id, request.Version, actor, v => v.Reschedule(request.Date!.Value, Trim(request.Purpose)), ct);

    public Task<Result<VisitRow>> HandleAsync(MarkBreakthrough request, Actor actor, CancellationToken ct) =>
        StepAsync(request, request.Id, request.Version, actor, v => v.MarkBreakthrough(request.Breakthrough), ct);

    private Task<Result<VisitRow>> StepAsync(object request, Guid id, int? version, Actor actor, Func<Visit, Result> step, CancellationToken ct) =>
        StepAsync(request, id, version, actor, (_, v) => Task.FromResult(step(v)), ct);

    private async Task<Result> CheckOutAsync(SalesFlowDbContext db, Visit visit, CheckOut request, CancellationToken ct)
    {
        var checklist = new VisitChecklist(request.ShelfDisplayOk, request.StockOk, request.PriceOk, request.StaffRecommends, Trim(request.ChecklistNotes));
        if (visit.StoreId is { } storeId && visit.Status == VisitStatus.CheckedIn)
        {
            var store = await db.Stores.SingleAsync(s => s.Id == storeId, ct);
            var recorded = StoreCheck.Record(
                visit.Id, visit.OwnerId, visit.OrgUnitId, visit.Date, store, storeOptions.LinesOf(store.Class),
                new StoreCheckInput(request.ShelfDisplayOk, request.StockOk, request.PriceOk, request.StaffAsked, request.StaffRecommending, request.MissingLines,
                    Trim(request.ChecklistNotes)));
            if (!recorded.IsSuccess)
            {
                return recorded.Error!;
            }

            var check = recorded.Value!;
            db.StoreChecks.Add(check);
            checklist = new VisitChecklist(
                check.ShelfDisplayOk, check.StockOk, check.PriceOk, check.StaffAsked == 0 ? request.StaffRecommends : check.StaffRecommending > 0, check.Notes);
        }

        return visit.CheckOut(clock.UtcNow, request.Latitude, request.Longitude, Trim(request.Outcome), checklist, request.Breakthrough);
    }

    private async Task<Result<VisitRow>> StepAsync(
        object request, Guid id, int? version, Actor actor, Func<SalesFlowDbContext, Visit, Task<Result>> step, CancellationToken ct)
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
        var visit = await db.Visits.VisibleTo(actor).SingleOrDefaultAsync(v => v.Id == id, ct);
        if (visit is null)
        {
            return FieldWorkErrors.NotFound("Visit", id);
        }

        // The version is optional for verbs (the state machine guards them) but, when sent, must be current.
        if (version is { } sent && sent != visit.Version)
        {
            return Error.StaleVersion("Visit", sent, visit.Version, (await queries.GetAsync(actor, id, ct)).Value);
        }

        var changed = await step(db, visit);
        if (!changed.IsSuccess)
        {
            return changed.Error!;
        }

        if (await db.SaveOrConflictAsync("Visit", ct) is { } conflict)
        {
            return conflict;
        }

        return await queries.GetAsync(actor, id, ct);
    }

    private static string? Trim(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
