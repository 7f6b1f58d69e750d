using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using SalesFlow.Core.Approvals;
using SalesFlow.Core.Jobs;
using SalesFlow.Core.Orders;

namespace SalesFlow.Core.Billing;

public static class BillingModule
{
    /// <summary>Orders, invoices, receipts and the receivables reports. <see cref="CreditOptions"/> defaults here; the host registers the configured ones (<c>Credit</c>).</summary>
    public static IServiceCollection AddOrderToCash(this IServiceCollection services)
    {
        services.TryAddSingleton(new CreditOptions());
        return services
            .AddSingleton<OrderReview>()
            .AddScoped<OrderApprovalOutcome>()
            .AddScoped<IApprovalSubjectHandler, OrderApprovalSubject>()
            .AddScoped<OrderQueries>()
            .AddScoped<CreateOrderHandler>()
            .AddScoped<UpdateOrderHandler>()
            .AddScoped<ChangeOrderStatusHandler>()
            .AddScoped<FulfilOrderHandler>()
            .AddScoped<InvoiceQueries>()
            .AddScoped<ReceiptQueries>()
            .AddScoped<CreateInvoiceHandler>()
            .AddScoped<CancelInvoiceHandler>()
            .AddScoped<ReceiptHandler>()
            .AddScoped<BillingReports>()
            .AddScoped<OverdueInvoiceReminders>()
            .AddScoped<IReminder>(sp => sp.GetRequiredService<OverdueInvoiceReminders>());
    }
}
