using SalesFlow.Core.Organization;
using SalesFlow.Web.Components.Shared;

namespace SalesFlow.Web.Features.Organization;

/// <summary>
/// The org tree as the page loaded it, indexed for the UI: children per unit, display names in the
/// reader's language, the path to a unit, and the units in tree order for pickers.
/// </summary>
public sealed class OrgUnitIndex
{
    private readonly Dictionary<Guid, OrgUnitRow> _byId;
    private readonly ILookup<Guid?, OrgUnitRow> _children;

    public OrgUnitIndex(IReadOnlyList<OrgUnitRow> units)
    {
        _byId = units.ToDictionary(u => u.Id);
        _children = units.OrderBy(u => u.Kind).ThenBy(u => u.Code, StringComparer.Ordinal).ToLookup(u => u.ParentId is { } p && _byId.ContainsKey(p) ? p : (Guid?)null);
        InTreeOrder = Walk(null).ToList();
    }

    public static OrgUnitIndex Empty { get; } = new([]);

    public IReadOnlyList<OrgUnitRow> Roots => _children[null].ToList();

    /// <summary>Every unit, parents before children, siblings by kind (regions before departments) and code.</summary>
    public IReadOnlyList<OrgUnitRow> InTreeOrder { get; }

    public OrgUnitRow? Find(Guid? id) => id is { } key ? _byId.GetValueOrDefault(key) : null;

    public IEnumerable<OrgUnitRow> ChildrenOf(Guid id) => _children[id];

    public string NameOf(Guid? id) => Find(id) is { } unit ? Name(unit) : "—";

    public static string Name(OrgUnitRow unit) => Display.Name(unit.Name, unit.NameEn);

    public static string Icon(OrgUnitKind kind) => kind switch
    {
        OrgUnitKind.Company => MudBlazor.Icons.Material.Filled.Business,
        OrgUnitKind.Region => MudBlazor.Icons.Material.Filled.Map,
        OrgUnitKind.Branch => MudBlazor.Icons.Material.Filled.Apartment,
        OrgUnitKind.Team or OrgUnitKind.ProductLineTeam or OrgUnitKind.CustomerTypeTeam => MudBlazor.Icons.Material.Filled.Groups,
    };

    /// <summary>"Company / Region / Team": where a unit hangs, for pickers and details.</summary>
    public string PathOf(Guid id)
    {
        var names = new List<string>();
        for (var unit = Find(id); unit is not null; unit = Find(unit.ParentId))
        {
            names.Add(Name(unit));
        }

        names.Reverse();
        return string.Join(" / ", names);
    }

    /// <summary>True when <paramref name="candidate"/> is <paramref name="unitId"/> itself or lies below it.</summary>
    public bool IsInSubtree(Guid candidate, Guid unitId)
    {
        for (var unit = Find(candidate); unit is not null; unit = Find(unit.ParentId))
        {
            if (unit.Id == unitId)
            {
                return true;
            }
        }

        return false;
    }

    private IEnumerable<OrgUnitRow> Walk(Guid? parent)
    {
        foreach (var unit in _children[parent])
        {
            yield return unit;
            foreach (var below in Walk(unit.Id))
            {
                yield return below;
            }
        }
    }
}
