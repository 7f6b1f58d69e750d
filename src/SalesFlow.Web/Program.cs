using MudBlazor.Services;
using SalesFlow.Core;
using SalesFlow.Core.Common;
using SalesFlow.Core.Data;
using SalesFlow.Core.Identity;
using SalesFlow.Core.Leads;
using SalesFlow.Web;
using SalesFlow.Web.Api;
using SalesFlow.Web.Components;
using SalesFlow.Web.Documents;
using SalesFlow.Web.Features.Account;
using SalesFlow.Web.Features.Approvals;
using SalesFlow.Web.Features.Audit;
using SalesFlow.Web.Features.Auth;
using SalesFlow.Web.Features.Bids;
using SalesFlow.Web.Features.Billing;
using SalesFlow.Web.Features.Catalog;
using SalesFlow.Web.Features.Contracts;
using SalesFlow.Web.Features.Customers;
using SalesFlow.Web.Features.Dealers;
using SalesFlow.Web.Features.Dealers.Evaluations;
using SalesFlow.Web.Features.Dealers.Staff;
using SalesFlow.Web.Features.Deliveries;
using SalesFlow.Web.Features.FieldWork;
using SalesFlow.Web.Features.Imports;
using SalesFlow.Web.Features.Leads;
using SalesFlow.Web.Features.Notifications;
using SalesFlow.Web.Features.Opportunities;
using SalesFlow.Web.Features.Orders;
using SalesFlow.Web.Features.Organization;
using SalesFlow.Web.Features.Planning.Plans;
using SalesFlow.Web.Features.Planning.Progress;
using SalesFlow.Web.Features.Planning.Reviews;
using SalesFlow.Web.Features.Planning.Targets;
using SalesFlow.Web.Features.Portal;
using SalesFlow.Web.Features.Promotions;
using SalesFlow.Web.Features.Quotes;
using SalesFlow.Web.Features.Rebates;
using SalesFlow.Web.Features.StockReports;
using SalesFlow.Web.Features.Stores;
using SalesFlow.Web.Features.Users;
using SalesFlow.Web.Jobs;
using Scalar.AspNetCore;

var builder = WebApplication.CreateBuilder(args);
var config = builder.Configuration;

var database = config.GetSection("Database").Get<DatabaseOptions>() ?? new DatabaseOptions();
var connectionString = config.GetConnectionString("SalesFlow") ?? DatabaseSetup.DefaultSqliteConnection;
if (DatabaseCommands.Matches(args))
{
    // `backup <file>` / `restore <file>`: an operator's verb, run with the app's own configuration instead of the host.
    Environment.ExitCode = await DatabaseCommands.RunAsync(args, database.Provider, connectionString, Console.Out, Console.Error, CancellationToken.None);
    return;
}

builder.Services.AddSalesFlowCore(
    database.Provider,
    connectionString,
    config.GetSection("Company").Get<CompanyOptions>(),
    config.GetSection("Security:LoginThrottle").Get<LoginThrottleOptions>(),
    config.GetSection("Leads").Get<LeadOptions>(),
    config.GetSection("Leads:PipelineHealth").Get<PipelineHealthOptions>());
builder.Services.AddSingleton(database);
builder.Services.AddImportWorker(config);
builder.Services.AddReminderJob(config);
builder.Services.AddSalesSummaryJob(config);
builder.Services.AddSingleton(config.GetSection("Visits").Get<SalesFlow.Core.FieldWork.Visits.VisitOptions>() ?? new());
builder.Services.AddSingleton(config.GetSection("Travel").Get<SalesFlow.Core.FieldWork.Travel.TravelOptions>() ?? new());
builder.Services.AddSingleton(config.GetSection("Bids").Get<SalesFlow.Core.Bids.BidOptions>() ?? new());
builder.Services.AddSingleton(config.GetSection("Discounts").Get<SalesFlow.Core.Catalog.Prices.DiscountOptions>() ?? new());
builder.Services.AddSingleton(config.GetSection("Credit").Get<SalesFlow.Core.Billing.CreditOptions>() ?? new());
builder.Services.AddSingleton(config.GetSection("Planning").Get<SalesFlow.Core.Planning.Plans.PlanningOptions>() ?? new());
builder.Services.AddSingleton(config.GetSection("Notifications:Smtp").Get<SalesFlow.Core.Notifications.SmtpOptions>() ?? new());
builder.Services.AddSingleton<SalesFlow.Core.Notifications.INotificationFormatter, LocalizedNotificationFormatter>();
builder.Services.AddSingleton(config.GetSection("Approvals").Get<SalesFlow.Core.Approvals.ApprovalOptions>() ?? new());
builder.Services.AddSingleton(config.GetSection("Contracts").Get<SalesFlow.Core.Contracts.ContractOptions>() ?? new());
builder.Services.AddSingleton(config.GetSection("Stores").Get<SalesFlow.Core.Stores.StoreOptions>() ?? new());
builder.Services.AddSingleton(config.GetSection("Dealers:Applications").Get<SalesFlow.Core.Dealers.Applications.DealerApplicationOptions>() ?? new());
builder.Services.AddSingleton(config.GetSection("StockReports").Get<SalesFlow.Core.StockReports.StockReportOptions>() ?? new());
builder.Services.AddSingleton((config.GetSection("Dealers:Evaluation").Get<SalesFlow.Core.Dealers.Evaluations.DealerEvaluationOptions>() ?? new()).EnsureValid());

builder.Services.AddDocuments(config);

builder.Services.AddSalesFlowAuthentication();
builder.Services.AddScoped<CurrentActor>();
builder.Services.AddScoped(sp => sp.GetRequiredService<CurrentActor>().Value
    ?? throw new InvalidOperationException("This endpoint needs a signed-in user; add RequireAuthorization()."));

builder.Services.AddLocalization();
// Pages are mostly Chinese: send the characters as they are, not as &#x...; entities.
builder.Services.AddSingleton(System.Text.Encodings.Web.HtmlEncoder.Create(System.Text.Unicode.UnicodeRanges.All));
builder.Services.AddProblemDetails();
builder.Services.AddExceptionHandler<ApiExceptionHandler>();
builder.Services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
builder.Services.ConfigureHttpJsonOptions(o => SalesFlowJson.Configure(o.SerializerOptions));
builder.Services.AddOpenApi(o =>
{
    o.CreateSchemaReferenceId = SchemaIds.Create;
    o.AddOperationTransformer(OptionalBody.DescribeAsync);
    o.AddDocumentTransformer((document, _, _) =>
    {
        document.Info.Title = "SalesFlow API";
        document.Info.Description = "The REST API of SalesFlow. Every UI action is here too, with the same rules and permissions.";
        return Task.CompletedTask;
    });
});
builder.Services.AddHealthChecks()
    .AddCheck<DatabaseReadyCheck>("database", tags: ["ready"]);

builder.Services.AddRazorComponents().AddInteractiveServerComponents();
builder.Services.AddCascadingAuthenticationState();
builder.Services.AddScoped<Microsoft.AspNetCore.Components.Authorization.AuthenticationStateProvider, RevalidatingActorStateProvider>();
builder.Services.AddScoped<UiActor>();
builder.Services.AddMudServices();

var app = builder.Build();

using (var scope = app.Services.CreateScope())
{
    var seedDemo = config.GetValue<bool?>("Demo:Seed") ?? !app.Environment.IsProduction();
    await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().InitializeAsync(
        database.ShouldMigrateOnStartup, seedDemo, config["Demo:Password"] ?? "SalesFlow#2026", CancellationToken.None);
}

app.UseSecurityHeaders();
app.UseExceptionHandler();
// An empty error response becomes ProblemDetails under /api and the not-found page elsewhere.
app.UseWhen(context => AuthenticationSetup.IsApi(context.Request), api => api.UseStatusCodePages());
app.UseWhen(context => !AuthenticationSetup.IsApi(context.Request), ui => ui.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true));
app.UseQueryTextGuard();
app.UseRouting(); // after the status-code pages, so a re-executed request is routed again
app.UseAuthentication();
app.UseMiddleware<ActorMiddleware>();
app.UseSalesFlowCultures();
app.UseAuthorization();
app.UseAntiforgery();

app.MapStaticAssets();
app.MapOpenApi("/openapi/{documentName}.json");
app.MapScalarApiReference("/api/docs", o => o
    .WithTitle("SalesFlow API")
    .WithOpenApiRoutePattern("/openapi/{documentName}.json")
    .DisableDefaultFonts());
app.MapHealthChecks("/health/live", new() { Predicate = _ => false });
app.MapHealthChecks("/health/ready", new() { Predicate = check => check.Tags.Contains("ready") });

app.MapAuthEndpoints();
app.MapMeEndpoints();
app.MapOrgUnitEndpoints();
app.MapEmployeeEndpoints();
app.MapCustomerEndpoints();
app.MapLeadEndpoints();
app.MapImportEndpoints();
app.MapFieldWorkEndpoints();
app.MapOpportunityEndpoints();
app.MapBidEndpoints();
app.MapOrderEndpoints();
app.MapDeliveryEndpoints();
app.MapBillingEndpoints();
app.MapApprovalEndpoints();
app.MapNotificationEndpoints();
app.MapQuoteEndpoints();
app.MapCatalogEndpoints();
app.MapContractEndpoints();
app.MapDealerEndpoints();
app.MapPlanEndpoints();
app.MapReviewEndpoints();
app.MapUserEndpoints();
app.MapAuditEndpoints();
app.MapAccountEndpoints();
app.MapProgressEndpoints();
app.MapTargetEndpoints();
app.MapPortalEndpoints();
app.MapStoreEndpoints();
app.MapDealerStaffEndpoints();
app.MapRebateEndpoints();
app.MapStockReportEndpoints();
app.MapPromotionEndpoints();
app.MapDealerEvaluationEndpoints();
app.MapFallback("/api/{**path}", () => new Error(ErrorKind.NotFound, "common.routeNotFound", "There is no such API endpoint.").ToProblem());

app.MapRazorComponents<App>().AddInteractiveServerRenderMode();

await app.RunAsync();

/// <summary>Entry point, visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
