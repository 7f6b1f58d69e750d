using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using SalesFlow.Core.Common;
using SalesFlow.Core.Customers;
using SalesFlow.Core.Data;

namespace SalesFlow.Core.FieldWork.Travel;

public sealed record SubmitTravelRequest(
    [property: Required, StringLength(200, MinimumLength = 1)] string Destination,
    [property: Required, StringLength(TravelRequest.TextMaxLength, MinimumLength = 1)] string Purpose,
    [property: Required] DateOnly? StartDate,
    [property: Required] DateOnly? EndDate,
    [property: Range(typeof(decimal), "0", "99999999")] decimal EstimatedCost,
    [property: Required] IReadOnlyList<Guid>? CustomerIds,
    Guid? OwnerId = null);

/// <summary>
/// Submits a travel request for a manager's decision. When <see cref="Breakthroughs"/> refuses one of its customers
/// the request is still saved — as Refused, so the manager sees it and may override — and the caller gets the rule's error.
/// </summary>
public sealed class SubmitTravelRequestHandler(IDbContextFactory<SalesFlowDbContext> dbFactory, TravelOptions options, TravelQueries queries)
{
    public const int MaxCustomers = 30;

    public async Task<Result<TravelRequestDetails>> HandleAsync(SubmitTravelRequest request, Actor actor, CancellationToken ct)
    {
        if (actor.Require(FieldWorkPermissions.Edit) is { } denied)
        {
            return denied;
        }

        if (RequestValidation.Check(request) is { } invalid)
        {
            return invalid;
        }

        if (request.EndDate < request.StartDate)
        {
            return Error.Invalid("endDate", "notBeforeFrom");
        }

        var customerIds = request.CustomerIds!.Distinct().ToList();
        if (customerIds.Count is 0 or > MaxCustomers)
        {
            return Error.Invalid("customerIds", "range", ("min", 1), ("max", MaxCustomers));
        }

        await using var db = await dbFactory.OpenAsync(actor, ct);
        var owner = await RepOwner.ChooseAsync(db, actor, request.OwnerId, ct);
        if (!owner.IsSuccess)
        {
            return owner.Error!;
        }

        if (await db.Customers.VisibleTo(actor).CountAsync(c => customerIds.Contains(c.Id) && !c.IsDeleted, ct) != customerIds.Count)
        {
            return Error.Invalid("customerIds", "notFound");
        }

        var travel = new TravelRequest(
            owner.Value!.EmployeeId, owner.Value.OrgUnitId, request.Destination.Trim(), request.Purpose.Trim(),
            request.StartDate!.Value, request.EndDate!.Value, Math.Round(request.EstimatedCost, 2, MidpointRounding.AwayFromZero), customerIds);
        var stalled = await Breakthroughs.FirstStalledAsync(db, customerIds, options, ct);
        if (stalled is not null)
        {
            travel.RefuseByRule(stalled.CustomerId, stalled.Visits);
        }

        db.TravelRequests.Add(travel);
        await db.SaveChangesAsync(ct);
        return stalled is null
            ? await queries.GetAsync(actor, travel.Id, ct)
            : TravelErrors.NoBreakthrough(stalled.CustomerId, stalled.Visits, travel.Id, options.VisitsWithoutBreakthrough);
    }
}
