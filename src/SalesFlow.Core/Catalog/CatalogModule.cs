using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using SalesFlow.Core.Catalog.Prices;
using SalesFlow.Core.Catalog.Products;

namespace SalesFlow.Core.Catalog;

public static class CatalogModule
{
    /// <summary>Products and prices. <see cref="DiscountOptions"/> has defaults here; the host registers the configured ones (<c>Discounts</c>).</summary>
    public static IServiceCollection AddCatalog(this IServiceCollection services)
    {
        services.TryAddSingleton(new DiscountOptions());
        return services
            .AddSingleton<DiscountAuthority>()
            .AddScoped<ProductQueries>()
            .AddScoped<SaveProductHandler>()
            .AddScoped<PriceListQueries>()
            .AddScoped<PriceListHandler>()
            .AddScoped<Approvals.IApprovalSubjectHandler, PriceListApprovalSubject>()
            .AddScoped<PriceQueries>();
    }
}
