using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using SalesFlow.Core.Auditing;
using SalesFlow.Core.Common;
using SalesFlow.Core.Customers;
using SalesFlow.Core.FieldWork.Activities;
using SalesFlow.Core.FieldWork.Travel;
using SalesFlow.Core.FieldWork.Visits;
using SalesFlow.Core.Identity;
using SalesFlow.Core.Leads;
using SalesFlow.Core.Opportunities;
using SalesFlow.Core.Organization;

namespace SalesFlow.Core.Data;

public sealed class SalesFlowDbContext(DbContextOptions<SalesFlowDbContext> options)
    : IdentityDbContext<AppUser, AppRole, Guid>(options)
{
    /// <summary>Who the changes saved through this context are attributed to in the audit trail.</summary>
    public Actor? ActingAs { get; set; }

    // Organization
    public DbSet<OrgUnit> OrgUnits => Set<OrgUnit>();

    public DbSet<OrgUnitMove> OrgUnitMoves => Set<OrgUnitMove>();

    public DbSet<Employee> Employees => Set<Employee>();

    public DbSet<EmployeeAssignment> EmployeeAssignments => Set<EmployeeAssignment>();

    // Customers
    public DbSet<Customer> Customers => Set<Customer>();

    public DbSet<Contact> Contacts => Set<Contact>();

    // Leads
    public DbSet<Lead> Leads => Set<Lead>();

    // Imports
    public DbSet<Imports.ImportJob> ImportJobs => Set<Imports.ImportJob>();

    public DbSet<Imports.ImportRowError> ImportRowErrors => Set<Imports.ImportRowError>();
    // Field work
    public DbSet<Activity> Activities => Set<Activity>();
    public DbSet<WorkLog> WorkLogs => Set<WorkLog>();
    public DbSet<Visit> Visits => Set<Visit>();
    public DbSet<RoutePlan> RoutePlans => Set<RoutePlan>();
    public DbSet<RoutePlanStop> RoutePlanStops => Set<RoutePlanStop>();
    public DbSet<TravelRequest> TravelRequests => Set<TravelRequest>();
    public DbSet<TravelRequestCustomer> TravelRequestCustomers => Set<TravelRequestCustomer>();
    // Opportunities
    public DbSet<OpportunityStage> OpportunityStages => Set<OpportunityStage>();
    public DbSet<Opportunity> Opportunities => Set<Opportunity>();
    public DbSet<OpportunityStageChange> OpportunityStageChanges => Set<OpportunityStageChange>();

    // Catalog
    public DbSet<Catalog.Products.Product> Products => Set<Catalog.Products.Product>();

    public DbSet<Catalog.Products.ProductUnitConversion> ProductUnitConversions => Set<Catalog.Products.ProductUnitConversion>();

    public DbSet<Catalog.Prices.PriceList> PriceLists => Set<Catalog.Prices.PriceList>();

    public DbSet<Catalog.Prices.PriceListItem> PriceListItems => Set<Catalog.Prices.PriceListItem>();

    // Bids
    public DbSet<Bids.Bid> Bids => Set<Bids.Bid>();

    public DbSet<Bids.BidStepRecord> BidSteps => Set<Bids.BidStepRecord>();
    // Approvals
    public DbSet<Approvals.ApprovalRequest> ApprovalRequests => Set<Approvals.ApprovalRequest>();
    public DbSet<Approvals.ApprovalStep> ApprovalSteps => Set<Approvals.ApprovalStep>();
    // Quotes
    public DbSet<Quotes.Quote> Quotes => Set<Quotes.Quote>();
    public DbSet<Quotes.QuoteLine> QuoteLines => Set<Quotes.QuoteLine>();

    // Identity and access
    public DbSet<Orders.Order> Orders => Set<Orders.Order>();

    public DbSet<Orders.OrderLine> OrderLines => Set<Orders.OrderLine>();

    public DbSet<Billing.Invoice> Invoices => Set<Billing.Invoice>();

    public DbSet<Billing.InvoiceLine> InvoiceLines => Set<Billing.InvoiceLine>();

    public DbSet<Billing.Receipt> Receipts => Set<Billing.Receipt>();

    public DbSet<Billing.ReceiptAllocation> ReceiptAllocations => Set<Billing.ReceiptAllocation>();

    // Deliveries (PRODUCT.md §6): shipments of orders, their events, exception cases and the freight rate table.
    public DbSet<Deliveries.Delivery> Deliveries => Set<Deliveries.Delivery>();

    public DbSet<Deliveries.DeliveryLine> DeliveryLines => Set<Deliveries.DeliveryLine>();

    public DbSet<Deliveries.DeliveryEvent> DeliveryEvents => Set<Deliveries.DeliveryEvent>();

    public DbSet<Deliveries.DeliveryInvoice> DeliveryInvoices => Set<Deliveries.DeliveryInvoice>();

    public DbSet<Deliveries.DeliveryException> DeliveryExceptions => Set<Deliveries.DeliveryException>();

    public DbSet<Deliveries.FreightRate> FreightRates => Set<Deliveries.FreightRate>();
    public DbSet<Contracts.Contract> Contracts => Set<Contracts.Contract>();
    public DbSet<Contracts.ContractOrder> ContractOrders => Set<Contracts.ContractOrder>();

    // Planning
    public DbSet<Planning.Targets.Target> Targets => Set<Planning.Targets.Target>();

    public DbSet<Planning.Plans.MonthlyPlan> MonthlyPlans => Set<Planning.Plans.MonthlyPlan>();

    public DbSet<Planning.Plans.MonthlyPlanLine> MonthlyPlanLines => Set<Planning.Plans.MonthlyPlanLine>();

    public DbSet<Planning.Reviews.MonthlyReview> MonthlyReviews => Set<Planning.Reviews.MonthlyReview>();

    public DbSet<Planning.Reviews.MonthlyReviewLine> MonthlyReviewLines => Set<Planning.Reviews.MonthlyReviewLine>();

    public DbSet<Planning.Summaries.SalesMonthSummary> SalesMonthSummaries => Set<Planning.Summaries.SalesMonthSummary>();

    public DbSet<Planning.Summaries.SalesMonthTotal> SalesMonthTotals => Set<Planning.Summaries.SalesMonthTotal>();

    public DbSet<Planning.Summaries.SalesSummaryChange> SalesSummaryChanges => Set<Planning.Summaries.SalesSummaryChange>();

    // Dealers and stores
    public DbSet<Dealers.Dealer> Dealers => Set<Dealers.Dealer>();

    public DbSet<Dealers.DealerTerritory> DealerTerritories => Set<Dealers.DealerTerritory>();

    public DbSet<Dealers.DealerTierChange> DealerTierChanges => Set<Dealers.DealerTierChange>();

    public DbSet<Dealers.Evaluations.DealerEvaluation> DealerEvaluations => Set<Dealers.Evaluations.DealerEvaluation>();

    public DbSet<Dealers.Applications.DealerApplication> DealerApplications => Set<Dealers.Applications.DealerApplication>();

    public DbSet<Dealers.Applications.ApplicationScore> DealerApplicationScores => Set<Dealers.Applications.ApplicationScore>();

    public DbSet<Stores.Store> Stores => Set<Stores.Store>();

    public DbSet<Stores.StoreCheck> StoreChecks => Set<Stores.StoreCheck>();

    public DbSet<Dealers.Staff.DealerStaffScore> DealerStaffScores => Set<Dealers.Staff.DealerStaffScore>();

    public DbSet<StockReports.StockReport> StockReports => Set<StockReports.StockReport>();

    public DbSet<StockReports.StockReportLine> StockReportLines => Set<StockReports.StockReportLine>();

    public DbSet<Rebates.RebatePolicy> RebatePolicies => Set<Rebates.RebatePolicy>();

    public DbSet<Rebates.RebatePolicyTier> RebatePolicyTiers => Set<Rebates.RebatePolicyTier>();

    public DbSet<Rebates.RebateAccrual> RebateAccruals => Set<Rebates.RebateAccrual>();

    public DbSet<Rebates.RebateSettlement> RebateSettlements => Set<Rebates.RebateSettlement>();

    public DbSet<Billing.CreditNote> CreditNotes => Set<Billing.CreditNote>();

    public DbSet<Billing.CreditNoteAllocation> CreditNoteAllocations => Set<Billing.CreditNoteAllocation>();

    public DbSet<Promotions.Promotion> Promotions => Set<Promotions.Promotion>();

    public DbSet<Promotions.PromotionProduct> PromotionProducts => Set<Promotions.PromotionProduct>();

    public DbSet<Promotions.PromotionAllocation> PromotionAllocations => Set<Promotions.PromotionAllocation>();

    public DbSet<ApiToken> ApiTokens => Set<ApiToken>();

    public DbSet<LoginAttempt> LoginAttempts => Set<LoginAttempt>();

    // Platform
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    public DbSet<IdempotencyRecord> IdempotencyRecords => Set<IdempotencyRecord>();

    public DbSet<Counter> Counters => Set<Counter>();

    public DbSet<Notifications.Notification> Notifications => Set<Notifications.Notification>();

    public DbSet<Jobs.JobLease> JobLeases => Set<Jobs.JobLease>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Timestamps are UTC everywhere; SQLite hands them back without a kind, so say it on the way out.
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        configurationBuilder.Properties<DateTime?>().HaveConversion<NullableUtcDateTimeConverter>();
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(SalesFlowDbContext).Assembly);
        ApplyRecordConventions(builder);
        if (Database.IsSqlite())
        {
            DecimalStorage.StoreDecimalsAsMinorUnits(builder);
        }
    }

    /// <summary>Every audited record names who touched it the same way; every versioned one is checked on save.</summary>
    private static void ApplyRecordConventions(ModelBuilder builder)
    {
        foreach (var entity in builder.Model.GetEntityTypes())
        {
            if (typeof(IAudited).IsAssignableFrom(entity.ClrType))
            {
                entity.FindProperty(nameof(IAudited.CreatedBy))!.SetMaxLength(100);
                entity.FindProperty(nameof(IAudited.UpdatedBy))!.SetMaxLength(100);
            }

            if (typeof(IVersioned).IsAssignableFrom(entity.ClrType))
            {
                entity.FindProperty(nameof(IVersioned.Version))!.IsConcurrencyToken = true;
            }
        }
    }
}
