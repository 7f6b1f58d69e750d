using SalesFlow.Core.Common;
using SalesFlow.Core.Data;

namespace SalesFlow.Core.Organization;

public enum OrgUnitKind
{
    Company,
    Region,
    Branch,
    Team,
    ProductLineTeam,
    CustomerTypeTeam,
}

/// <summary>
/// A node of the org tree. <see cref="Path"/> is the chain of ids from the root (<c>/a/b/c/</c>), so a
/// subtree is one indexed prefix match and data scopes never walk the tree row by row.
/// </summary>
public sealed class OrgUnit : IHasId, IAudited, IVersioned
{
    public const int NameMaxLength = 100;
    public const int CodeMaxLength = 32;

    private OrgUnit()
    {
    }

    private OrgUnit(string code, string name, string? nameEn, OrgUnitKind kind, OrgUnit? parent)
    {
        Id = Guid.CreateVersion7();
        Code = code;
        Name = name;
        NameEn = nameEn;
        Kind = kind;
        ParentId = parent?.Id;
        Path = (parent?.Path ?? "/") + Id.ToString("N") + "/";
        Depth = (parent?.Depth ?? -1) + 1;
    }

    public Guid Id { get; private set; }

    public string Code { get; private set; } = "";

    public string Name { get; private set; } = "";

    public string? NameEn { get; private set; }

    public OrgUnitKind Kind { get; private set; }

    public Guid? ParentId { get; private set; }

    public string Path { get; private set; } = "";

    public int Depth { get; private set; }

    public bool IsDeleted { get; private set; }

    public int Version { get; private set; }

    public DateTime CreatedAtUtc { get; private set; }

    public string CreatedBy { get; private set; } = "";

    public DateTime UpdatedAtUtc { get; private set; }

    public string UpdatedBy { get; private set; } = "";

    public static OrgUnit CreateRoot(string code, string name, string? nameEn) =>
        new(code, name, nameEn, OrgUnitKind.Company, null);

    public static Result<OrgUnit> CreateUnder(OrgUnit parent, string code, string name, string? nameEn, OrgUnitKind kind)
    {
        if (kind == OrgUnitKind.Company)
        {
            return OrganizationErrors.OnlyOneCompany;
        }

        if (parent.IsDeleted)
        {
            return OrganizationErrors.ParentDeleted;
        }

        return new OrgUnit(code, name, nameEn, kind, parent);
    }

    public void Rename(string code, string name, string? nameEn)
    {
        Code = code;
        Name = name;
        NameEn = nameEn;
    }

    /// <summary>
    /// Moves this unit under <paramref name="newParent"/>. Returns the old path so the caller can
    /// rewrite the descendants' paths in the same transaction.
    /// </summary>
    public Result<string> MoveUnder(OrgUnit newParent)
    {
        if (Kind == OrgUnitKind.Company)
        {
            return OrganizationErrors.CompanyCannotMove;
        }

        if (newParent.Path.StartsWith(Path, StringComparison.Ordinal))
        {
            return OrganizationErrors.MoveIntoOwnSubtree;
        }

        if (newParent.IsDeleted)
        {
            return OrganizationErrors.ParentDeleted;
        }

        var oldPath = Path;
        ParentId = newParent.Id;
        Path = newParent.Path + Id.ToString("N") + "/";
        Depth = newParent.Depth + 1;
        return oldPath;
    }

    public Result Delete(bool hasActiveChildren, bool hasActiveEmployees)
    {
        if (Kind == OrgUnitKind.Company)
        {
            return OrganizationErrors.CompanyCannotMove;
        }

        if (hasActiveChildren || hasActiveEmployees)
        {
            return OrganizationErrors.UnitNotEmpty;
        }

        IsDeleted = true;
        return Result.Ok();
    }

    public Result Restore(OrgUnit? parent)
    {
        if (parent is { IsDeleted: true })
        {
            return OrganizationErrors.ParentDeleted;
        }

        IsDeleted = false;
        return Result.Ok();
    }

    /// <summary>The ids on the path from the root down to this unit, root first.</summary>
    public static IReadOnlyList<Guid> IdsOnPath(string path) =>
        path.Split('/', StringSplitOptions.RemoveEmptyEntries).Select(s => Guid.ParseExact(s, "N")).ToList();
}

/// <summary>History of a unit's moves in the tree: where it hung before, where it hangs now, who moved it.</summary>
public sealed class OrgUnitMove : IHasId
{
    private OrgUnitMove()
    {
    }

    public OrgUnitMove(Guid orgUnitId, Guid? fromParentId, Guid toParentId, DateTime movedAtUtc, string movedBy)
    {
        Id = Guid.CreateVersion7();
        OrgUnitId = orgUnitId;
        FromParentId = fromParentId;
        ToParentId = toParentId;
        MovedAtUtc = movedAtUtc;
        MovedBy = movedBy;
    }

    public Guid Id { get; private set; }

    public Guid OrgUnitId { get; private set; }

    public Guid? FromParentId { get; private set; }

    public Guid ToParentId { get; private set; }

    public DateTime MovedAtUtc { get; private set; }

    public string MovedBy { get; private set; } = "";
}
