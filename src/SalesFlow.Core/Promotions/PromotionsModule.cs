using Microsoft.Extensions.DependencyInjection;

namespace SalesFlow.Core.Promotions;

/// <summary>Promotions and new-product launches (PRODUCT.md §8): campaigns, allocations and their tracking.</summary>
public static class PromotionsModule
{
    public static IServiceCollection AddPromotions(this IServiceCollection services) => services
        .AddScoped<PromotionQueries>()
        .AddScoped<PromotionHandler>()
        .AddScoped<Portal.PortalPromotionQueries>();
}
