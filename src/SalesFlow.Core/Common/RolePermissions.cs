using SalesFlow.Core.Approvals;
using SalesFlow.Core.Auditing;
using SalesFlow.Core.Bids;
using SalesFlow.Core.Billing;
using SalesFlow.Core.Catalog;
using SalesFlow.Core.Contracts;
using SalesFlow.Core.Customers;
using SalesFlow.Core.Dealers;
using SalesFlow.Core.Dealers.Evaluations;
using SalesFlow.Core.Dealers.Staff;
using SalesFlow.Core.Deliveries;
using SalesFlow.Core.FieldWork;
using SalesFlow.Core.Identity;
using SalesFlow.Core.Imports;
using SalesFlow.Core.Leads;
using SalesFlow.Core.Notifications;
using SalesFlow.Core.Opportunities;
using SalesFlow.Core.Orders;
using SalesFlow.Core.Organization;
using SalesFlow.Core.Planning;
using SalesFlow.Core.Portal;
using SalesFlow.Core.Promotions;
using SalesFlow.Core.Quotes;
using SalesFlow.Core.Rebates;
using SalesFlow.Core.StockReports;
using SalesFlow.Core.Stores;

namespace SalesFlow.Core.Common;

/// <summary>
/// The one table of which role may do what. Endpoint policies, page attributes and the use cases'
/// own checks all ask this table, so a rule never differs between the UI and the API.
/// </summary>
public static class RolePermissions
{
    private static readonly string[] Internal =
        [Roles.Director, Roles.RegionalManager, Roles.Supervisor, Roles.SalesRep, Roles.SalesOps, Roles.Finance, Roles.Logistics, Roles.Service, Roles.Admin];

    private static readonly Dictionary<string, string[]> Table = new()
    {
        [OrganizationPermissions.View] = Internal,
        [OrganizationPermissions.Manage] = [Roles.Director, Roles.Admin],
        [UserPermissions.Manage] = [Roles.Director, Roles.Admin],
        [JobPermissions.Run] = [Roles.Director, Roles.Admin],
        [AuditPermissions.View] = Internal,
        [CustomerPermissions.View] = Internal,
        [CustomerPermissions.Edit] = [Roles.Director, Roles.RegionalManager, Roles.Supervisor, Roles.SalesRep, Roles.SalesOps],
        [CustomerPermissions.EditCredit] = [Roles.Finance, Roles.Director],
        [CustomerPermissions.HandOver] = [Roles.Director, Roles.RegionalManager, Roles.Supervisor],
        [LeadPermissions.View] = Internal,
        [LeadPermissions.Edit] = [Roles.Director, Roles.RegionalManager, Roles.Supervisor, Roles.SalesRep, Roles.SalesOps],
        [ImportPermissions.Run] = [Roles.Director, Roles.RegionalManager, Roles.Supervisor, Roles.SalesRep, Roles.SalesOps, Roles.DealerUser],
        [ImportPermissions.Export] = Internal,
        [FieldWorkPermissions.View] = [.. Internal, Roles.DealerStaff],
        [FieldWorkPermissions.Edit] = [Roles.Director, Roles.RegionalManager, Roles.Supervisor, Roles.SalesRep, Roles.DealerStaff],
        [FieldWorkPermissions.Manage] = [Roles.Director, Roles.RegionalManager, Roles.Supervisor],
        [OpportunityPermissions.View] = Internal,
        [OpportunityPermissions.Edit] = [Roles.Director, Roles.RegionalManager, Roles.Supervisor, Roles.SalesRep, Roles.SalesOps],
        [OpportunityPermissions.ManageStages] = [Roles.Director, Roles.SalesOps],
        [BidPermissions.View] = Internal,
        [BidPermissions.Edit] = [Roles.Director, Roles.RegionalManager, Roles.Supervisor, Roles.SalesRep, Roles.SalesOps],
        [BidPermissions.Decide] = [Roles.Director, Roles.RegionalManager],
        [DealerPermissions.View] = [.. Internal, Roles.DealerUser],
        [DealerPermissions.Manage] = [Roles.Director, Roles.RegionalManager, Roles.SalesOps],
        [DealerPermissions.ViewFile] = Internal,
        [DealerPermissions.Onboard] = [Roles.Director, Roles.RegionalManager, Roles.Supervisor, Roles.SalesRep],
        [DealerPermissions.Decide] = [Roles.Director, Roles.RegionalManager],
        [DealerPermissions.Deposit] = [Roles.Finance],
        [DealerPermissions.ApproveTier] = [Roles.Director],
        [EvaluationPermissions.Evaluate] = [Roles.Director, Roles.RegionalManager],
        [OrderPermissions.View] = Internal,
        [OrderPermissions.Edit] = [Roles.Director, Roles.RegionalManager, Roles.Supervisor, Roles.SalesRep, Roles.SalesOps],
        [OrderPermissions.ReleaseHold] = [Roles.Finance],
        [OrderPermissions.Fulfil] = [Roles.Logistics],
        [BillingPermissions.View] = Internal,
        [BillingPermissions.Manage] = [Roles.Finance],
        [ApprovalPermissions.View] = Internal,
        [ApprovalPermissions.Decide] = [Roles.Director, Roles.RegionalManager],
        [QuotePermissions.View] = Internal,
        [QuotePermissions.Edit] = [Roles.Director, Roles.RegionalManager, Roles.Supervisor, Roles.SalesRep],
        [CatalogPermissions.View] = Internal,
        [CatalogPermissions.Manage] = [Roles.Director, Roles.SalesOps],
        [CatalogPermissions.ViewCost] = [Roles.Finance, Roles.Director],
        [CatalogPermissions.ManagePrices] = [Roles.Director, Roles.SalesOps],
        [CatalogPermissions.ApprovePrices] = [Roles.Director],
        [DeliveryPermissions.View] = Internal,
        [DeliveryPermissions.Manage] = [Roles.Logistics],
        [DeliveryPermissions.ManageRates] = [Roles.Logistics],
        [ContractPermissions.View] = [Roles.Director, Roles.RegionalManager, Roles.Supervisor, Roles.SalesRep, Roles.SalesOps, Roles.Finance],
        [ContractPermissions.Edit] = [Roles.Director, Roles.RegionalManager, Roles.Supervisor, Roles.SalesRep],
        [PlanningPermissions.ViewTargets] = [Roles.Director, Roles.RegionalManager, Roles.Supervisor, Roles.SalesRep, Roles.SalesOps, Roles.Finance, Roles.Admin, Roles.DealerUser],
        [PlanningPermissions.SetTargets] = [Roles.Director],
        [PlanningPermissions.SplitTargets] = [Roles.Director, Roles.RegionalManager, Roles.Supervisor],
        [PlanningPermissions.ViewPlans] = [Roles.Director, Roles.RegionalManager, Roles.Supervisor, Roles.SalesRep, Roles.SalesOps, Roles.DealerUser, Roles.DealerStaff],
        [PlanningPermissions.SubmitPlans] = [Roles.SalesRep, Roles.Supervisor, Roles.DealerUser, Roles.DealerStaff],
        [PlanningPermissions.ApprovePlans] = [Roles.Director, Roles.RegionalManager, Roles.Supervisor],
        [PortalPermissions.Use] = [Roles.DealerUser],
        [PortalPermissions.Order] = [Roles.DealerUser],
        [StorePermissions.View] = [.. Internal, Roles.DealerUser, Roles.DealerStaff],
        [StorePermissions.Manage] = [Roles.Director, Roles.RegionalManager, Roles.Supervisor, Roles.SalesRep, Roles.SalesOps, Roles.DealerUser],
        [RebatePermissions.View] = [Roles.Director, Roles.RegionalManager, Roles.Supervisor, Roles.SalesRep, Roles.SalesOps, Roles.Finance],
        [RebatePermissions.Manage] = [Roles.Director, Roles.SalesOps],
        [RebatePermissions.Settle] = [Roles.Finance],
        [PromotionPermissions.View] = [Roles.Director, Roles.RegionalManager, Roles.Supervisor, Roles.SalesRep, Roles.SalesOps, Roles.Finance],
        [PromotionPermissions.Manage] = [Roles.Director, Roles.RegionalManager, Roles.SalesOps],
        [StockReportPermissions.View] = [.. Internal, Roles.DealerUser],
        [StockReportPermissions.Enter] = [Roles.Director, Roles.RegionalManager, Roles.Supervisor, Roles.SalesRep, Roles.SalesOps, Roles.DealerUser],
        [DealerStaffPermissions.View] = [Roles.Director, Roles.RegionalManager, Roles.Supervisor, Roles.SalesRep, Roles.SalesOps],
        [DealerStaffPermissions.Manage] = [Roles.Director, Roles.RegionalManager, Roles.Supervisor, Roles.SalesRep, Roles.DealerUser],
        [DealerStaffPermissions.Score] = [Roles.Director, Roles.RegionalManager, Roles.Supervisor, Roles.SalesRep],
        [StockReportPermissions.Review] = [Roles.Director, Roles.RegionalManager, Roles.Supervisor, Roles.SalesRep, Roles.SalesOps],
    };

    public static IEnumerable<string> AllPermissions => Table.Keys;

    public static bool Grants(IEnumerable<string> roles, string permission) =>
        Table.TryGetValue(permission, out var allowed) && roles.Any(allowed.Contains);

    public static IEnumerable<string> For(IEnumerable<string> roles) =>
        Table.Where(p => roles.Any(p.Value.Contains)).Select(p => p.Key);
}
