using Microsoft.EntityFrameworkCore;
using SalesFlow.Core.Common;
using SalesFlow.Core.Data;

namespace SalesFlow.Core.Dealers.Applications;

public sealed record ApplicationRow(
    Guid Id, string Number, string CompanyName, string Province, string City, decimal RegisteredCapital, ApplicationStatus Status, decimal? TotalScore,
    Guid ManagerId, string ManagerName, DateTime CreatedAtUtc, int Version);

public sealed record CriterionScore(string Criterion, int Weight, int MaxScore, int? Score);

public sealed record ApplicationDetails(
    Guid Id, string Number, string CompanyName, string LicenceNumber, decimal RegisteredCapital, string Province, string City, string? Channels,
    string? CustomerResources, int TeamSize, string? ContactName, string? ContactMobile, Guid ManagerId, string ManagerName, Guid OrgUnitId, string OrgUnitName,
    Guid RegionId, string RegionName, ApplicationStatus Status, IReadOnlyList<CriterionScore> Checklist, decimal? TotalScore, decimal PassMark,
    string? ReviewNote, string? RejectionReason, string? DecidedBy, DateTime? DecidedAtUtc, Guid? DealerId, string? DealerCode,
    int Version, DateTime CreatedAtUtc, string CreatedBy, DateTime UpdatedAtUtc, string UpdatedBy);

public sealed record ApplicationFilter(string? Q = null, ApplicationStatus? Status = null);

public sealed class ApplicationQueries(IDbContextFactory<SalesFlowDbContext> dbFactory, DealerApplicationOptions options)
{
    public static readonly SortWhitelist<DealerApplication> Sorts = new(
        "-createdAt",
        SortOption<DealerApplication>.By("createdAt", a => a.CreatedAtUtc),
        SortOption<DealerApplication>.By("number", a => a.Number),
        SortOption<DealerApplication>.By("companyName", a => a.CompanyName));

    public async Task<Result<Page<ApplicationRow>>> ListAsync(Actor actor, ApplicationFilter filter, PageRequest page, CancellationToken ct)
    {
        if (actor.Require(DealerPermissions.ViewFile) is { } denied)
        {
            return denied;
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var query = db.DealerApplications.AsNoTracking().VisibleTo(actor);
        if (!string.IsNullOrWhiteSpace(filter.Q))
        {
            var q = filter.Q.Trim();
            query = query.Where(a => a.CompanyName.Contains(q) || a.Number.Contains(q) || a.City.Contains(q) || a.LicenceNumber.Contains(q));
        }

        if (filter.Status is { } status)
        {
            query = query.Where(a => a.Status == status);
        }

        return await Sorts.PageAsync(query, page, a => new ApplicationRow(
            a.Id, a.Number, a.CompanyName, a.Province, a.City, a.RegisteredCapital, a.Status, a.TotalScore, a.ManagerId,
            db.Employees.Where(e => e.Id == a.ManagerId).Select(e => e.Name).First(), a.CreatedAtUtc, a.Version), ct);
    }

    public async Task<Result<ApplicationDetails>> GetAsync(Actor actor, Guid id, CancellationToken ct)
    {
        if (actor.Require(DealerPermissions.ViewFile) is { } denied)
        {
            return denied;
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var found = await db.DealerApplications.AsNoTracking().VisibleTo(actor).Where(a => a.Id == id)
            .Select(a => new
            {
                Application = a,
                ManagerName = db.Employees.Where(e => e.Id == a.ManagerId).Select(e => e.Name).First(),
                UnitName = db.OrgUnits.Where(u => u.Id == a.OrgUnitId).Select(u => u.Name).First(),
                RegionName = db.OrgUnits.Where(u => u.Id == a.RegionId).Select(u => u.Name).First(),
                DealerCode = db.Dealers.Where(d => d.Id == a.DealerId).Select(d => d.Code).FirstOrDefault(),
            })
            .SingleOrDefaultAsync(ct);
        if (found is null)
        {
            return ApplicationErrors.NotFound(id);
        }

        var scores = await db.DealerApplicationScores.AsNoTracking().Where(s => s.ApplicationId == id).ToDictionaryAsync(s => s.Criterion, s => s.Score, ct);
        var checklist = options.Checklist.Select(c => new CriterionScore(c.Code, c.Weight, c.MaxScore, scores.TryGetValue(c.Code, out var s) ? s : null)).ToList();
        var a = found.Application;
        return new ApplicationDetails(
            a.Id, a.Number, a.CompanyName, a.LicenceNumber, a.RegisteredCapital, a.Province, a.City, a.Channels, a.CustomerResources, a.TeamSize,
            a.ContactName, a.ContactMobile, a.ManagerId, found.ManagerName, a.OrgUnitId, found.UnitName, a.RegionId, found.RegionName, a.Status, checklist,
            a.TotalScore, options.PassMark, a.ReviewNote, a.RejectionReason, a.DecidedBy, a.DecidedAtUtc, a.DealerId, found.DealerCode,
            a.Version, a.CreatedAtUtc, a.CreatedBy, a.UpdatedAtUtc, a.UpdatedBy);
    }
}
