using SalesFlow.Core.Common;
using SalesFlow.Core.Data;

namespace SalesFlow.Core.Stores;

/// <summary>A 重点, B, C, D 一般 (PRODUCT.md §9): the class sets how often the store is visited and what it must carry.</summary>
public enum StoreClass
{
    A,
    B,
    C,
    D,
}

/// <summary>
/// A retail store (终端门店) that sells our products: served by a dealer (<see cref="DealerId"/>) or directly (null).
/// Seen by the people of <see cref="OrgUnitId"/> and by its dealer's users; <see cref="OwnerId"/> is the employee who
/// visits it (the dealer's area manager for a dealer's store).
/// </summary>
public sealed class Store : IHasId, IAudited, IVersioned
{
    public const string NumberSeries = "ST";
    public const int NameMaxLength = 200;

    private Store()
    {
    }

    public Store(string code, string name, Guid? dealerId, StoreClass storeClass, Guid regionId, Guid orgUnitId, Guid ownerId, string province, string city)
    {
        Id = Guid.CreateVersion7();
        Code = code;
        Name = name;
        DealerId = dealerId;
        Class = storeClass;
        RegionId = regionId;
        OrgUnitId = orgUnitId;
        OwnerId = ownerId;
        Province = province;
        City = city;
        IsActive = true;
    }

    public Guid Id { get; private set; }

    /// <summary>ST-000001.</summary>
    public string Code { get; private set; } = "";

    public string Name { get; private set; } = "";

    public Guid? DealerId { get; private set; }

    public StoreClass Class { get; private set; }

    public Guid RegionId { get; private set; }

    public Guid OrgUnitId { get; private set; }

    public Guid OwnerId { get; private set; }

    public string Province { get; private set; } = "";

    public string City { get; private set; } = "";

    public string? Address { get; private set; }

    public string? ContactName { get; private set; }

    public string? Phone { get; private set; }

    public bool IsActive { get; private set; }

    public int Version { get; private set; }

    public DateTime CreatedAtUtc { get; private set; }

    public string CreatedBy { get; private set; } = "";

    public DateTime UpdatedAtUtc { get; private set; }

    public string UpdatedBy { get; private set; } = "";

    public void UpdateDetails(string name, StoreClass storeClass, string? address, string? contactName, string? phone)
    {
        Name = name;
        Class = storeClass;
        Address = address;
        ContactName = contactName;
        Phone = phone;
    }

    /// <summary>A closed store is no longer visited nor counted; it stays for its history.</summary>
    public Result Close()
    {
        if (!IsActive)
        {
            return StoreErrors.AlreadyClosed;
        }

        IsActive = false;
        return Result.Ok();
    }

    public Result Reopen()
    {
        if (IsActive)
        {
            return StoreErrors.NotClosed;
        }

        IsActive = true;
        return Result.Ok();
    }

    /// <summary>Another employee takes over the store's visits (a hand-over of the rep's accounts), in their unit.</summary>
    public void HandTo(Guid ownerId, Guid orgUnitId)
    {
        OwnerId = ownerId;
        OrgUnitId = orgUnitId;
    }

    public void MoveTo(string province, string city)
    {
        Province = province;
        City = city;
    }
}
