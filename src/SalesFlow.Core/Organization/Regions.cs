using Microsoft.EntityFrameworkCore;
using SalesFlow.Core.Data;

namespace SalesFlow.Core.Organization;

/// <summary>How people name a region in filters, imports and the API: its code (HD) or its name with or without 大区 (华东).</summary>
public static class Regions
{
    public static IQueryable<OrgUnit> Named(SalesFlowDbContext db, string text)
    {
        var name = text.Trim();
        return db.OrgUnits.Where(u => u.Kind == OrgUnitKind.Region && !u.IsDeleted && (u.Code == name || u.Name.StartsWith(name)));
    }

    /// <summary>The region a unit belongs to (the nearest Region on its path), or null above the regions.</summary>
    public static async Task<Guid?> AboveAsync(SalesFlowDbContext db, string unitPath, CancellationToken ct)
    {
        var onPath = OrgUnit.IdsOnPath(unitPath);
        return await db.OrgUnits.Where(u => onPath.Contains(u.Id) && u.Kind == OrgUnitKind.Region)
            .OrderByDescending(u => u.Depth).Select(u => (Guid?)u.Id).FirstOrDefaultAsync(ct);
    }
}
