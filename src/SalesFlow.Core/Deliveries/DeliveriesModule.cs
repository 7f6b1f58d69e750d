using Microsoft.Extensions.DependencyInjection;
using SalesFlow.Core.Billing;

namespace SalesFlow.Core.Deliveries;

public static class DeliveriesModule
{
    /// <summary>Deliveries, their exceptions, the freight rate table, and invoicing a delivery (a Billing use case registered here).</summary>
    public static IServiceCollection AddDeliveries(this IServiceCollection services) => services
        .AddScoped<DeliveryQueries>()
        .AddScoped<CreateDeliveryHandler>()
        .AddScoped<UpdateDeliveryHandler>()
        .AddScoped<ChangeDeliveryHandler>()
        .AddScoped<FreightQuoteHandler>()
        .AddScoped<DeliveryExceptionHandler>()
        .AddScoped<FreightRateHandler>()
        .AddScoped<InvoiceDeliveryHandler>();
}
