using Microsoft.EntityFrameworkCore;
using SalesFlow.Core.Common;
using SalesFlow.Core.Data;
using SalesFlow.Core.FieldWork.Visits;
using SalesFlow.Core.Organization;
using SalesFlow.Core.Planning;
using SalesFlow.Core.Planning.Plans;
using SalesFlow.Core.Planning.Reviews;
using SalesFlow.Core.Stores;

namespace SalesFlow.Core.Dealers.Staff;

/// <summary>
/// A staff member's month as the area manager scores it, computed from the records: planned visits and how many were
/// done (拜访达成率, the <see cref="VisitComplianceQueries"/> rule), all visits done, store checks and the 店员主推率 of
/// those checks, and whether the monthly plan and review were submitted on time.
/// </summary>
public sealed record DealerStaffFacts(
    DateOnly Month, int VisitsPlanned, int VisitsPlannedDone, decimal? VisitCompliance, int VisitsDone, int StoreChecks, int StaffAsked,
    int StaffRecommending, decimal? RecommendRate, PlanStatus? PlanStatus, bool PlanOnTime, ReviewStatus? ReviewStatus, bool ReviewOnTime);

public sealed record DealerStaffScoreRow(Guid Id, int Score, string? Comment, string? ScoredByName, int Version);

public sealed record DealerStaffRow(
    Guid Id, string EmployeeNo, string Name, string? Mobile, string? UserName, bool IsActive, DateOnly HireDate, DateOnly? LeftOn,
    Guid DealerId, string DealerName, Guid? ManagerId, string? ManagerName, DealerStaffFacts Facts, DealerStaffScoreRow? Score);

/// <summary>What a dealer user sees of its own staff in the portal: no internal fields, no manager's score.</summary>
public sealed record PortalStaffRow(
    Guid Id, string EmployeeNo, string Name, string? Mobile, string? UserName, bool IsActive, DateOnly HireDate, DateOnly? LeftOn,
    int VisitsDone, int StoreChecks, decimal? RecommendRate);

/// <summary>
/// Dealer staff are the employees with a <see cref="Employee.DealerId"/>; they are seen through the dealer scope
/// (<see cref="DealerScope"/>): the area manager sees his dealers' staff, managers their units' dealers', a dealer user its own.
/// </summary>
public sealed class DealerStaffQueries(IDbContextFactory<SalesFlowDbContext> dbFactory, CompanyClock clock)
{
    public static readonly SortWhitelist<Employee> Sorts = new(
        "name", SortOption<Employee>.By("name", e => e.Name), SortOption<Employee>.By("employeeNo", e => e.EmployeeNo));

    /// <summary>The staff employees of the dealers the actor may see.</summary>
    internal static IQueryable<Employee> StaffOf(SalesFlowDbContext db, Actor actor)
    {
        var dealers = db.Dealers.VisibleTo(actor);
        return db.Employees.Where(e => e.DealerId != null && dealers.Any(d => d.Id == e.DealerId));
    }

    public DateOnly ThisMonth => new(clock.Today.Year, clock.Today.Month, 1);

    public async Task<Result<Page<DealerStaffRow>>> ListAsync(Actor actor, Guid dealerId, DateOnly? month, bool? active, PageRequest page, CancellationToken ct)
    {
        if (actor.Require(DealerStaffPermissions.View) is { } denied)
        {
            return denied;
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (!await db.Dealers.VisibleTo(actor).AnyAsync(d => d.Id == dealerId, ct))
        {
            return Error.NotFound("Dealer", dealerId);
        }

        return await PageAsync(db, actor, StaffOf(db, actor).Where(e => e.DealerId == dealerId), month, active, page, ct);
    }

    public async Task<Result<DealerStaffRow>> GetAsync(Actor actor, Guid id, DateOnly? month, CancellationToken ct)
    {
        if (actor.Require(DealerStaffPermissions.View) is { } denied)
        {
            return denied;
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var page = await PageAsync(db, actor, StaffOf(db, actor).Where(e => e.Id == id), month, null, new PageRequest(PageSize: 1, Count: false), ct);
        return page.IsSuccess && page.Value!.Items.Count == 1 ? page.Value.Items[0] : page.IsSuccess ? DealerStaffErrors.NotFound(id) : page.Error!;
    }

    public async Task<Result<PortalStaffRow>> PortalGetAsync(Actor actor, Guid id, CancellationToken ct)
    {
        var page = await PortalPageAsync(actor, null, id, new PageRequest(PageSize: 1, Count: false), ct);
        return page.IsSuccess && page.Value!.Items.Count == 1 ? page.Value.Items[0] : page.IsSuccess ? DealerStaffErrors.NotFound(id) : page.Error!;
    }

    public Task<Result<Page<PortalStaffRow>>> PortalListAsync(Actor actor, DateOnly? month, PageRequest page, CancellationToken ct) =>
        PortalPageAsync(actor, month, null, page, ct);

    /// <summary>The dealer user's own staff (portal): the dealer comes from the signed-in user.</summary>
    private async Task<Result<Page<PortalStaffRow>>> PortalPageAsync(Actor actor, DateOnly? month, Guid? id, PageRequest page, CancellationToken ct)
    {
        if (actor.Require(DealerStaffPermissions.Manage) is { } denied)
        {
            return denied;
        }

        if (actor.Scope != DataScope.OwnDealer || actor.DealerId is not { } dealerId)
        {
            return Error.Forbidden(Portal.PortalPermissions.Use);
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var staff = StaffOf(db, actor).Where(e => e.DealerId == dealerId);
        var rows = await PageAsync(db, actor, id is { } one ? staff.Where(e => e.Id == one) : staff, month, null, page, ct);
        return rows.IsSuccess
            ? new Page<PortalStaffRow>(
                rows.Value!.Items.Select(r => new PortalStaffRow(
                    r.Id, r.EmployeeNo, r.Name, r.Mobile, r.UserName, r.IsActive, r.HireDate, r.LeftOn, r.Facts.VisitsDone, r.Facts.StoreChecks, r.Facts.RecommendRate)).ToList(),
                rows.Value.NextCursor,
                rows.Value.TotalCount)
            : rows.Error!;
    }

    private async Task<Result<Page<DealerStaffRow>>> PageAsync(
        SalesFlowDbContext db, Actor actor, IQueryable<Employee> staff, DateOnly? month, bool? active, PageRequest page, CancellationToken ct)
    {
        var first = month is { } m ? new DateOnly(m.Year, m.Month, 1) : ThisMonth;
        var last = first.AddMonths(1).AddDays(-1);
        var visibleStores = db.Stores.VisibleTo(actor);
        if (active is { } isActive)
        {
            staff = staff.Where(e => e.IsActive == isActive);
        }

        var paged = await Sorts.PageAsync(staff.AsNoTracking(), page, e => new
        {
            e.Id,
            e.EmployeeNo,
            e.Name,
            e.Mobile,
            UserName = db.Users.Where(u => u.EmployeeId == e.Id).Select(u => u.UserName).FirstOrDefault(),
            e.IsActive,
            e.HireDate,
            e.LeftOn,
            DealerId = e.DealerId!.Value,
            DealerName = db.Dealers.Where(d => d.Id == e.DealerId).Select(d => d.Name).First(),
            e.ManagerId,
            ManagerName = db.Employees.Where(x => x.Id == e.ManagerId).Select(x => x.Name).FirstOrDefault(),
            Planned = db.Visits.Count(v => v.OwnerId == e.Id && v.Source != VisitSource.AdHoc && v.Status != VisitStatus.Cancelled && v.Date >= first && v.Date <= last),
            PlannedDone = db.Visits.Count(v => v.OwnerId == e.Id && v.Source != VisitSource.AdHoc && v.Status == VisitStatus.Done && v.Date >= first && v.Date <= last),
            Done = db.Visits.Count(v => v.OwnerId == e.Id && v.Status == VisitStatus.Done && v.Date >= first && v.Date <= last),
            Checks = db.StoreChecks.Count(c => c.OwnerId == e.Id && c.Date >= first && c.Date <= last && visibleStores.Any(s => s.Id == c.StoreId)),
            Asked = db.StoreChecks.Where(c => c.OwnerId == e.Id && c.Date >= first && c.Date <= last && visibleStores.Any(s => s.Id == c.StoreId)).Sum(c => (int?)c.StaffAsked) ?? 0,
            Recommending = db.StoreChecks.Where(c => c.OwnerId == e.Id && c.Date >= first && c.Date <= last && visibleStores.Any(s => s.Id == c.StoreId)).Sum(c => (int?)c.StaffRecommending) ?? 0,
            Plan = db.MonthlyPlans.Where(p => p.OwnerType == PlanOwnerType.Employee && p.OwnerId == e.Id && p.MonthStart == first)
                .Select(p => new { p.Status, OnTime = p.SubmittedOn != null && !p.SubmittedLate }).FirstOrDefault(),
            Review = db.MonthlyReviews.Where(r => r.OwnerType == PlanOwnerType.Employee && r.OwnerId == e.Id && r.MonthStart == first)
                .Select(r => new { r.Status, OnTime = r.SubmittedOn != null && !r.SubmittedLate }).FirstOrDefault(),
            Score = db.DealerStaffScores.Where(s => s.EmployeeId == e.Id && s.Month == first)
                .Select(s => new { s.Id, s.Score, s.Comment, By = db.Employees.Where(x => x.Id == s.ScoredById).Select(x => x.Name).FirstOrDefault(), s.Version })
                .FirstOrDefault(),
        }, ct);
        if (!paged.IsSuccess)
        {
            return paged.Error!;
        }

        var rows = paged.Value!.Items.Select(r => new DealerStaffRow(
            r.Id, r.EmployeeNo, r.Name, r.Mobile, r.UserName, r.IsActive, r.HireDate, r.LeftOn, r.DealerId, r.DealerName, r.ManagerId, r.ManagerName,
            new DealerStaffFacts(
                first, r.Planned, r.PlannedDone, VisitComplianceQueries.Ratio(r.Planned, r.PlannedDone), r.Done, r.Checks, r.Asked, r.Recommending,
                StoreCheck.RecommendRate(r.Asked, r.Recommending), r.Plan?.Status, r.Plan?.OnTime ?? false, r.Review?.Status, r.Review?.OnTime ?? false),
            r.Score is null ? null : new DealerStaffScoreRow(r.Score.Id, r.Score.Score, r.Score.Comment, r.Score.By, r.Score.Version))).ToList();
        return new Page<DealerStaffRow>(rows, paged.Value.NextCursor, paged.Value.TotalCount);
    }
}
