using SalesFlow.Core.Common;

namespace SalesFlow.Core.FieldWork;

public static class FieldWorkErrors
{
    public static Error NotFound(string entity, Guid id) => Error.NotFound(entity, id);

    public static Error WrongStatus(string entity, string from, string to) =>
        Error.Conflict("fieldwork.wrongStatus", $"A {from} {entity} cannot become {to}.", ("entity", entity), ("from", from), ("to", to));

    /// <summary>Approving one's own request, or commenting on one's own log.</summary>
    public static readonly Error NotYourOwn =
        Error.Rule("fieldwork.notYourOwn", "You cannot decide or review your own record; your manager does.");
}
