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
}
