using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace SalesFlow.Core.Bids;

public static class BidsModule
{
    /// <summary><see cref="BidOptions"/> has defaults here; the host registers the configured ones (<c>Bids</c>).</summary>
    public static IServiceCollection AddBids(this IServiceCollection services)
    {
        services.TryAddSingleton(new BidOptions());
        return services
            .AddScoped<BidQueries>()
            .AddScoped<RegisterBidHandler>()
            .AddScoped<AdvanceBidHandler>()
            .AddScoped<AssignBidStepHandler>();
    }
}
