using SalesFlow.Core.Common;
using SalesFlow.Core.Data;

namespace SalesFlow.Core.Organization;

public enum Position
{
    Director,
    RegionalManager,
    Supervisor,
    SalesRep,
    Support,

    /// <summary>A dealer's sales staff member (<see cref="Employee.DealerId"/> set), guided by the dealer's area manager.</summary>
    DealerStaff,
}

/// <summary>
/// A person of the sales organisation. Belongs to one unit, reports to one manager, and may have a
/// secondary unit (matrix). Moves between units are kept as <see cref="EmployeeAssignment"/> history.
/// </summary>
public sealed class Employee : IHasId, IAudited, IVersioned
{
    public const int NameMaxLength = 50;

    /// <summary>The <see cref="Data.SequenceNumbers"/> series of employee numbers (EMP-000042).</summary>
    public const string NumberSeries = "EMP";

    private Employee()
    {
    }

    public Employee(
        string employeeNo, string name, string? nameEn, Position position, Guid orgUnitId, Guid? managerId, DateOnly hireDate,
        string? mobile = null, string? email = null, Guid? dealerId = null)
    {
        Id = Guid.CreateVersion7();
        EmployeeNo = employeeNo;
        Name = name;
        NameEn = nameEn;
        Position = position;
        OrgUnitId = orgUnitId;
        ManagerId = managerId;
        HireDate = hireDate;
        Mobile = mobile;
        Email = email;
        DealerId = dealerId;
        IsActive = true;
    }

    public Guid Id { get; private set; }

    public string EmployeeNo { get; private set; } = "";

    public string Name { get; private set; } = "";

    public string? NameEn { get; private set; }

    public Position Position { get; private set; }

    public Guid OrgUnitId { get; private set; }

    public Guid? SecondaryOrgUnitId { get; private set; }

    public Guid? ManagerId { get; private set; }

    /// <summary>Set for dealer staff: the dealer they sell for (their unit and manager are the dealer's unit and area manager).</summary>
    public Guid? DealerId { get; private set; }

    public string? Mobile { get; private set; }

    public string? Email { get; private set; }

    public DateOnly HireDate { get; private set; }

    public DateOnly? LeftOn { get; private set; }

    public bool IsActive { get; private set; }

    public int Version { get; private set; }

    public DateTime CreatedAtUtc { get; private set; }

    public string CreatedBy { get; private set; } = "";

    public DateTime UpdatedAtUtc { get; private set; }

    public string UpdatedBy { get; private set; } = "";

    public void UpdateDetails(string name, string? nameEn, string? mobile, string? email, DateOnly hireDate, Guid? secondaryOrgUnitId)
    {
        Name = name;
        NameEn = nameEn;
        Mobile = mobile;
        Email = email;
        HireDate = hireDate;
        SecondaryOrgUnitId = secondaryOrgUnitId == OrgUnitId ? null : secondaryOrgUnitId;
    }

    /// <summary>
    /// Puts the employee in another unit, under another manager or in another position. The manager
    /// chain (walked by the caller from the database) must not lead back to this employee.
    /// </summary>
    public Result<EmployeeAssignment> Reassign(Guid orgUnitId, Guid? managerId, Position position, DateOnly effective, IReadOnlyCollection<Guid> managerChain)
    {
        if (!IsActive)
        {
            return OrganizationErrors.EmployeeInactive;
        }

        if (managerId == Id || managerChain.Contains(Id))
        {
            return OrganizationErrors.ManagerCycle;
        }

        if (orgUnitId == OrgUnitId && managerId == ManagerId && position == Position)
        {
            return OrganizationErrors.NothingToMove;
        }

        OrgUnitId = orgUnitId;
        ManagerId = managerId;
        Position = position;
        if (SecondaryOrgUnitId == orgUnitId)
        {
            SecondaryOrgUnitId = null;
        }

        return new EmployeeAssignment(Id, orgUnitId, managerId, position, effective);
    }

    public Result Leave(DateOnly lastDay)
    {
        if (!IsActive)
        {
            return OrganizationErrors.EmployeeInactive;
        }

        if (lastDay < HireDate)
        {
            return OrganizationErrors.LeftBeforeHired;
        }

        IsActive = false;
        LeftOn = lastDay;
        return Result.Ok();
    }

    public Result Rehire()
    {
        if (IsActive)
        {
            return OrganizationErrors.EmployeeAlreadyActive;
        }

        IsActive = true;
        LeftOn = null;
        return Result.Ok();
    }
}

/// <summary>One period of an employee's place in the org: unit, manager and position from a date until the next.</summary>
public sealed class EmployeeAssignment : IHasId
{
    private EmployeeAssignment()
    {
    }

    public EmployeeAssignment(Guid employeeId, Guid orgUnitId, Guid? managerId, Position position, DateOnly from)
    {
        Id = Guid.CreateVersion7();
        EmployeeId = employeeId;
        OrgUnitId = orgUnitId;
        ManagerId = managerId;
        Position = position;
        From = from;
    }

    public Guid Id { get; private set; }

    public Guid EmployeeId { get; private set; }

    public Guid OrgUnitId { get; private set; }

    public Guid? ManagerId { get; private set; }

    public Position Position { get; private set; }

    public DateOnly From { get; private set; }

    public DateOnly? Until { get; private set; }

    public void Close(DateOnly until) => Until = until;
}
