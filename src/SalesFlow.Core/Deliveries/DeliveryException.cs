using SalesFlow.Core.Common;
using SalesFlow.Core.Data;

namespace SalesFlow.Core.Deliveries;

public enum DeliveryExceptionType
{
    Delay,
    Damage,
    Loss,
    WrongGoods,
}

public enum DeliveryExceptionStatus
{
    Open,
    Resolved,
}

/// <summary>
/// A problem with a delivery (delay, damage, loss, wrong goods) handled as a case: an owner (an employee, usually of
/// logistics) works it until it is resolved with a resolution text and date. Scope fields are the delivery's.
/// </summary>
public sealed class DeliveryException : IHasId, IAudited, IVersioned
{
    public const int DescriptionMaxLength = 1000;
    public const int ResolutionMaxLength = 1000;

    private DeliveryException()
    {
    }

    public DeliveryException(Delivery delivery, DeliveryExceptionType type, string description, Guid ownerId, decimal? affectedQuantity, DateOnly openedOn)
    {
        Id = Guid.CreateVersion7();
        DeliveryId = delivery.Id;
        DeliveryNumber = delivery.Number;
        CustomerId = delivery.CustomerId;
        SalesOwnerId = delivery.OwnerId;
        OrgUnitId = delivery.OrgUnitId;
        DealerId = delivery.DealerId;
        Type = type;
        Description = description;
        OwnerId = ownerId;
        AffectedQuantity = affectedQuantity;
        OpenedOn = openedOn;
        Status = DeliveryExceptionStatus.Open;
    }

    public Guid Id { get; private set; }

    public Guid DeliveryId { get; private set; }

    public string DeliveryNumber { get; private set; } = "";

    public Guid CustomerId { get; private set; }

    /// <summary>The order's owner (the rep), for scope.</summary>
    public Guid SalesOwnerId { get; private set; }

    public Guid OrgUnitId { get; private set; }

    public Guid? DealerId { get; private set; }

    public DeliveryExceptionType Type { get; private set; }

    public string Description { get; private set; } = "";

    /// <summary>The employee who works the case.</summary>
    public Guid OwnerId { get; private set; }

    public decimal? AffectedQuantity { get; private set; }

    public DateOnly OpenedOn { get; private set; }

    public DeliveryExceptionStatus Status { get; private set; }

    public string? Resolution { get; private set; }

    public DateOnly? ResolvedOn { get; private set; }

    public int Version { get; private set; }

    public DateTime CreatedAtUtc { get; private set; }

    public string CreatedBy { get; private set; } = "";

    public DateTime UpdatedAtUtc { get; private set; }

    public string UpdatedBy { get; private set; } = "";

    public Result Assign(Guid ownerId)
    {
        if (Status != DeliveryExceptionStatus.Open)
        {
            return DeliveryErrors.ExceptionResolved;
        }

        OwnerId = ownerId;
        return Result.Ok();
    }

    public Result Resolve(string resolution, DateOnly resolvedOn)
    {
        if (Status != DeliveryExceptionStatus.Open)
        {
            return DeliveryErrors.ExceptionResolved;
        }

        if (resolvedOn < OpenedOn)
        {
            return DeliveryErrors.ResolvedBeforeOpened;
        }

        Status = DeliveryExceptionStatus.Resolved;
        Resolution = resolution;
        ResolvedOn = resolvedOn;
        return Result.Ok();
    }
}
