using SalesFlow.Core.Common;
using SalesFlow.Core.Data;

namespace SalesFlow.Core.Customers;

public enum CustomerType
{
    Enterprise,
    Smb,
    Consumer,
    RetailStore,
    Dealer,
}

/// <summary>A 重点, B 可能, C 普通, D 忽略 (relationship × potential, PRODUCT.md §3).</summary>
public enum CustomerClass
{
    A,
    B,
    C,
    D,
}

public enum ValueTier
{
    High,
    General,
    Low,
}

/// <summary>
/// An account. It belongs to an owner (a rep) and, through the owner's unit at assignment time, to a place in
/// the org tree — that unit is what team and region scopes filter on. Credit terms change only through
/// <see cref="SetCredit"/>, which the use case allows to finance alone.
/// </summary>
public sealed class Customer : IHasId, IAudited, IVersioned
{
    public const string NumberSeries = "CUS";
    public const int NameMaxLength = 200;
    public const int TagsMaxLength = 500;

    private Customer()
    {
    }

    public Customer(string number, string name, CustomerType type, Guid regionId, Guid ownerId, Guid orgUnitId)
    {
        Id = Guid.CreateVersion7();
        Number = number;
        Name = name;
        Type = type;
        RegionId = regionId;
        OwnerId = ownerId;
        OrgUnitId = orgUnitId;
        Class = CustomerClass.C;
        ValueTier = ValueTier.General;
        Tags = "";
    }

    public Guid Id { get; private set; }

    public string Number { get; private set; } = "";

    public string Name { get; private set; } = "";

    public CustomerType Type { get; private set; }

    public CustomerClass Class { get; private set; }

    public ValueTier ValueTier { get; private set; }

    public string? Industry { get; private set; }

    public Guid RegionId { get; private set; }

    public Guid OwnerId { get; private set; }

    public Guid OrgUnitId { get; private set; }

    public string? Address { get; private set; }

    public string? Phone { get; private set; }

    /// <summary>Tags as <c>,a,b,</c> so one tag is one indexed-free LIKE '%,tag,%' match on both engines.</summary>
    public string Tags { get; private set; } = "";

    /// <summary>The language documents for the customer are printed in: <c>zh-CN</c> (default) or <c>en</c> (<see cref="CustomerLanguages"/>).</summary>
    public string PreferredLanguage { get; private set; } = CustomerLanguages.Default;

    public decimal CreditLimit { get; private set; }

    /// <summary>When an order of this customer last went through the credit check; writing it is the check's lock (<see cref="Orders.OrderReview"/>).</summary>
    public DateTime? CreditCheckedAtUtc { get; private set; }

    public int PaymentTermsDays { get; private set; }

    public bool IsDeleted { get; private set; }

    public int Version { get; private set; }

    public DateTime CreatedAtUtc { get; private set; }

    public string CreatedBy { get; private set; } = "";

    public DateTime UpdatedAtUtc { get; private set; }

    public string UpdatedBy { get; private set; } = "";

    public IReadOnlyList<string> TagList => SplitTags(Tags);

    public void UpdateDetails(string name, CustomerType type, string? industry, Guid regionId, string? address, string? phone, IEnumerable<string> tags)
    {
        Name = name;
        Type = type;
        Industry = industry;
        RegionId = regionId;
        Address = address;
        Phone = phone;
        Tags = JoinTags(tags);
    }

    public void PreferLanguage(string language) => PreferredLanguage = CustomerLanguages.Normalize(language) ?? CustomerLanguages.Default;

    public void Classify(CustomerClass customerClass, ValueTier tier)
    {
        Class = customerClass;
        ValueTier = tier;
    }

    public Result SetCredit(decimal limit, int paymentTermsDays)
    {
        if (limit < 0)
        {
            return Error.Invalid("creditLimit", "range", ("min", 0), ("max", 1_000_000_000_000m));
        }

        if (paymentTermsDays is < 0 or > 365)
        {
            return Error.Invalid("paymentTermsDays", "range", ("min", 0), ("max", 365));
        }

        CreditLimit = decimal.Round(limit, 2, MidpointRounding.AwayFromZero);
        PaymentTermsDays = paymentTermsDays;
        return Result.Ok();
    }

    public Result AssignTo(Guid ownerId, Guid ownerUnitId)
    {
        if (ownerId == OwnerId)
        {
            return CustomerErrors.SameOwner;
        }

        OwnerId = ownerId;
        OrgUnitId = ownerUnitId;
        return Result.Ok();
    }

    public Result Delete()
    {
        if (IsDeleted)
        {
            return CustomerErrors.AlreadyDeleted;
        }

        IsDeleted = true;
        return Result.Ok();
    }

    public Result Restore()
    {
        if (!IsDeleted)
        {
            return CustomerErrors.NotDeleted;
        }

        IsDeleted = false;
        return Result.Ok();
    }

    public static string JoinTags(IEnumerable<string> tags)
    {
        var clean = tags.Select(t => t.Trim().Replace(",", "", StringComparison.Ordinal)).Where(t => t.Length > 0).Distinct().ToList();
        return clean.Count == 0 ? "" : "," + string.Join(",", clean) + ",";
    }

    public static IReadOnlyList<string> SplitTags(string tags) => tags.Split(',', StringSplitOptions.RemoveEmptyEntries);
}

/// <summary>A person at a customer. A "valid name list" entry needs full name, title and a phone (PRODUCT.md §3).</summary>
public sealed class Contact : IHasId, IAudited, IVersioned
{
    private Contact()
    {
    }

    public Contact(Guid customerId, string fullName)
    {
        Id = Guid.CreateVersion7();
        CustomerId = customerId;
        FullName = fullName;
    }

    public Guid Id { get; private set; }

    public Guid CustomerId { get; private set; }

    public string FullName { get; private set; } = "";

    public string? Title { get; private set; }

    public string? OfficePhone { get; private set; }

    public string? Mobile { get; private set; }

    public string? Email { get; private set; }

    public bool IsPrimary { get; private set; }

    public bool IsDeleted { get; private set; }

    public int Version { get; private set; }

    public DateTime CreatedAtUtc { get; private set; }

    public string CreatedBy { get; private set; } = "";

    public DateTime UpdatedAtUtc { get; private set; }

    public string UpdatedBy { get; private set; } = "";

    public void Update(string fullName, string? title, string? officePhone, string? mobile, string? email, bool isPrimary)
    {
        FullName = fullName;
        Title = title;
        OfficePhone = officePhone;
        Mobile = mobile;
        Email = email;
        IsPrimary = isPrimary;
    }

    public void Demote() => IsPrimary = false;

    public void Delete() => IsDeleted = true;
}

/// <summary>The languages a customer's documents are printed in.</summary>
public static class CustomerLanguages
{
    public const string Default = "zh-CN";
    public const int MaxLength = 10;

    public static readonly IReadOnlyList<string> All = ["zh-CN", "en"];

    /// <summary>The supported spelling of <paramref name="language"/> (case-insensitive), or null when it is not supported.</summary>
    public static string? Normalize(string? language) =>
        All.FirstOrDefault(l => string.Equals(l, language?.Trim(), StringComparison.OrdinalIgnoreCase));

    /// <summary>A 400 for an unsupported language, or null.</summary>
    public static Error? Check(string? language, string field = "preferredLanguage") =>
        language is null || Normalize(language) is not null ? null : Error.Invalid(field, "oneOf", ("allowed", string.Join(", ", All)));
}
