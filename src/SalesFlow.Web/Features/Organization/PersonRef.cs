namespace SalesFlow.Web.Features.Organization;

/// <summary>An employee as a picker shows it: the name, and a line that tells namesakes apart.</summary>
public sealed record PersonRef(Guid Id, string Name, string? Detail = null);
