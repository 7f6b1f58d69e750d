namespace SalesFlow.Web.Features.FieldWork;

internal static class FieldWorkEndpoints
{
    /// <summary>Activities, work logs, visits, route plans, travel requests and the visit-compliance report.</summary>
    public static void MapFieldWorkEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapActivityEndpoints();
        app.MapVisitEndpoints();
        app.MapTravelEndpoints();
    }
}
