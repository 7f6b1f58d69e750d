using SalesFlow.Core.Common;
using SalesFlow.Core.Portal;
using SalesFlow.Web.Api;

namespace SalesFlow.Web.Features.Portal;

/// <summary>The dealer's running campaigns with its own allocations and progress (dealer users only).</summary>
internal static class PortalPromotionEndpoints
{
    public static void MapPortalPromotionEndpoints(this IEndpointRouteBuilder app) =>
        app.MapGet("/api/v1/portal/promotions", async (Actor actor, PortalPromotionQueries queries, CancellationToken ct) =>
            (await queries.ActiveAsync(actor, ct)).ToOk())
            .WithTags("Portal").RequireAuthorization(PortalPermissions.Use).WithName("ListPortalPromotions");
}
