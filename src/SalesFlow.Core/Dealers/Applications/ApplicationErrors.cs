using SalesFlow.Core.Common;

namespace SalesFlow.Core.Dealers.Applications;

public static class ApplicationErrors
{
    public static Error NotFound(Guid id) => Error.NotFound("DealerApplication", id);

    public static Error WrongStatus(ApplicationStatus status) =>
        Error.Conflict("application.wrongStatus", $"The application is {status}; this step is not possible now.", ("applicationStatus", status.ToString()));

    public static Error BelowPassMark(decimal total, decimal passMark) =>
        Error.Rule(
            "application.belowPassMark", $"The application scored {total:0.#}, below the pass mark {passMark:0.#}; it cannot be approved.",
            ("totalScore", total), ("passMark", passMark));

    public static readonly Error ManagerUnknown =
        Error.Rule("application.managerUnknown", "The area manager is not an active employee in your scope.");
}
