using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using SalesFlow.Core.Catalog.Prices;
using SalesFlow.Core.Common;
using SalesFlow.Core.Customers;
using SalesFlow.Core.Data;
using SalesFlow.Core.Organization;

namespace SalesFlow.Core.Planning.Plans;

/// <summary>
/// One planned line as the owner writes it. The quantity is in Unit (the product's base unit when empty);
/// the price is the list price for the customer on the month's first day unless PromotionPrice is given.
/// </summary>
public sealed record PlanLineInput(
    Guid? CustomerId,
    [property: Required] Guid? ProductId,
    [property: Required, Range(typeof(decimal), "0.001", "1000000000")] decimal? Quantity,
    [property: StringLength(20)] string? Unit = null,
    [property: Range(typeof(decimal), "0", "1000000000")] decimal? PromotionPrice = null,
    bool IsNewProduct = false,
    [property: StringLength(MonthlyPlanLine.PromotionMaxLength)] string? Promotion = null,
    [property: StringLength(MonthlyPlanLine.NoteMaxLength)] string? Note = null);

// Month: <c>2027-01</c>; next month when empty.
// CopyFrom: <c>previous</c>: start from last month's lines, re-priced for this month.
public sealed record CreatePlan(string? Month = null, Guid? OwnerId = null, string? CopyFrom = null);

public sealed record UpdatePlan(
    Guid Id,
    [property: StringLength(MonthlyPlan.NotesMaxLength)] string? Notes,
    IReadOnlyList<PlanLineInput>? Lines,
    [property: Required] int? Version);

public enum PlanStep
{
    Submit,
    Approve,
    Return,
}

public sealed record ChangePlanStatus(Guid Id, PlanStep Step, string? Comment = null, int? Version = null);

/// <summary>Writing, submitting and deciding monthly plans (PRODUCT.md §2, 客户销售计划表).</summary>
public sealed class PlanHandler(IDbContextFactory<SalesFlowDbContext> dbFactory, CompanyClock clock, PlanQueries queries)
{
    public const string CopyPrevious = "previous";

    public async Task<Result<PlanDetails>> CreateAsync(CreatePlan request, Actor actor, CancellationToken ct)
    {
        if (actor.Require(PlanningPermissions.SubmitPlans) is { } denied)
        {
            return denied;
        }

        if (request.CopyFrom is { } copy && !string.Equals(copy, CopyPrevious, StringComparison.OrdinalIgnoreCase))
        {
            return Error.Invalid("copyFrom", "oneOf", ("values", CopyPrevious));
        }

        var month = PlanningDeadlines.PlanMonthOn(clock.Today);
        if (request.Month is { Length: > 0 } text && !PlanMonths.TryParse(text, out month))
        {
            return PlanErrors.BadMonth(text);
        }

        await using var db = await dbFactory.OpenAsync(actor, ct);
        var caller = await PlanOwners.CallerAsync(db, actor, request.OwnerId, ct);
        if (!caller.IsSuccess)
        {
            return caller.Error!;
        }

        var (ownerType, me, ownerUnitId) = caller.Value;

        var start = month.Start;
        if (await db.MonthlyPlans.AnyAsync(p => p.OwnerType == ownerType && p.OwnerId == me && p.MonthStart == start, ct))
        {
            return PlanErrors.Duplicate(month.ToString());
        }

        var plan = new MonthlyPlan(month, ownerType, me, ownerUnitId);
        if (request.CopyFrom is not null)
        {
            var previousStart = start.AddMonths(-1);
            var previous = await db.MonthlyPlanLines.AsNoTracking()
                .Where(l => db.MonthlyPlans.Any(p => p.Id == l.PlanId && p.OwnerType == ownerType && p.OwnerId == me && p.MonthStart == previousStart))
                .OrderBy(l => l.Position)
                .Select(l => new PlanLineInput(l.CustomerId, l.ProductId, l.Quantity, l.Unit, l.IsPromotionPrice ? l.UnitPrice : null, l.IsNewProduct, l.Promotion, l.Note))
                .ToListAsync(ct);
            var lines = await PlanLines.BuildAsync(db, actor, month, ownerUnitId, previous, lenient: true, ct);
            plan.Edit(null, lines.Value!);
        }

        db.MonthlyPlans.Add(plan);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException) when (!ct.IsCancellationRequested)
        {
            // Two creates raced past the check: the unique index kept one.
            if (await StillDuplicateAsync(ownerType, me, start, ct))
            {
                return PlanErrors.Duplicate(month.ToString());
            }

            throw;
        }

        return await queries.GetAsync(actor, plan.Id, ct);
    }

    public async Task<Result<PlanDetails>> UpdateAsync(UpdatePlan request, Actor actor, CancellationToken ct)
    {
        if (actor.Require(PlanningPermissions.SubmitPlans) is { } denied)
        {
            return denied;
        }

        if ((RequestValidation.Check(request) ?? PlanLines.Check(request.Lines)) is { } invalid)
        {
            return invalid;
        }

        await using var db = await dbFactory.OpenAsync(actor, ct);
        var loaded = await LoadAsync(db, actor, request.Id, request.Version, ct);
        if (!loaded.IsSuccess)
        {
            return loaded.Error!;
        }

        var plan = loaded.Value!;
        if (!PlanOwners.IsSelf(actor, plan.OwnerType, plan.OwnerId))
        {
            return PlanErrors.NotOwner;
        }

        if (!plan.IsEditable)
        {
            return PlanErrors.NotEditable(plan.Status);
        }

        var month = PlanMonths.Of(plan.MonthStart);
        var lines = await PlanLines.BuildAsync(db, actor, month, plan.OrgUnitId, request.Lines ?? [], lenient: false, ct);
        if (!lines.IsSuccess)
        {
            return lines.Error!;
        }

        var edited = plan.Edit(request.Notes, lines.Value!);
        if (!edited.IsSuccess)
        {
            return edited.Error!;
        }

        db.Entry(plan).State = EntityState.Modified; // lines alone changed: still a new version of the plan
        if (await db.SaveOrConflictAsync("MonthlyPlan", ct) is { } conflict)
        {
            return conflict;
        }

        return await queries.GetAsync(actor, plan.Id, ct);
    }

    public async Task<Result<PlanDetails>> ChangeStatusAsync(ChangePlanStatus request, Actor actor, CancellationToken ct)
    {
        var permission = request.Step == PlanStep.Submit ? PlanningPermissions.SubmitPlans : PlanningPermissions.ApprovePlans;
        if (actor.Require(permission) is { } denied)
        {
            return denied;
        }

        await using var db = await dbFactory.OpenAsync(actor, ct);
        var loaded = await LoadAsync(db, actor, request.Id, request.Version, ct);
        if (!loaded.IsSuccess)
        {
            return loaded.Error!;
        }

        var plan = loaded.Value!;
        var mine = PlanOwners.IsSelf(actor, plan.OwnerType, plan.OwnerId);
        if (request.Step == PlanStep.Submit && !mine)
        {
            return PlanErrors.NotOwner;
        }

        if (request.Step != PlanStep.Submit && mine)
        {
            return PlanErrors.OwnPlan;
        }

        var done = request.Step switch
        {
            PlanStep.Submit => plan.Submit(clock.Today),
            PlanStep.Approve => plan.Approve(actor.UserName, clock.UtcNow, request.Comment),
            _ => plan.Return(actor.UserName, clock.UtcNow, request.Comment),
        };
        if (!done.IsSuccess)
        {
            return done.Error!;
        }

        if (await db.SaveOrConflictAsync("MonthlyPlan", ct) is { } conflict)
        {
            return conflict;
        }

        return await queries.GetAsync(actor, plan.Id, ct);
    }

    private async Task<Result<MonthlyPlan>> LoadAsync(SalesFlowDbContext db, Actor actor, Guid id, int? version, CancellationToken ct)
    {
        var plan = await db.MonthlyPlans.VisibleTo(actor).Include(p => p.Lines).SingleOrDefaultAsync(p => p.Id == id, ct);
        if (plan is null)
        {
            return PlanErrors.NotFound(id);
        }

        if (version is { } sent && sent != plan.Version)
        {
            return Error.StaleVersion("MonthlyPlan", sent, plan.Version, (await queries.GetAsync(actor, id, ct)).Value);
        }

        return plan;
    }

    private async Task<bool> StillDuplicateAsync(PlanOwnerType ownerType, Guid owner, DateOnly start, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.MonthlyPlans.AnyAsync(p => p.OwnerType == ownerType && p.OwnerId == owner && p.MonthStart == start, ct);
    }
}

public static class PlanMonths
{
    public static bool TryParse(string? text, out Period month) => Period.TryParse(text, out month) && month.Kind == PeriodKind.Month;

    public static Period Of(DateOnly monthStart) => Period.OfMonth(monthStart.Year, monthStart.Month);
}

/// <summary>Turns what the owner wrote into priced plan lines: one customer and product lookup, one price lookup per customer.</summary>
internal static class PlanLines
{
    public static Error? Check(IReadOnlyList<PlanLineInput>? lines)
    {
        if (lines is null)
        {
            return null;
        }

        if (lines.Count > MonthlyPlan.MaxLines)
        {
            return Error.Invalid("lines", "maxLength", ("max", MonthlyPlan.MaxLines));
        }

        for (var i = 0; i < lines.Count; i++)
        {
            if (RequestValidation.Check(lines[i]) is { Fields: { Count: > 0 } fields })
            {
                return Error.Invalid($"lines[{i}].{fields[0].Field}", fields[0].Rule, [.. (fields[0].Args ?? new Dictionary<string, object?>()).Select(a => (a.Key, a.Value))]);
            }
        }

        return null;
    }

    // lenient: Copying last month: lines that no longer work (inactive product, lost customer, no price) are left out instead of refused.
    public static async Task<Result<List<MonthlyPlanLine>>> BuildAsync(
        SalesFlowDbContext db, Actor actor, Period month, Guid ownerUnitId, IReadOnlyList<PlanLineInput> inputs, bool lenient, CancellationToken ct)
    {
        var customerIds = inputs.Where(l => l.CustomerId is not null).Select(l => l.CustomerId!.Value).Distinct().ToList();
        var customers = customerIds.Count == 0
            ? []
            : await db.Customers.AsNoTracking().VisibleTo(actor).Where(c => customerIds.Contains(c.Id) && !c.IsDeleted).ToDictionaryAsync(c => c.Id, ct);
        var dealerTiers = customers.Count == 0 ? [] : await Dealers.DealerAccounts.TiersAsync(db, customers.Keys, month.Start, ct);
        var productIds = inputs.Select(l => l.ProductId!.Value).Distinct().ToList();
        var products = await db.Products.AsNoTracking().Include(p => p.Conversions).Where(p => productIds.Contains(p.Id) && p.IsActive).ToDictionaryAsync(p => p.Id, ct);

        var wanted = new List<(int Line, PlanLineInput Input, Catalog.Products.Product Product, decimal BaseQuantity)>();
        for (var i = 0; i < inputs.Count; i++)
        {
            var input = inputs[i];
            Error? error = null;
            if (input.CustomerId is { } customerId && !customers.ContainsKey(customerId))
            {
                error = PlanErrors.CustomerNotVisible(i + 1);
            }
            else if (!products.TryGetValue(input.ProductId!.Value, out var product))
            {
                error = PlanErrors.ProductNotFound(i + 1);
            }
            else if (product.ToBaseQuantity(input.Quantity!.Value, string.IsNullOrWhiteSpace(input.Unit) ? product.Unit : input.Unit.Trim()) is not { } baseQuantity || baseQuantity <= 0)
            {
                error = PlanErrors.BadUnit(i + 1, input.Unit ?? "");
            }
            else
            {
                wanted.Add((i + 1, input, product, baseQuantity));
            }

            if (error is not null && !lenient)
            {
                return error;
            }
        }

        // List prices: one lookup per customer (its region and group); lines without a customer use the owner's region.
        var prices = new Dictionary<int, decimal>();
        Guid? ownerRegion = null;
        foreach (var group in wanted.Where(w => w.Input.PromotionPrice is null).GroupBy(w => w.Input.CustomerId))
        {
            PriceContext context;
            if (group.Key is { } customerId)
            {
                context = Dealers.DealerAccounts.PriceContextOf(customers[customerId], month.Start, dealerTiers.TryGetValue(customerId, out var tier) ? tier : null);
            }
            else
            {
                if (ownerRegion is null)
                {
                    var path = await db.OrgUnits.Where(u => u.Id == ownerUnitId).Select(u => u.Path).SingleAsync(ct);
                    ownerRegion = await Regions.AboveAsync(db, path, ct);
                }

                context = new PriceContext(month.Start, ownerRegion, SalesChannel.Direct, null, null);
            }

            var items = group.ToList();
            var resolved = await PriceResolver.ResolveAsync(db, context, items.Select(w => (w.Product.Id, w.BaseQuantity)).ToList(), ct);
            for (var k = 0; k < items.Count; k++)
            {
                if (resolved[k] is { } price)
                {
                    prices[items[k].Line] = price.UnitPrice;
                }
            }
        }

        var lines = new List<MonthlyPlanLine>(wanted.Count);
        foreach (var (line, input, product, baseQuantity) in wanted)
        {
            decimal unitPrice;
            if (input.PromotionPrice is { } promotion)
            {
                unitPrice = LineAmounts.Round(promotion);
            }
            else if (prices.TryGetValue(line, out var listPrice))
            {
                unitPrice = listPrice;
            }
            else if (lenient)
            {
                continue;
            }
            else
            {
                return PlanErrors.NoPrice(line);
            }

            var amount = LineAmounts.Of(baseQuantity, unitPrice, 0m, 0m).NetAmount;
            lines.Add(new MonthlyPlanLine(
                line, input.CustomerId, product.Id, product.ProductLine, baseQuantity, product.Unit, unitPrice, amount, input.IsNewProduct,
                Trim(input.Promotion), Trim(input.Note), isPromotionPrice: input.PromotionPrice is not null));
        }

        return lines;
    }

    private static string? Trim(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
