using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using SalesFlow.Core.Approvals;
using SalesFlow.Core.Bids;
using SalesFlow.Core.Billing;
using SalesFlow.Core.Catalog;
using SalesFlow.Core.Common;
using SalesFlow.Core.Contracts;
using SalesFlow.Core.Customers;
using SalesFlow.Core.Data;
using SalesFlow.Core.Dealers;
using SalesFlow.Core.Dealers.Evaluations;
using SalesFlow.Core.Dealers.Staff;
using SalesFlow.Core.Deliveries;
using SalesFlow.Core.Demo;
using SalesFlow.Core.FieldWork;
using SalesFlow.Core.Identity;
using SalesFlow.Core.Imports;
using SalesFlow.Core.Leads;
using SalesFlow.Core.Notifications;
using SalesFlow.Core.Opportunities;
using SalesFlow.Core.Organization;
using SalesFlow.Core.Planning;
using SalesFlow.Core.Portal;
using SalesFlow.Core.Promotions;
using SalesFlow.Core.Quotes;
using SalesFlow.Core.Rebates;
using SalesFlow.Core.StockReports;
using SalesFlow.Core.Stores;

namespace SalesFlow.Core;

public static class SalesFlowCoreSetup
{
    /// <summary>Whom changes made by ASP.NET Core Identity's own store (password hashes, stamps) are attributed to.</summary>
    private static readonly Actor IdentityStore = Actor.System with { UserName = "identity" };

    /// <summary>The database plus every module's services. Used by the web host, the tests and the benchmarks alike.</summary>
    public static IServiceCollection AddSalesFlowCore(
        this IServiceCollection services, DatabaseProvider provider, string connectionString, CompanyOptions? company = null, LoginThrottleOptions? throttle = null, LeadOptions? leads = null,
        PipelineHealthOptions? pipelineHealth = null)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(company ?? new CompanyOptions());
        services.AddSingleton(throttle ?? new LoginThrottleOptions());
        services.AddSingleton<CompanyClock>();
        services.AddSingleton(leads ?? new LeadOptions());
        services.AddSingleton(pipelineHealth ?? new PipelineHealthOptions());

        services.AddDbContextFactory<SalesFlowDbContext>((sp, options) => options
            .UseSalesFlowDatabase(provider, connectionString)
            .AddInterceptors(
                new AuditInterceptor(sp.GetRequiredService<TimeProvider>()),
                new IdempotencyInterceptor(sp.GetRequiredService<TimeProvider>()),
                new Planning.Summaries.SalesSummaryTracker()));
        services.AddScoped(sp =>
        {
            var db = sp.GetRequiredService<IDbContextFactory<SalesFlowDbContext>>().CreateDbContext();
            db.ActingAs = IdentityStore;
            return db;
        });

        services.AddIdentityCore<AppUser>(options =>
            {
                options.User.RequireUniqueEmail = false;
                options.Password.RequiredLength = 8;
                options.Password.RequireNonAlphanumeric = false;
                options.Password.RequireUppercase = false;
            })
            .AddRoles<AppRole>()
            .AddEntityFrameworkStores<SalesFlowDbContext>();

        services.AddScoped<IdempotencyStore>();
        services.AddScoped<DatabaseInitializer>();
        services.AddScoped<DemoCompanySeeder>();
        services.AddScoped<Auditing.AuditQueries>();

        return services
            .AddIdentityAccess()
            .AddOrganization()
            .AddCustomers()
            .AddLeads()
            .AddImports()
            .AddFieldWork()
            .AddOpportunities()
            .AddCatalog()
            .AddBids()
            .AddApprovals()
            .AddQuotes()
            .AddOrderToCash()
            .AddNotifications()
            .AddDeliveries()
            .AddContracts()
            .AddPlanning()
            .AddPortal()
            .AddStores()
            .AddDealerStaff()
            .AddRebates()
            .AddDealers()
            .AddStockReports()
            .AddPromotions()
            .AddDealerEvaluations();
    }
}
