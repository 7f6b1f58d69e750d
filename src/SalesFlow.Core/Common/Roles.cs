namespace SalesFlow.Core.Common;

/// <summary>The roles of PRODUCT.md. Names are stable: they are stored with users and sent in <c>/me</c>.</summary>
public static class Roles
{
    public const string Director = "Director";
    public const string RegionalManager = "RegionalManager";
    public const string Supervisor = "Supervisor";
    public const string SalesRep = "SalesRep";
    public const string SalesOps = "SalesOps";
    public const string Finance = "Finance";
    public const string Logistics = "Logistics";
    public const string Service = "Service";
    public const string DealerUser = "DealerUser";

    /// <summary>A dealer's sales staff (导购/业务员): an employee record tied to the dealer, working like a rep with <see cref="DataScope.Own"/>.</summary>
    public const string DealerStaff = "DealerStaff";
    public const string Admin = "Admin";

    public static readonly IReadOnlyList<string> All =
        [Director, RegionalManager, Supervisor, SalesRep, SalesOps, Finance, Logistics, Service, DealerUser, Admin, DealerStaff];

    /// <summary>The widest scope any of the roles gives. Unknown roles give nothing beyond <see cref="DataScope.Own"/>.</summary>
    public static DataScope ScopeOf(IEnumerable<string> roles)
    {
        var scope = DataScope.Own;
        var dealerOnly = true;
        foreach (var role in roles)
        {
            var roleScope = role switch
            {
                Director or Admin or SalesOps or Finance or Logistics or Service => DataScope.All,
                RegionalManager => DataScope.Region,
                Supervisor => DataScope.Team,
                DealerUser => DataScope.OwnDealer,
                _ => DataScope.Own,
            };
            dealerOnly &= roleScope == DataScope.OwnDealer;
            if (roleScope != DataScope.OwnDealer && Rank(roleScope) > Rank(scope))
            {
                scope = roleScope;
            }
        }

        return dealerOnly && roles.Any() ? DataScope.OwnDealer : scope;
    }

    private static int Rank(DataScope scope) => scope switch
    {
        DataScope.OwnDealer => 0,
        DataScope.Own => 1,
        DataScope.Team => 2,
        DataScope.Region => 3,
        DataScope.All => 4,
    };
}
