namespace SalesFlow.Core.Common;

/// <summary>How an expected failure maps to the caller: the web layer turns each kind into one HTTP status.</summary>
public enum ErrorKind
{
    /// <summary>The request's shape is wrong (missing field, too long, out of range): 400.</summary>
    Validation,

    /// <summary>A business rule refused a well-formed request: 422.</summary>
    BusinessRule,

    /// <summary>The record does not exist or is outside the caller's data scope: 404.</summary>
    NotFound,

    /// <summary>A stale version or a state that does not allow the change: 409.</summary>
    Conflict,

    /// <summary>The caller is known but lacks the permission: 403.</summary>
    Forbidden,

    /// <summary>The caller is not authenticated (wrong credentials): 401.</summary>
    Unauthorized,

    /// <summary>Too many attempts: 429.</summary>
    TooManyRequests,

    /// <summary>A service the request needs (e.g. the PDF printer) is missing or did not answer in time: 503.</summary>
    Unavailable,
}

/// <summary>One field that failed a rule. <paramref name="Rule"/> is a stable code such as <c>required</c>.</summary>
public sealed record FieldError(string Field, string Rule, IReadOnlyDictionary<string, object?>? Args = null);

/// <summary>
/// An expected failure. <see cref="Code"/> is stable (clients and the message catalogue key on it);
/// <see cref="Message"/> is the English fallback; <see cref="Args"/> fill the localized message and are
/// returned as ProblemDetails extensions.
/// </summary>
public sealed record Error(ErrorKind Kind, string Code, string Message)
{
    public IReadOnlyList<FieldError>? Fields { get; init; }

    public IReadOnlyDictionary<string, object?> Args { get; init; } = new Dictionary<string, object?>();

    /// <summary>For conflicts: the current state of the record, so the caller can merge.</summary>
    public object? Current { get; init; }

    public static Error NotFound(string entity, object id) =>
        new(ErrorKind.NotFound, "common.notFound", $"{entity} {id} was not found.")
        {
            Args = new Dictionary<string, object?> { ["entity"] = entity, ["id"] = id.ToString() },
        };

    public static Error Forbidden(string permission) =>
        new(ErrorKind.Forbidden, "common.forbidden", $"You do not have the permission '{permission}'.")
        {
            Args = new Dictionary<string, object?> { ["permission"] = permission },
        };

    public static Error StaleVersion(string entity, int sent, int current, object? currentRecord = null) =>
        new(ErrorKind.Conflict, "common.staleVersion", $"{entity} was changed by someone else (you sent version {sent}, it is now {current}).")
        {
            Args = new Dictionary<string, object?> { ["entity"] = entity, ["sent"] = sent, ["current"] = current },
            Current = currentRecord,
        };

    public static Error Rule(string code, string message, params (string Name, object? Value)[] args) =>
        new(ErrorKind.BusinessRule, code, message) { Args = args.ToDictionary(a => a.Name, a => a.Value) };

    public static Error Conflict(string code, string message, params (string Name, object? Value)[] args) =>
        new(ErrorKind.Conflict, code, message) { Args = args.ToDictionary(a => a.Name, a => a.Value) };

    public static Error Invalid(string field, string rule, params (string Name, object? Value)[] args) =>
        new(ErrorKind.Validation, "common.validation", "One or more fields are invalid.")
        {
            Fields = [new FieldError(field, rule, args.ToDictionary(a => a.Name, a => a.Value))],
        };
}
