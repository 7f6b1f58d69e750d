using Microsoft.EntityFrameworkCore;
using SalesFlow.Core.Bids;
using SalesFlow.Core.Billing;
using SalesFlow.Core.Catalog;
using SalesFlow.Core.Catalog.Prices;
using SalesFlow.Core.Common;
using SalesFlow.Core.Contracts;
using SalesFlow.Core.Customers;
using SalesFlow.Core.Data;
using SalesFlow.Core.Dealers;
using SalesFlow.Core.Deliveries;
using SalesFlow.Core.FieldWork;
using SalesFlow.Core.FieldWork.Activities;
using SalesFlow.Core.FieldWork.Travel;
using SalesFlow.Core.FieldWork.Visits;
using SalesFlow.Core.Identity;
using SalesFlow.Core.Leads;
using SalesFlow.Core.Opportunities;
using SalesFlow.Core.Orders;
using SalesFlow.Core.Organization;
using SalesFlow.Core.Planning;
using SalesFlow.Core.Planning.Targets;
using SalesFlow.Core.Quotes;

namespace SalesFlow.Core.Auditing;

public sealed record AuditRow(Guid Id, string EntityType, string EntityId, AuditAction Action, string? Field, string? OldValue, string? NewValue, string UserName, DateTime AtUtc);

public sealed record AuditFilter(string? Entity, string? Id);

/// <summary>
/// The audit trail of one record, shown only to someone who may see that record: the trail is scoped
/// through the record's own <c>VisibleTo</c>, so it never leaks what the list would hide.
/// </summary>
public sealed class AuditQueries(IDbContextFactory<SalesFlowDbContext> dbFactory)
{
    public static readonly SortWhitelist<AuditEntry> Sorts = new(
        "-at",
        SortOption<AuditEntry>.By("at", a => a.AtUtc));

    public async Task<Result<Page<AuditRow>>> ListAsync(Actor actor, AuditFilter filter, PageRequest page, CancellationToken ct)
    {
        if (actor.Require(AuditPermissions.View) is { } denied)
        {
            return denied;
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var query = db.AuditEntries.AsNoTracking();
        if (string.IsNullOrWhiteSpace(filter.Entity) || string.IsNullOrWhiteSpace(filter.Id))
        {
            // The whole trail is for those who see everything anyway.
            if (actor.Scope != DataScope.All || !actor.Can(UserPermissions.Manage))
            {
                return Error.Invalid(string.IsNullOrWhiteSpace(filter.Entity) ? "entity" : "id", "required");
            }

            if (!string.IsNullOrWhiteSpace(filter.Entity))
            {
                query = query.Where(a => a.EntityType == filter.Entity);
            }
        }
        else
        {
            var visible = await IsVisibleAsync(db, actor, filter.Entity, filter.Id, ct);
            if (visible is null)
            {
                return Error.Invalid("entity", "oneOf", ("allowed", string.Join(", ", KnownEntities)));
            }

            if (visible == false)
            {
                return Error.NotFound(filter.Entity, filter.Id);
            }

            var entityId = NormalizeId(filter.Id);
            query = query.Where(a => a.EntityType == filter.Entity && a.EntityId == entityId);
        }

        return await Sorts.PageAsync(query, page, a => new AuditRow(a.Id, a.EntityType, a.EntityId, a.Action, a.Field, a.OldValue, a.NewValue, a.UserName, a.AtUtc), ct);
    }

    /// <summary>
    /// The names of the employees and org units among <paramref name="ids"/> (the values a trail stores for
    /// owner, unit or region fields), so a reader sees 王芳 rather than an id. Names are no secret to whoever
    /// may read a trail; ids that are neither stay unnamed.
    /// </summary>
    public async Task<IReadOnlyDictionary<Guid, string>> NamesAsync(IReadOnlyCollection<Guid> ids, CancellationToken ct)
    {
        if (ids.Count == 0)
        {
            return new Dictionary<Guid, string>();
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var employees = await db.Employees.AsNoTracking().Where(e => ids.Contains(e.Id)).Select(e => new { e.Id, e.Name }).ToListAsync(ct);
        var units = await db.OrgUnits.AsNoTracking().Where(u => ids.Contains(u.Id)).Select(u => new { u.Id, u.Name }).ToListAsync(ct);
        return employees.Concat(units).ToDictionary(x => x.Id, x => x.Name);
    }

    public static readonly IReadOnlyList<string> KnownEntities = [nameof(Employee), nameof(OrgUnit), nameof(AppUser), nameof(Customer), nameof(Contact), nameof(Lead),
        nameof(Activity), nameof(WorkLog), nameof(Visit), nameof(RoutePlan), nameof(TravelRequest), nameof(Opportunity), nameof(Bid),
        nameof(Quote), nameof(Order), nameof(Invoice), nameof(Receipt), nameof(PriceList),
        nameof(Delivery), nameof(DeliveryException), nameof(Contract), nameof(Planning.Plans.MonthlyPlan), nameof(Planning.Reviews.MonthlyReview), nameof(Target),
        nameof(Rebates.RebatePolicy), nameof(Rebates.RebateSettlement), nameof(CreditNote),
        nameof(Dealers.Dealer), nameof(Dealers.Applications.DealerApplication), nameof(Dealers.DealerTierChange), nameof(Dealers.DealerTerritory),
        nameof(Stores.Store), nameof(StockReports.StockReport), nameof(Rebates.RebateAccrual), nameof(Stores.StoreCheck), nameof(Dealers.Staff.DealerStaffScore),
        nameof(Promotions.Promotion), nameof(Dealers.Evaluations.DealerEvaluation)];

    private static string NormalizeId(string id) => Guid.TryParse(id, out var guid) ? guid.ToString() : id;

    /// <summary>Null when the entity type is unknown; otherwise whether the actor may see that record.</summary>
    private static async Task<bool?> IsVisibleAsync(SalesFlowDbContext db, Actor actor, string entity, string id, CancellationToken ct)
    {
        if (!KnownEntities.Contains(entity))
        {
            return null;
        }

        if (!Guid.TryParse(id, out var guid))
        {
            return false;
        }

        return entity switch
        {
            nameof(Employee) => await db.Employees.VisibleTo(actor).AnyAsync(e => e.Id == guid, ct),
            nameof(OrgUnit) => actor.Can(OrganizationPermissions.View) && await db.OrgUnits.AnyAsync(u => u.Id == guid, ct),
            nameof(AppUser) => actor.Can(UserPermissions.Manage) && await db.Users.AnyAsync(u => u.Id == guid, ct),
            nameof(Customer) => actor.Can(CustomerPermissions.View) && await db.Customers.VisibleTo(actor).AnyAsync(c => c.Id == guid, ct),
            nameof(Lead) => actor.Can(LeadPermissions.View) && await db.Leads.VisibleTo(actor).AnyAsync(l => l.Id == guid, ct),
            nameof(Contact) => actor.Can(CustomerPermissions.View)
                && await db.Contacts.AnyAsync(k => k.Id == guid && db.Customers.VisibleTo(actor).Any(c => c.Id == k.CustomerId), ct),
            nameof(Activity) => actor.Can(FieldWorkPermissions.View) && await db.Activities.VisibleTo(actor).AnyAsync(a => a.Id == guid, ct),
            nameof(WorkLog) => actor.Can(FieldWorkPermissions.View) && await db.WorkLogs.VisibleTo(actor).AnyAsync(w => w.Id == guid, ct),
            nameof(Visit) => actor.Can(FieldWorkPermissions.View) && await db.Visits.VisibleTo(actor).AnyAsync(v => v.Id == guid, ct),
            nameof(RoutePlan) => actor.Can(FieldWorkPermissions.View) && await db.RoutePlans.VisibleTo(actor).AnyAsync(p => p.Id == guid, ct),
            nameof(TravelRequest) => actor.Can(FieldWorkPermissions.View) && await db.TravelRequests.VisibleTo(actor).AnyAsync(t => t.Id == guid, ct),
            nameof(Dealers.Dealer) => actor.Can(Dealers.DealerPermissions.ViewFile) && await Dealers.DealerScope.VisibleTo(db.Dealers, actor).AnyAsync(d => d.Id == guid, ct),
            nameof(Dealers.Applications.DealerApplication) => actor.Can(Dealers.DealerPermissions.ViewFile)
                && await Dealers.Applications.ApplicationScope.VisibleTo(db.DealerApplications, actor).AnyAsync(a => a.Id == guid, ct),
            nameof(Dealers.DealerTierChange) => actor.Can(Dealers.DealerPermissions.ViewFile)
                && await db.DealerTierChanges.AnyAsync(c => c.Id == guid && Dealers.DealerScope.VisibleTo(db.Dealers, actor).Any(d => d.Id == c.DealerId), ct),
            nameof(Dealers.DealerTerritory) => actor.Can(Dealers.DealerPermissions.ViewFile)
                && await db.DealerTerritories.AnyAsync(t => t.Id == guid && Dealers.DealerScope.VisibleTo(db.Dealers, actor).Any(d => d.Id == t.DealerId), ct),
            nameof(Stores.Store) => actor.Can(Stores.StorePermissions.View) && await Stores.StoreScope.VisibleTo(db.Stores, actor).AnyAsync(s => s.Id == guid, ct),
            nameof(StockReports.StockReport) => actor.Can(StockReports.StockReportPermissions.View)
                && await StockReports.StockReportScope.VisibleTo(db.StockReports, db, actor).AnyAsync(r => r.Id == guid, ct),
            nameof(Rebates.RebateAccrual) => actor.Can(Rebates.RebatePermissions.View)
                && await db.RebateAccruals.AnyAsync(a => a.Id == guid && db.Dealers.VisibleTo(actor).Any(d => d.Id == a.DealerId), ct),
            nameof(Stores.StoreCheck) => actor.Can(Stores.StorePermissions.View)
                && await db.StoreChecks.AnyAsync(c => c.Id == guid && Stores.StoreScope.VisibleTo(db.Stores, actor).Any(s => s.Id == c.StoreId), ct),
            nameof(Dealers.Staff.DealerStaffScore) => actor.Can(Dealers.Staff.DealerStaffPermissions.View)
                && await db.DealerStaffScores.AnyAsync(s => s.Id == guid && Dealers.DealerScope.VisibleTo(db.Dealers, actor).Any(d => d.Id == s.DealerId), ct),
            nameof(Dealers.Evaluations.DealerEvaluation) => actor.Can(Dealers.DealerPermissions.ViewFile)
                && await db.DealerEvaluations.AnyAsync(e => e.Id == guid && Dealers.DealerScope.VisibleTo(db.Dealers, actor).Any(d => d.Id == e.DealerId), ct),
            nameof(Opportunity) => actor.Can(OpportunityPermissions.View) && await db.Opportunities.VisibleTo(actor).AnyAsync(o => o.Id == guid, ct),
            nameof(Bid) => actor.Can(BidPermissions.View) && await db.Bids.VisibleTo(actor).AnyAsync(b => b.Id == guid, ct),
            nameof(Quote) => actor.Can(QuotePermissions.View) && await db.Quotes.VisibleTo(actor).AnyAsync(q => q.Id == guid, ct),
            nameof(Order) => actor.Can(OrderPermissions.View) && await db.Orders.VisibleTo(actor).AnyAsync(o => o.Id == guid, ct),
            nameof(Invoice) => actor.Can(BillingPermissions.View) && await db.Invoices.VisibleTo(actor).AnyAsync(i => i.Id == guid, ct),
            nameof(Receipt) => actor.Can(BillingPermissions.View) && await db.Receipts.VisibleTo(actor).AnyAsync(r => r.Id == guid, ct),
            nameof(PriceList) => actor.Can(CatalogPermissions.View) && await db.PriceLists.AnyAsync(p => p.Id == guid, ct),
            nameof(Delivery) => actor.Can(DeliveryPermissions.View) && await db.Deliveries.VisibleTo(actor).AnyAsync(d => d.Id == guid, ct),
            nameof(DeliveryException) => actor.Can(DeliveryPermissions.View) && await db.DeliveryExceptions.VisibleTo(actor).AnyAsync(d => d.Id == guid, ct),
            nameof(Contract) => actor.Can(ContractPermissions.View) && await db.Contracts.VisibleTo(actor).AnyAsync(c => c.Id == guid, ct),
            nameof(Planning.Plans.MonthlyPlan) => actor.Can(Planning.PlanningPermissions.ViewPlans)
                && await Planning.PlanningScope.VisibleTo(db.MonthlyPlans, actor).AnyAsync(p => p.Id == guid, ct),
            nameof(Planning.Reviews.MonthlyReview) => actor.Can(Planning.PlanningPermissions.ViewPlans)
                && await Planning.PlanningScope.VisibleTo(db.MonthlyReviews, actor).AnyAsync(r => r.Id == guid, ct),
            nameof(Target) => actor.Can(PlanningPermissions.ViewTargets) && await db.Targets.VisibleTo(actor).AnyAsync(t => t.Id == guid, ct),
            nameof(Rebates.RebatePolicy) => actor.Can(Rebates.RebatePermissions.View) && await db.RebatePolicies.AnyAsync(p => p.Id == guid, ct),
            nameof(Rebates.RebateSettlement) => actor.Can(Rebates.RebatePermissions.View)
                && await db.RebateSettlements.AnyAsync(r => r.Id == guid && db.Dealers.VisibleTo(actor).Any(d => d.Id == r.DealerId), ct),
            nameof(Promotions.Promotion) => actor.Can(Promotions.PromotionPermissions.View)
                && await (await Promotions.PromotionScope.VisibleAsync(db, actor, ct)).AnyAsync(p => p.Id == guid, ct),
            nameof(CreditNote) => actor.Can(BillingPermissions.View) && await db.CreditNotes.VisibleTo(actor).AnyAsync(c => c.Id == guid, ct),
            _ => null,
        };
    }
}
