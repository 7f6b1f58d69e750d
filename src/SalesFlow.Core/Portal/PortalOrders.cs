using Microsoft.Extensions.DependencyInjection;
using SalesFlow.Core.Common;
using SalesFlow.Core.Orders;

namespace SalesFlow.Core.Portal;

/// <summary>
/// A dealer user orders through the SAME order use cases as a rep (<see cref="NewOrder"/> through
/// <see cref="CreateOrderHandler.CreateAsync"/>, the submit with its credit check through
/// <see cref="ChangeOrderStatusHandler.ApplyAsync"/>), on channel Portal. The customer is the dealer's own account taken
/// from the signed-in user, never from the body; no discount can be asked (the tier price list decides). The answer is
/// the dealer-facing <see cref="PortalOrder"/>.
/// </summary>
public sealed class PortalOrderHandler(CreateOrderHandler create, ChangeOrderStatusHandler change, PortalQueries queries)
{
    public async Task<Result<PortalOrder>> PlaceAsync(PlacePortalOrder request, Actor actor, CancellationToken ct)
    {
        if ((actor.Require(PortalPermissions.Order) ?? PortalQueries.Check(actor)) is { } denied)
        {
            return denied;
        }

        if (RequestValidation.Check(request) is { } invalid)
        {
            return invalid;
        }

        var lines = request.Lines!.Select(l => new OrderLineInput(l.ProductId, l.Quantity, l.Unit)).ToList();
        var created = await create.CreateAsync(
            new CreateOrder(actor.DealerAccountId, lines, request.RequestedDeliveryDate, OrderChannel.Portal), actor, ct);
        return created.IsSuccess ? await queries.OrderAsync(actor, created.Value, ct) : created.Error!;
    }

    /// <summary>Submit (credit check: confirmed, or on credit hold for finance) or cancel (with a reason) one of its own draft orders.</summary>
    public async Task<Result<PortalOrder>> StepAsync(Guid id, OrderStep step, int? version, string? reason, Actor actor, CancellationToken ct)
    {
        if ((actor.Require(PortalPermissions.Order) ?? PortalQueries.Check(actor)) is { } denied)
        {
            return denied;
        }

        if (step is not (OrderStep.Submit or OrderStep.Cancel))
        {
            return Error.Forbidden(OrderPermissions.Edit);
        }

        var changed = await change.ApplyAsync(new ChangeOrderStatus(id, step, version, reason), actor, ct, draftsOnly: true);
        return changed.IsSuccess ? await queries.OrderAsync(actor, changed.Value, ct) : changed.Error!;
    }
}

public static class PortalModule
{
    public static IServiceCollection AddPortal(this IServiceCollection services) => services
        .AddScoped<PortalQueries>()
        .AddScoped<PortalOrderHandler>();
}
