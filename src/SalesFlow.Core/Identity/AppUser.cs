using Microsoft.AspNetCore.Identity;
using SalesFlow.Core.Common;
using SalesFlow.Core.Data;

namespace SalesFlow.Core.Identity;

/// <summary>
/// A sign-in account. Internal users point at their <see cref="Organization.Employee"/>; dealer users at
/// their dealer. A disabled user cannot sign in and every token or cookie they hold stops working.
/// </summary>
public sealed class AppUser : IdentityUser<Guid>, IHasId, IAudited
{
    public const string DefaultCulture = "zh-CN";

    public static readonly IReadOnlyList<string> SupportedCultures = ["zh-CN", "en"];

    public string DisplayName { get; set; } = "";

    public Guid? EmployeeId { get; set; }

    public Guid? DealerId { get; set; }

    public string Culture { get; set; } = DefaultCulture;

    public bool IsDisabled { get; private set; }

    public DateTime CreatedAtUtc { get; private set; }

    public string CreatedBy { get; private set; } = "";

    public DateTime UpdatedAtUtc { get; private set; }

    public string UpdatedBy { get; private set; } = "";

    public static AppUser Create(string userName, string displayName, Guid? employeeId) => new()
    {
        Id = Guid.CreateVersion7(),
        UserName = userName,
        NormalizedUserName = userName.ToUpperInvariant(),
        DisplayName = displayName,
        EmployeeId = employeeId,
        SecurityStamp = Guid.NewGuid().ToString("N"),
        ConcurrencyStamp = Guid.NewGuid().ToString("N"),
    };

    public Result Disable(Guid byUserId)
    {
        if (byUserId == Id)
        {
            return IdentityErrors.CannotDisableSelf;
        }

        if (IsDisabled)
        {
            return IdentityErrors.AlreadyDisabled;
        }

        IsDisabled = true;
        SecurityStamp = Guid.NewGuid().ToString("N");
        return Result.Ok();
    }

    public Result Enable()
    {
        if (!IsDisabled)
        {
            return IdentityErrors.AlreadyEnabled;
        }

        IsDisabled = false;
        return Result.Ok();
    }
}

public sealed class AppRole : IdentityRole<Guid>
{
    public AppRole()
    {
    }

    public AppRole(string name)
        : base(name)
    {
        Id = Guid.CreateVersion7();
        NormalizedName = name.ToUpperInvariant();
        ConcurrencyStamp = Guid.NewGuid().ToString("N");
    }
}
