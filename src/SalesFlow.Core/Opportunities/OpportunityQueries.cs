using Microsoft.EntityFrameworkCore;
using SalesFlow.Core.Common;
using SalesFlow.Core.Data;

namespace SalesFlow.Core.Opportunities;

public sealed record OpportunityRow(
    Guid Id, string Number, string Name, Guid CustomerId, string CustomerName, Guid StageId, string StageNameZh, string StageNameEn,
    OpportunityStatus Status, decimal Amount, string Currency, int Probability, DateOnly ExpectedCloseDate, Guid OwnerId, string OwnerName,
    DateTime CreatedAtUtc, int Version);

public sealed record OpportunityLineRow(
    Guid Id, int Position, string ProductName, string? Sku, Guid? ProductId, decimal Quantity, string Unit, decimal UnitPrice, decimal LineAmount);

public sealed record StageChangeRow(
    Guid Id, Guid? FromStageId, string? FromStageNameZh, string? FromStageNameEn, Guid ToStageId, string ToStageNameZh, string ToStageNameEn,
    DateTime AtUtc, string By);

public sealed record OpportunityDetails(
    Guid Id, string Number, string Name, Guid CustomerId, string CustomerName, Guid? ContactId, string? ContactName,
    Guid StageId, string StageNameZh, string StageNameEn, StageKind StageKind, OpportunityStatus Status, decimal Amount, string Currency,
    int Probability, DateOnly ExpectedCloseDate, Guid OwnerId, string OwnerName, Guid? SourceLeadId, string? CloseReason, string? Competitor,
    DateTime? ClosedAtUtc, DateTime OpenedAtUtc, DateTime StageEnteredAtUtc, IReadOnlyList<OpportunityLineRow> Lines,
    IReadOnlyList<StageChangeRow> History, int Version, DateTime CreatedAtUtc, string CreatedBy, DateTime UpdatedAtUtc, string UpdatedBy);

public sealed record OpportunityFilter(
    string? Q = null, Guid? StageId = null, Guid? OwnerId = null, Guid? CustomerId = null, OpportunityStatus? Status = null,
    DateOnly? CloseFrom = null, DateOnly? CloseTo = null);

public sealed record BoardCard(Guid Id, string Number, string Name, string CustomerName, decimal Amount, int Probability, DateOnly ExpectedCloseDate, string OwnerName, int Version);

public sealed record BoardColumn(Guid StageId, string Code, string NameZh, string NameEn, int DefaultProbability, int Count, decimal Amount, IReadOnlyList<BoardCard> Cards);

public sealed class OpportunityQueries(IDbContextFactory<SalesFlowDbContext> dbFactory)
{
    public const int MaxCardsPerColumn = 100;

    public static readonly SortWhitelist<Opportunity> Sorts = new(
        "-createdAt",
        SortOption<Opportunity>.By("createdAt", o => o.CreatedAtUtc),
        SortOption<Opportunity>.By("amount", o => o.Amount),
        SortOption<Opportunity>.By("expectedClose", o => o.ExpectedCloseDate),
        SortOption<Opportunity>.By("name", o => o.Name));

    public async Task<Result<Page<OpportunityRow>>> ListAsync(Actor actor, OpportunityFilter filter, PageRequest page, CancellationToken ct)
    {
        if (actor.Require(OpportunityPermissions.View) is { } denied)
        {
            return denied;
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var query = Filter(db, db.Opportunities.AsNoTracking().VisibleTo(actor), filter);
        return await Sorts.PageAsync(query, page, o => new OpportunityRow(
            o.Id, o.Number, o.Name, o.CustomerId,
            db.Customers.Where(c => c.Id == o.CustomerId).Select(c => c.Name).First(),
            o.StageId,
            db.OpportunityStages.Where(s => s.Id == o.StageId).Select(s => s.NameZh).First(),
            db.OpportunityStages.Where(s => s.Id == o.StageId).Select(s => s.NameEn).First(),
            o.Status, o.Amount, o.Currency, o.Probability, o.ExpectedCloseDate, o.OwnerId,
            db.Employees.Where(e => e.Id == o.OwnerId).Select(e => e.Name).First(),
            o.CreatedAtUtc, o.Version), ct);
    }

    /// <summary>Per active open stage: count and amount in SQL, and the largest deals as cards (one query per column, not per card).</summary>
    public async Task<Result<IReadOnlyList<BoardColumn>>> BoardAsync(Actor actor, OpportunityFilter filter, int cardsPerColumn, CancellationToken ct)
    {
        if (actor.Require(OpportunityPermissions.View) is { } denied)
        {
            return denied;
        }

        var take = Math.Clamp(cardsPerColumn, 1, MaxCardsPerColumn);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var stages = await db.OpportunityStages.AsNoTracking().Where(s => s.Kind == StageKind.Open && s.IsActive)
            .OrderBy(s => s.SortOrder).ToListAsync(ct);
        var open = Filter(db, db.Opportunities.AsNoTracking().VisibleTo(actor), filter with { Status = OpportunityStatus.Open });
        var totals = await open.GroupBy(o => o.StageId)
            .Select(g => new { StageId = g.Key, Count = g.Count(), Amount = g.Sum(o => o.Amount) })
            .ToDictionaryAsync(t => t.StageId, ct);
        var columns = new List<BoardColumn>(stages.Count);
        foreach (var stage in stages)
        {
            var cards = await open.Where(o => o.StageId == stage.Id).OrderByDescending(o => o.Amount).ThenBy(o => o.Id).Take(take)
                .Select(o => new BoardCard(
                    o.Id, o.Number, o.Name, db.Customers.Where(c => c.Id == o.CustomerId).Select(c => c.Name).First(),
                    o.Amount, o.Probability, o.ExpectedCloseDate, db.Employees.Where(e => e.Id == o.OwnerId).Select(e => e.Name).First(), o.Version))
                .ToListAsync(ct);
            var total = totals.GetValueOrDefault(stage.Id);
            columns.Add(new BoardColumn(stage.Id, stage.Code, stage.NameZh, stage.NameEn, stage.DefaultProbability, total?.Count ?? 0, total?.Amount ?? 0m, cards));
        }

        return columns;
    }

    public async Task<Result<OpportunityDetails>> GetAsync(Actor actor, Guid id, CancellationToken ct)
    {
        if (actor.Require(OpportunityPermissions.View) is { } denied)
        {
            return denied;
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var found = await db.Opportunities.AsNoTracking().VisibleTo(actor).Where(o => o.Id == id)
            .Select(o => new
            {
                Opportunity = o,
                CustomerName = db.Customers.Where(c => c.Id == o.CustomerId).Select(c => c.Name).First(),
                ContactName = db.Contacts.Where(k => k.Id == o.ContactId).Select(k => k.FullName).FirstOrDefault(),
                Stage = db.OpportunityStages.Where(s => s.Id == o.StageId).Select(s => new { s.NameZh, s.NameEn, s.Kind }).First(),
                OwnerName = db.Employees.Where(e => e.Id == o.OwnerId).Select(e => e.Name).First(),
            })
            .SingleOrDefaultAsync(ct);
        if (found is null)
        {
            return OpportunityErrors.NotFound(id);
        }

        var lines = await db.Set<OpportunityLine>().AsNoTracking().Where(l => l.OpportunityId == id).OrderBy(l => l.Position)
            .Select(l => new OpportunityLineRow(l.Id, l.Position, l.ProductName, l.Sku, l.ProductId, l.Quantity, l.Unit, l.UnitPrice, l.LineAmount))
            .ToListAsync(ct);
        var history = await db.OpportunityStageChanges.AsNoTracking().Where(c => c.OpportunityId == id).OrderBy(c => c.AtUtc).ThenBy(c => c.Id)
            .Select(c => new StageChangeRow(
                c.Id, c.FromStageId,
                db.OpportunityStages.Where(s => s.Id == c.FromStageId).Select(s => s.NameZh).FirstOrDefault(),
                db.OpportunityStages.Where(s => s.Id == c.FromStageId).Select(s => s.NameEn).FirstOrDefault(),
                c.ToStageId,
                db.OpportunityStages.Where(s => s.Id == c.ToStageId).Select(s => s.NameZh).First(),
                db.OpportunityStages.Where(s => s.Id == c.ToStageId).Select(s => s.NameEn).First(),
                c.AtUtc, c.By))
            .ToListAsync(ct);
        var o = found.Opportunity;
        return new OpportunityDetails(
            o.Id, o.Number, o.Name, o.CustomerId, found.CustomerName, o.ContactId, found.ContactName, o.StageId, found.Stage.NameZh, found.Stage.NameEn,
            found.Stage.Kind, o.Status, o.Amount, o.Currency, o.Probability, o.ExpectedCloseDate, o.OwnerId, found.OwnerName, o.SourceLeadId,
            o.CloseReason, o.Competitor, o.ClosedAtUtc, o.OpenedAtUtc, o.StageEnteredAtUtc, lines, history, o.Version,
            o.CreatedAtUtc, o.CreatedBy, o.UpdatedAtUtc, o.UpdatedBy);
    }

    private static IQueryable<Opportunity> Filter(SalesFlowDbContext db, IQueryable<Opportunity> query, OpportunityFilter filter)
    {
        if (!string.IsNullOrWhiteSpace(filter.Q))
        {
            var q = filter.Q.Trim();
            var customerHits = db.Customers.Where(c => c.Name.Contains(q)).Select(c => c.Id);
            query = query.Where(o => o.Name.Contains(q) || o.Number.Contains(q) || customerHits.Contains(o.CustomerId));
        }

        if (filter.StageId is { } stage)
        {
            query = query.Where(o => o.StageId == stage);
        }

        if (filter.OwnerId is { } owner)
        {
            query = query.Where(o => o.OwnerId == owner);
        }

        if (filter.CustomerId is { } customer)
        {
            query = query.Where(o => o.CustomerId == customer);
        }

        if (filter.Status is { } status)
        {
            query = query.Where(o => o.Status == status);
        }

        if (filter.CloseFrom is { } from)
        {
            query = query.Where(o => o.ExpectedCloseDate >= from);
        }

        if (filter.CloseTo is { } to)
        {
            query = query.Where(o => o.ExpectedCloseDate <= to);
        }

        return query;
    }
}
