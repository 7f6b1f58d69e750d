using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using SalesFlow.Core.Common;
using SalesFlow.Core.Data;

namespace SalesFlow.Core.Dealers;

/// <summary>A territory someone wants: a province (city null) or a city in it, for a period (To null: open-ended).</summary>
public sealed record TerritoryClaim(string Province, string? City, bool Exclusive, DateOnly From, DateOnly? To);

/// <summary>
/// The one territory rule (PRODUCT.md §8): another dealer's claim conflicts when either claim is exclusive, the places meet
/// (the same city, or a province and a city in it, or the same province) and the periods share at least one day
/// (the last day of one and the first of the other being adjacent is no overlap). Contract signing, adding a territory
/// and renewals all ask <see cref="FindConflictAsync"/>; the unit tests run the very same expression in memory.
/// </summary>
public static class TerritoryOverlap
{
    public static Expression<Func<DealerTerritory, bool>> ConflictsWith(Guid dealerId, TerritoryClaim claim)
    {
        var province = claim.Province;
        var city = string.IsNullOrWhiteSpace(claim.City) ? null : claim.City;
        var from = claim.From;
        var to = claim.To;
        var exclusive = claim.Exclusive;
        return t => t.DealerId != dealerId
            && (exclusive || t.Exclusive)
            && t.Province == province
            && (city == null || t.City == null || t.City == city)
            && (t.ValidTo == null || t.ValidTo >= from)
            && (to == null || t.ValidFrom <= to);
    }

    /// <summary>In memory, for tests and for checking the claims of one request against each other.</summary>
    public static bool Conflicts(DealerTerritory existing, Guid dealerId, TerritoryClaim claim) => ConflictsWith(dealerId, claim).Compile()(existing);

    /// <summary>The first conflicting claim of another (not terminated-and-ended) dealer, as the 422 naming that dealer; null when free.</summary>
    public static async Task<Error?> FindConflictAsync(SalesFlowDbContext db, Guid dealerId, TerritoryClaim claim, CancellationToken ct)
    {
        var conflict = await db.DealerTerritories.AsNoTracking().Where(ConflictsWith(dealerId, claim))
            .OrderBy(t => t.ValidFrom)
            .Select(t => new
            {
                t.Province,
                t.City,
                Dealer = db.Dealers.Where(d => d.Id == t.DealerId).Select(d => new { d.Code, d.Name }).First(),
            })
            .FirstOrDefaultAsync(ct);
        return conflict is null ? null : DealerErrors.TerritoryOverlap(conflict.Dealer.Code, conflict.Dealer.Name, conflict.Province, conflict.City);
    }

    public static Error? CheckShape(TerritoryClaim claim, string field) =>
        string.IsNullOrWhiteSpace(claim.Province) || claim.Province.Length > DealerTerritory.PlaceMaxLength ? Error.Invalid($"{field}.province", "required")
        : claim.City is { Length: > DealerTerritory.PlaceMaxLength } ? Error.Invalid($"{field}.city", "maxLength", ("max", DealerTerritory.PlaceMaxLength))
        : claim.To is { } to && to < claim.From ? DealerErrors.TerritoryEndBeforeStart
        : null;
}
