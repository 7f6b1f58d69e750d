using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using SalesFlow.Core.Common;
using SalesFlow.Core.Data;
using SalesFlow.Core.Identity;
using SalesFlow.Core.Organization;

namespace SalesFlow.Core.Dealers.Staff;

/// <summary>A new dealer staff member with the sign-in account they will use (the password is set here, as for any user).</summary>
public sealed record AddDealerStaff(
    [property: Required, StringLength(Employee.NameMaxLength, MinimumLength = 1)] string? Name,
    [property: Required, StringLength(64, MinimumLength = 3), RegularExpression("^[A-Za-z0-9._-]+$")] string? UserName,
    [property: Required, StringLength(256, MinimumLength = 8)] string? Password,
    [property: StringLength(30)] string? Mobile = null,
    Guid? DealerId = null);

public sealed record ScoreDealerStaff(
    Guid EmployeeId,
    [property: Required] DateOnly? Month,
    [property: Required, Range(0, 100)] int? Score,
    [property: StringLength(DealerStaffScore.CommentMaxLength)] string? Comment = null,
    int? Version = null);

/// <summary>
/// Adds and deactivates dealer staff and records the area manager's monthly score. A staff member is an employee of
/// the dealer's unit reporting to the dealer's area manager, with a <see cref="Roles.DealerStaff"/> account — so visits,
/// monthly plans and reviews work for them exactly as for a rep. A dealer user only ever acts on its own dealer.
/// </summary>
public sealed class DealerStaffHandler(
    IDbContextFactory<SalesFlowDbContext> dbFactory, UserManager<AppUser> users, CompanyClock clock, DealerStaffQueries queries)
{
    public async Task<Result<Guid>> AddAsync(AddDealerStaff request, Actor actor, CancellationToken ct)
    {
        if ((actor.Require(DealerStaffPermissions.Manage) ?? RequestValidation.Check(request)) is { } refused)
        {
            return refused;
        }

        var dealerId = actor.Scope == DataScope.OwnDealer ? actor.DealerId : request.DealerId;
        if (dealerId is null)
        {
            return Error.Invalid("dealerId", "required");
        }

        await using var db = await dbFactory.OpenAsync(actor, ct);
        var dealer = await db.Dealers.VisibleTo(actor).SingleOrDefaultAsync(d => d.Id == dealerId, ct);
        if (dealer is null)
        {
            return Error.NotFound("Dealer", dealerId);
        }

        if (dealer.Status == DealerStatus.Terminated)
        {
            return DealerStaffErrors.DealerTerminated;
        }

        var userName = request.UserName!.Trim();
        var normalized = users.NormalizeName(userName);
        if (await db.Users.AnyAsync(u => u.NormalizedUserName == normalized, ct))
        {
            return DealerStaffErrors.UserNameTaken(userName);
        }

        var name = request.Name!.Trim();
        var user = AppUser.Create(userName, name, null);
        foreach (var validator in users.PasswordValidators)
        {
            var checkedPassword = await validator.ValidateAsync(users, user, request.Password!);
            if (!checkedPassword.Succeeded)
            {
                var first = checkedPassword.Errors.First();
                return IdentityErrors.PasswordRule(first.Code, first.Description);
            }
        }

        var roleId = await db.Roles.Where(r => r.Name == Roles.DealerStaff).Select(r => r.Id).SingleAsync(ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var number = await SequenceNumbers.NextAsync(db, Employee.NumberSeries, SequenceNumbers.NoYear, ct);
        var today = clock.Today;
        var mobile = string.IsNullOrWhiteSpace(request.Mobile) ? null : request.Mobile.Trim();
        var employee = new Employee(number, name, null, Position.DealerStaff, dealer.OrgUnitId, dealer.ManagerId, today, mobile, dealerId: dealer.Id);
        db.Employees.Add(employee);
        db.EmployeeAssignments.Add(new EmployeeAssignment(employee.Id, dealer.OrgUnitId, dealer.ManagerId, Position.DealerStaff, today));
        user.EmployeeId = employee.Id;
        user.PasswordHash = users.PasswordHasher.HashPassword(user, request.Password!);
        db.Users.Add(user);
        db.UserRoles.Add(new IdentityUserRole<Guid> { UserId = user.Id, RoleId = roleId });
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return employee.Id;
    }

    /// <summary>The staff member leaves the dealer today: the employee record is closed and the account disabled (its tokens end).</summary>
    public async Task<Result<Guid>> DeactivateAsync(Guid employeeId, Actor actor, CancellationToken ct)
    {
        if (actor.Require(DealerStaffPermissions.Manage) is { } denied)
        {
            return denied;
        }

        await using (var db = await dbFactory.OpenAsync(actor, ct))
        {
            var employee = await DealerStaffQueries.StaffOf(db, actor).SingleOrDefaultAsync(e => e.Id == employeeId, ct);
            if (employee is null)
            {
                return DealerStaffErrors.NotFound(employeeId);
            }

            if (!employee.IsActive)
            {
                return DealerStaffErrors.Inactive;
            }

            var left = employee.Leave(clock.Today < employee.HireDate ? employee.HireDate : clock.Today);
            if (!left.IsSuccess)
            {
                return left.Error!;
            }

            foreach (var user in await db.Users.Where(u => u.EmployeeId == employeeId && !u.IsDisabled).ToListAsync(ct))
            {
                user.Disable(actor.UserId);
            }

            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            if (await db.SaveOrConflictAsync("Employee", ct) is { } conflict)
            {
                return conflict;
            }

            await db.ApiTokens.Where(t => db.Users.Any(u => u.Id == t.UserId && u.EmployeeId == employeeId)).ExecuteDeleteAsync(ct);
            await transaction.CommitAsync(ct);
        }

        return employeeId;
    }

    /// <summary>Records (or changes, at its version) the manager's score of a staff member for a month that has begun.</summary>
    public async Task<Result<DealerStaffRow>> ScoreAsync(ScoreDealerStaff request, Actor actor, CancellationToken ct)
    {
        if ((actor.Require(DealerStaffPermissions.Score) ?? RequestValidation.Check(request)) is { } refused)
        {
            return refused;
        }

        var month = new DateOnly(request.Month!.Value.Year, request.Month.Value.Month, 1);
        await using (var db = await dbFactory.OpenAsync(actor, ct))
        {
            var employee = await DealerStaffQueries.StaffOf(db, actor).AsNoTracking().SingleOrDefaultAsync(e => e.Id == request.EmployeeId, ct);
            if (employee is null)
            {
                return DealerStaffErrors.NotFound(request.EmployeeId);
            }

            if (month > queries.ThisMonth)
            {
                return DealerStaffErrors.FutureMonth(month);
            }

            if (month.AddMonths(1) <= employee.HireDate)
            {
                return DealerStaffErrors.BeforeHire(month);
            }

            var score = await db.DealerStaffScores.SingleOrDefaultAsync(s => s.EmployeeId == employee.Id && s.Month == month, ct);
            if (score is null)
            {
                db.DealerStaffScores.Add(new DealerStaffScore(employee.Id, employee.DealerId!.Value, month, request.Score!.Value, request.Comment, actor.EmployeeId));
            }
            else
            {
                if (request.Version is not { } sent || sent != score.Version)
                {
                    return Error.StaleVersion("DealerStaffScore", request.Version ?? 0, score.Version, (await queries.GetAsync(actor, employee.Id, month, ct)).Value);
                }

                score.Change(request.Score!.Value, request.Comment, actor.EmployeeId);
            }

            if (await db.SaveOrConflictAsync("DealerStaffScore", ct) is { } conflict)
            {
                return conflict;
            }
        }

        return await queries.GetAsync(actor, request.EmployeeId, month, ct);
    }
}
