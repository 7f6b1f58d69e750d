namespace SalesFlow.Core.Data;

/// <summary>
/// A business record whose every change lands in the audit trail, and that knows who made it and when.
/// The <see cref="AuditInterceptor"/> fills these fields; entities never set them.
/// </summary>
public interface IAudited
{
    DateTime CreatedAtUtc { get; }

    string CreatedBy { get; }

    DateTime UpdatedAtUtc { get; }

    string UpdatedBy { get; }
}

/// <summary>An edited aggregate with an app-managed optimistic concurrency token, bumped on every save.</summary>
public interface IVersioned
{
    int Version { get; }
}
