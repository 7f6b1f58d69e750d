using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using SalesFlow.Core.Catalog.Prices;
using SalesFlow.Core.Common;
using SalesFlow.Core.Customers;
using SalesFlow.Core.Data;
using SalesFlow.Core.Organization;

namespace SalesFlow.Core.Dealers.Applications;

public sealed record CreateDealerApplication(
    [property: Required, StringLength(Dealer.NameMaxLength, MinimumLength = 1)] string CompanyName,
    [property: Required, RegularExpression("^[0-9A-HJ-NPQRTUWXY]{2}[0-9]{6}[0-9A-HJ-NPQRTUWXY]{10}$")] string LicenceNumber,
    [property: Required, Range(typeof(decimal), "0", "1000000000000")] decimal? RegisteredCapital,
    [property: Required, StringLength(DealerTerritory.PlaceMaxLength, MinimumLength = 1)] string Province,
    [property: Required, StringLength(DealerTerritory.PlaceMaxLength, MinimumLength = 1)] string City,
    [property: StringLength(DealerApplication.TextMaxLength)] string? Channels,
    [property: StringLength(DealerApplication.TextMaxLength)] string? CustomerResources,
    [property: Required, Range(0, 100000)] int? TeamSize,
    [property: StringLength(100)] string? ContactName,
    [property: StringLength(40)] string? ContactMobile,
    Guid? ManagerId = null);

public sealed record ScoreDealerApplication(
    Guid Id, IReadOnlyDictionary<string, int>? Scores, [property: StringLength(DealerApplication.TextMaxLength)] string? Note, [property: Required] int? Version);

public sealed record ApproveDealerApplication(Guid Id, [property: Required] DealerTier? Tier, [property: Required] int? Version);

public sealed record RejectDealerApplication(
    Guid Id, [property: Required, StringLength(Dealer.ReasonMaxLength, MinimumLength = 1)] string Reason, [property: Required] int? Version);

/// <summary>
/// Recruitment (PRODUCT.md §8): an area manager (or a manager for one) enters the application, scores the checklist;
/// a regional manager or the director approves it at or above the pass mark — creating the dealer (Approved, the tier
/// chosen) and its customer account (type Dealer, owned by the area manager in the manager's unit) in one transaction —
/// or rejects it with a reason.
/// </summary>
public sealed class ApplicationUseCases(
    IDbContextFactory<SalesFlowDbContext> dbFactory, ApplicationQueries queries, DealerApplicationOptions options, CompanyClock clock)
{
    public async Task<Result<ApplicationDetails>> CreateAsync(CreateDealerApplication request, Actor actor, CancellationToken ct)
    {
        // A licence number (统一社会信用代码) is upper case; one typed in lower case is the same number.
        request = request with { LicenceNumber = request.LicenceNumber?.Trim().ToUpperInvariant()! };
        if ((actor.Require(DealerPermissions.Onboard) ?? RequestValidation.Check(request)) is { } refused)
        {
            return refused;
        }

        await using var db = await dbFactory.OpenAsync(actor, ct);
        var managerId = request.ManagerId ?? actor.EmployeeId;
        var manager = managerId is null ? null : await db.Employees.VisibleTo(actor).Where(e => e.Id == managerId && e.IsActive)
            .Select(e => new { e.Id, e.OrgUnitId, UnitPath = db.OrgUnits.Where(u => u.Id == e.OrgUnitId).Select(u => u.Path).First() })
            .SingleOrDefaultAsync(ct);
        if (manager is null)
        {
            return ApplicationErrors.ManagerUnknown;
        }

        var regionId = await Regions.AboveAsync(db, manager.UnitPath, ct);
        if (regionId is null)
        {
            return ApplicationErrors.ManagerUnknown;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var number = await SequenceNumbers.NextAsync(db, DealerApplication.NumberSeries, SequenceNumbers.NoYear, ct);
        var application = new DealerApplication(number, manager.Id, manager.OrgUnitId, regionId.Value);
        application.SetDetails(
            request.CompanyName.Trim(), request.LicenceNumber.Trim(), request.RegisteredCapital!.Value, request.Province.Trim(), request.City.Trim(),
            Trim(request.Channels), Trim(request.CustomerResources), request.TeamSize!.Value, Trim(request.ContactName), Trim(request.ContactMobile));
        db.DealerApplications.Add(application);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return await queries.GetAsync(actor, application.Id, ct);
    }

    public async Task<Result<ApplicationDetails>> ScoreAsync(ScoreDealerApplication request, Actor actor, CancellationToken ct)
    {
        if ((actor.Require(DealerPermissions.Onboard) ?? RequestValidation.Check(request)) is { } refused)
        {
            return refused;
        }

        // The application first: one out of the caller's scope is a 404 whatever the scores say.
        await using var db = await dbFactory.OpenAsync(actor, ct);
        var loaded = await LoadAsync(db, actor, request.Id, request.Version!.Value, ct);
        if (!loaded.IsSuccess)
        {
            return loaded.Error!;
        }

        var total = Checklist.Total(options, request.Scores);
        if (!total.IsSuccess)
        {
            return total.Error!;
        }

        var application = loaded.Value!;
        var scored = application.Score(request.Scores!, total.Value, Trim(request.Note));
        if (!scored.IsSuccess)
        {
            return scored.Error!;
        }

        // The new lines carry their ids already: tell EF they are new rows, not updates of existing ones.
        db.DealerApplicationScores.AddRange(application.Scores);

        return await SaveAsync(db, actor, application.Id, ct);
    }

    public async Task<Result<ApplicationDetails>> ApproveAsync(ApproveDealerApplication request, Actor actor, CancellationToken ct)
    {
        if ((actor.Require(DealerPermissions.Decide) ?? RequestValidation.Check(request)) is { } refused)
        {
            return refused;
        }

        await using var db = await dbFactory.OpenAsync(actor, ct);
        var loaded = await LoadAsync(db, actor, request.Id, request.Version!.Value, ct);
        if (!loaded.IsSuccess)
        {
            return loaded.Error!;
        }

        var application = loaded.Value!;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var dealerCode = await SequenceNumbers.NextAsync(db, Dealer.NumberSeries, SequenceNumbers.NoYear, ct);
        // The dealer's account is a customer like any other (NewCustomer: owner active and in scope, the owner's unit), owned by
        // the area manager; the dealer sits in the same unit as its account.
        var added = await NewCustomer.AddAsync(
            db, actor, new CreateCustomer(application.CompanyName, CustomerType.Dealer, CustomerClass.B, ValueTier.High, null, application.RegionId, application.ManagerId, null, application.ContactMobile, null), ct);
        if (!added.IsSuccess)
        {
            return added.Error!;
        }

        var account = added.Value!;
        var dealer = new Dealer(
            dealerCode, application.CompanyName, request.Tier!.Value, application.RegionId, account.OrgUnitId, application.ManagerId, account.Id,
            application.Province, application.City);
        dealer.FromApplication(application.Id, application.LicenceNumber, application.RegisteredCapital, application.ContactName, application.ContactMobile);
        var approved = application.Approve(dealer.Id, options.PassMark, actor.UserName, clock.UtcNow);
        if (!approved.IsSuccess)
        {
            return approved.Error!;
        }

        db.Dealers.Add(dealer);
        if (await db.SaveOrConflictAsync("DealerApplication", ct) is { } conflict)
        {
            return conflict;
        }

        await transaction.CommitAsync(ct);
        return await queries.GetAsync(actor, application.Id, ct);
    }

    public async Task<Result<ApplicationDetails>> RejectAsync(RejectDealerApplication request, Actor actor, CancellationToken ct)
    {
        if ((actor.Require(DealerPermissions.Decide) ?? RequestValidation.Check(request)) is { } refused)
        {
            return refused;
        }

        await using var db = await dbFactory.OpenAsync(actor, ct);
        var loaded = await LoadAsync(db, actor, request.Id, request.Version!.Value, ct);
        if (!loaded.IsSuccess)
        {
            return loaded.Error!;
        }

        var application = loaded.Value!;
        var rejected = application.Reject(request.Reason.Trim(), actor.UserName, clock.UtcNow);
        if (!rejected.IsSuccess)
        {
            return rejected.Error!;
        }

        return await SaveAsync(db, actor, application.Id, ct);
    }

    private static string? Trim(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private async Task<Result<DealerApplication>> LoadAsync(SalesFlowDbContext db, Actor actor, Guid id, int version, CancellationToken ct)
    {
        var application = await db.DealerApplications.VisibleTo(actor).Include(a => a.Scores).SingleOrDefaultAsync(a => a.Id == id, ct);
        if (application is null)
        {
            return ApplicationErrors.NotFound(id);
        }

        if (application.Version != version)
        {
            return Error.StaleVersion("DealerApplication", version, application.Version, (await queries.GetAsync(actor, id, ct)).Value);
        }

        return application;
    }

    private async Task<Result<ApplicationDetails>> SaveAsync(SalesFlowDbContext db, Actor actor, Guid id, CancellationToken ct)
    {
        if (await db.SaveOrConflictAsync("DealerApplication", ct) is { } conflict)
        {
            return conflict;
        }

        return await queries.GetAsync(actor, id, ct);
    }
}
