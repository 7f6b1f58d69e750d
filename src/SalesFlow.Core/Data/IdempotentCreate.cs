namespace SalesFlow.Core.Data;

/// <summary>
/// The create running under a claimed <c>Idempotency-Key</c> on this async flow. Its first save that adds a business
/// record also marks the key committed, in the same transaction (<see cref="IdempotencyInterceptor"/>), with the
/// location <see cref="LocationPrefix"/>/<c>{id}</c> of that record.
/// </summary>
public sealed class IdempotentCreate
{
    private static readonly AsyncLocal<IdempotentCreate?> Running = new();

    private IdempotentCreate(Guid userId, string key, Guid claimId, string locationPrefix)
    {
        UserId = userId;
        Key = key;
        ClaimId = claimId;
        LocationPrefix = locationPrefix;
    }

    public static IdempotentCreate? Current => Running.Value is { IsOpen: true } create ? create : null;

    public Guid UserId { get; }

    public string Key { get; }

    public Guid ClaimId { get; }

    public string LocationPrefix { get; }

    /// <summary>The location the create's transaction recorded, once it committed.</summary>
    public string? MarkedLocation { get; internal set; }

    // Work the request started but did not await (it keeps the async flow) must not mark the key after the answer.
    public bool IsOpen { get; private set; } = true;

    /// <summary>Starts the create on the calling async flow; <see cref="Close"/> it when the endpoint has answered.</summary>
    public static IdempotentCreate Begin(Guid userId, string key, Guid claimId, string locationPrefix)
    {
        var create = new IdempotentCreate(userId, key, claimId, locationPrefix);
        Running.Value = create;
        return create;
    }

    public void Close()
    {
        IsOpen = false;
        if (ReferenceEquals(Running.Value, this))
        {
            Running.Value = null;
        }
    }
}
