using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using SalesFlow.Core.Common;
using SalesFlow.Core.Data;

namespace SalesFlow.Core.Deliveries;

public sealed record SaveFreightRate(
    [property: Required] string? Zone,
    [property: Required] DeliveryMethod? Method,
    [property: Required] FreightBasis? Basis,
    [property: Required, Range(typeof(decimal), "0", "1000000")] decimal? FirstUnitPrice,
    [property: Required, Range(typeof(decimal), "0", "1000000")] decimal? AdditionalUnitPrice,
    [property: Required, Range(typeof(decimal), "0", "1000000")] decimal? MinimumCharge,
    [property: Required] DateOnly? ValidFrom,
    DateOnly? ValidTo = null,
    int? Version = null);

/// <summary>Logistics keeps the freight rate table: add, edit at its version, delete.</summary>
public sealed class FreightRateHandler(IDbContextFactory<SalesFlowDbContext> dbFactory)
{
    public async Task<Result<FreightRate>> CreateAsync(SaveFreightRate request, Actor actor, CancellationToken ct)
    {
        if (Check(request, actor) is { } refused)
        {
            return refused;
        }

        await using var db = await dbFactory.OpenAsync(actor, ct);
        var rate = new FreightRate(
            request.Zone!.Trim(), request.Method!.Value, request.Basis!.Value, request.FirstUnitPrice!.Value, request.AdditionalUnitPrice!.Value,
            decimal.Round(request.MinimumCharge!.Value, 2, MidpointRounding.AwayFromZero), request.ValidFrom!.Value, request.ValidTo);
        db.FreightRates.Add(rate);
        await db.SaveChangesAsync(ct);
        return rate;
    }

    public async Task<Result<FreightRate>> UpdateAsync(Guid id, SaveFreightRate request, Actor actor, CancellationToken ct)
    {
        if (Check(request, actor) is { } refused)
        {
            return refused;
        }

        if (request.Version is null)
        {
            return Error.Invalid("version", "required");
        }

        await using var db = await dbFactory.OpenAsync(actor, ct);
        var rate = await db.FreightRates.SingleOrDefaultAsync(r => r.Id == id, ct);
        if (rate is null)
        {
            return DeliveryErrors.RateNotFound(id);
        }

        if (rate.Version != request.Version)
        {
            return Error.StaleVersion("FreightRate", request.Version.Value, rate.Version, rate);
        }

        rate.Set(
            request.Zone!.Trim(), request.Method!.Value, request.Basis!.Value, request.FirstUnitPrice!.Value, request.AdditionalUnitPrice!.Value,
            decimal.Round(request.MinimumCharge!.Value, 2, MidpointRounding.AwayFromZero), request.ValidFrom!.Value, request.ValidTo);
        if (await db.SaveOrConflictAsync("FreightRate", ct) is { } conflict)
        {
            return conflict;
        }

        return rate;
    }

    public async Task<Result> DeleteAsync(Guid id, Actor actor, CancellationToken ct)
    {
        if (actor.Require(DeliveryPermissions.ManageRates) is { } denied)
        {
            return denied;
        }

        await using var db = await dbFactory.OpenAsync(actor, ct);
        var rate = await db.FreightRates.SingleOrDefaultAsync(r => r.Id == id, ct);
        if (rate is null)
        {
            return DeliveryErrors.RateNotFound(id);
        }

        db.FreightRates.Remove(rate);
        await db.SaveChangesAsync(ct);
        return Result.Ok();
    }

    private static Error? Check(SaveFreightRate request, Actor actor)
    {
        if (actor.Require(DeliveryPermissions.ManageRates) is { } denied)
        {
            return denied;
        }

        if (RequestValidation.Check(request) is { } invalid)
        {
            return invalid;
        }

        if (!ShippingZones.IsZone(request.Zone!.Trim()))
        {
            return DeliveryErrors.UnknownZone(request.Zone.Trim());
        }

        return request.ValidTo < request.ValidFrom ? Error.Rule("freightRate.invalidPeriod", "The rate cannot end before it starts.") : null;
    }
}
