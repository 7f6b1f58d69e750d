using SalesFlow.Core.Common;

namespace SalesFlow.Core.Identity;

public static class IdentityErrors
{
    public static readonly Error InvalidCredentials =
        new(ErrorKind.Unauthorized, "auth.invalidCredentials", "The user name or password is wrong.");

    public static readonly Error CannotDisableSelf =
        Error.Rule("user.cannotDisableSelf", "You cannot disable your own account.");

    public static readonly Error AlreadyDisabled =
        Error.Conflict("user.alreadyDisabled", "The user is already disabled.");

    public static readonly Error AlreadyEnabled =
        Error.Conflict("user.alreadyEnabled", "The user is already enabled.");

    public static readonly Error WrongCurrentPassword =
        Error.Rule("auth.wrongCurrentPassword", "The current password is wrong.");

    public static Error Throttled(DateTime untilUtc) =>
        new(ErrorKind.TooManyRequests, "auth.throttled", "Too many failed sign-ins. Try again later.")
        {
            Args = new Dictionary<string, object?> { ["retryAfterUtc"] = untilUtc },
        };

    public static Error PasswordRule(string identityCode, string description) =>
        new(ErrorKind.Validation, "common.validation", description)
        {
            Fields = [new FieldError("newPassword", "password." + identityCode)],
        };
}

public static class UserPermissions
{
    public const string Manage = "users.manage";
}
