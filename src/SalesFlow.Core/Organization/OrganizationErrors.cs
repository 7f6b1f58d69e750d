using SalesFlow.Core.Common;

namespace SalesFlow.Core.Organization;

public static class OrganizationErrors
{
    public static readonly Error OnlyOneCompany =
        Error.Rule("org.onlyOneCompany", "The tree has exactly one company at its root.");

    public static readonly Error CompanyCannotMove =
        Error.Rule("org.companyIsRoot", "The company is the root of the tree; it cannot be moved or deleted.");

    public static readonly Error MoveIntoOwnSubtree =
        Error.Rule("org.moveIntoOwnSubtree", "A unit cannot be moved under itself or one of its own sub-units.");

    public static readonly Error ParentDeleted =
        Error.Rule("org.parentDeleted", "The parent unit is deleted; restore it first.");

    public static readonly Error UnitNotEmpty =
        Error.Rule("org.unitNotEmpty", "A unit with active sub-units or employees cannot be deleted; move them first.");

    public static readonly Error CodeTaken =
        Error.Rule("org.codeTaken", "Another unit already uses this code.");

    public static readonly Error EmployeeInactive =
        Error.Rule("org.employeeInactive", "The employee has left; rehire them first.");

    public static readonly Error EmployeeAlreadyActive =
        Error.Conflict("org.employeeAlreadyActive", "The employee is already active.");

    public static readonly Error ManagerCycle =
        Error.Rule("org.managerCycle", "An employee cannot report to themselves, directly or through their own reports.");

    public static readonly Error ManagerInactive =
        Error.Rule("org.managerInactive", "The manager has left the company.");

    public static readonly Error NothingToMove =
        Error.Rule("org.nothingToMove", "The employee already has this unit, manager and position.");

    public static readonly Error LeftBeforeHired =
        Error.Rule("org.leftBeforeHired", "The last working day is before the hire date.");

    public static Error UnitNotFound(Guid id) => Error.NotFound("OrgUnit", id);

    public static Error EmployeeNotFound(Guid id) => Error.NotFound("Employee", id);
}
