namespace SalesFlow.Core.Common;

/// <summary>
/// Marks a PUT body, or a line of one, that takes back the representation its GET returned (API.md, "Writes"): the
/// representation's other fields are read and ignored instead of refused as unknown.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class AcceptsRepresentationAttribute(Type representation) : Attribute
{
    public Type Representation => representation;
}
