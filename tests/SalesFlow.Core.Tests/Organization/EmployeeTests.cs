using SalesFlow.Core.Organization;

namespace SalesFlow.Core.Tests.Organization;

public class EmployeeTests
{
    private static readonly DateOnly Hired = new(2024, 5, 1);

    private static Employee Rep(Guid? manager = null) =>
        new("E-1", "张伟", null, Position.SalesRep, Guid.CreateVersion7(), manager, Hired);

    [Fact]
    public void Reassignment_to_a_manager_who_reports_to_the_employee_is_refused()
    {
        var employee = Rep();
        var report = Guid.CreateVersion7();

        var result = employee.Reassign(Guid.CreateVersion7(), report, Position.SalesRep, Hired.AddDays(10), [report, employee.Id]);

        Assert.Equal("org.managerCycle", result.Error?.Code);
    }

    [Fact]
    public void Reassignment_that_changes_nothing_is_refused()
    {
        var employee = Rep();

        var result = employee.Reassign(employee.OrgUnitId, employee.ManagerId, employee.Position, Hired, []);

        Assert.Equal("org.nothingToMove", result.Error?.Code);
    }

    [Fact]
    public void Reassignment_returns_the_new_assignment_from_the_effective_date()
    {
        var employee = Rep();
        var team = Guid.CreateVersion7();
        var manager = Guid.CreateVersion7();

        var result = employee.Reassign(team, manager, Position.Supervisor, new DateOnly(2026, 1, 1), [manager]);

        Assert.Equal(team, employee.OrgUnitId);
        Assert.Equal(Position.Supervisor, employee.Position);
        Assert.Equal(new DateOnly(2026, 1, 1), result.Value!.From);
        Assert.Null(result.Value.Until);
    }

    [Fact]
    public void Leaving_before_the_hire_date_is_refused_and_leaving_twice_too()
    {
        var employee = Rep();

        Assert.Equal("org.leftBeforeHired", employee.Leave(Hired.AddDays(-1)).Error?.Code);
        Assert.True(employee.Leave(Hired.AddDays(100)).IsSuccess);
        Assert.Equal("org.employeeInactive", employee.Leave(Hired.AddDays(101)).Error?.Code);
        Assert.False(employee.IsActive);
    }

    [Fact]
    public void A_rehired_employee_is_active_again_without_a_leaving_date()
    {
        var employee = Rep();
        employee.Leave(Hired.AddDays(30));

        Assert.True(employee.Rehire().IsSuccess);
        Assert.True(employee.IsActive);
        Assert.Null(employee.LeftOn);
        Assert.Equal("org.employeeAlreadyActive", employee.Rehire().Error?.Code);
    }
}
