using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using SalesFlow.Core.Common;
using SalesFlow.Core.Customers;
using SalesFlow.Core.Data;
using SalesFlow.Core.Organization;

namespace SalesFlow.Core.Opportunities;

public sealed record OpportunityLineInput(
    [property: Required, StringLength(OpportunityLine.ProductNameMaxLength, MinimumLength = 1)] string ProductName,
    [property: StringLength(50)] string? Sku,
    Guid? ProductId,
    [property: Required, Range(typeof(decimal), "0.001", "1000000000")] decimal? Quantity,
    [property: Required, StringLength(20, MinimumLength = 1)] string Unit,
    [property: Required, Range(typeof(decimal), "0", "1000000000000")] decimal? UnitPrice);

public sealed record CreateOpportunity(
    [property: Required, StringLength(Opportunity.NameMaxLength, MinimumLength = 1)] string Name,
    [property: Required] Guid? CustomerId,
    Guid? ContactId = null,
    [property: Range(typeof(decimal), "0", "1000000000000")] decimal? Amount = null,
    DateOnly? ExpectedCloseDate = null,
    Guid? StageId = null,
    Guid? OwnerId = null,
    IReadOnlyList<OpportunityLineInput>? Lines = null);

/// <summary>
/// The rules of a new opportunity on a context the caller opened (create and lead conversion come here): a customer
/// the actor sees, a contact of that customer, an active owner in scope (the caller, else the customer's owner), the
/// first open stage unless one is named, and a number from the OPP series of the year. The caller holds the
/// transaction and saves.
/// </summary>
public static class NewOpportunity
{
    /// <summary>Without an expected close date (a converted lead) the deal is expected to close within a quarter.</summary>
    public const int DefaultMonthsToClose = 3;

    public static async Task<Result<Opportunity>> AddAsync(
        SalesFlowDbContext db, Actor actor, CreateOpportunity request, CompanyClock clock, CancellationToken ct)
    {
        if (RequestValidation.Check(request) is { } invalid)
        {
            return invalid;
        }

        if (OpportunityLines.Check(request.Lines) is { } badLine)
        {
            return badLine;
        }

        // Customers added in this context (lead conversion) are not in the database yet.
        var customer = db.Customers.Local.FirstOrDefault(c => c.Id == request.CustomerId)
            ?? await db.Customers.VisibleTo(actor).FirstOrDefaultAsync(c => c.Id == request.CustomerId && !c.IsDeleted, ct);
        if (customer is null)
        {
            return CustomerErrors.NotFound(request.CustomerId!.Value);
        }

        if (request.ContactId is { } contactId
            && !db.Contacts.Local.Any(k => k.Id == contactId && k.CustomerId == customer.Id)
            && !await db.Contacts.AnyAsync(k => k.Id == contactId && k.CustomerId == customer.Id && !k.IsDeleted, ct))
        {
            return OpportunityErrors.ContactNotOfCustomer;
        }

        var ownerId = request.OwnerId ?? actor.EmployeeId ?? customer.OwnerId;
        var owner = await db.Employees.VisibleTo(actor).Where(e => e.Id == ownerId && e.IsActive).Select(e => new { e.Id, e.OrgUnitId }).SingleOrDefaultAsync(ct);
        if (owner is null)
        {
            return OpportunityErrors.OwnerInactive;
        }

        var stage = request.StageId is { } stageId
            ? await db.OpportunityStages.SingleOrDefaultAsync(s => s.Id == stageId, ct)
            : await OpportunityStages.FirstOpenAsync(db, ct);
        if (stage is null)
        {
            return request.StageId is { } missing ? OpportunityErrors.StageNotFound(missing) : OpportunityErrors.NoOpenStage;
        }

        var now = clock.UtcNow;
        var number = await SequenceNumbers.NextAsync(db, Opportunity.NumberSeries, clock.Today.Year, ct);
        var opportunity = new Opportunity(number, request.Name.Trim(), customer.Id, request.ContactId, owner.Id, owner.OrgUnitId, "CNY");
        var opened = opportunity.Open(stage, now, actor.UserName);
        if (!opened.IsSuccess)
        {
            return opened.Error!;
        }

        opportunity.UpdateDetails(opportunity.Name, request.ContactId, request.ExpectedCloseDate ?? clock.Today.AddMonths(DefaultMonthsToClose));
        opportunity.SetLines(OpportunityLines.From(request.Lines), request.Amount ?? 0m);
        db.Opportunities.Add(opportunity);
        return opportunity;
    }
}

internal static class OpportunityLines
{
    public static Error? Check(IReadOnlyList<OpportunityLineInput>? lines)
    {
        if (lines is null)
        {
            return null;
        }

        if (lines.Count > 200)
        {
            return Error.Invalid("lines", "maxLength", ("max", 200));
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

    public static IEnumerable<OpportunityLine> From(IReadOnlyList<OpportunityLineInput>? lines) =>
        (lines ?? []).Select((l, i) => new OpportunityLine(
            i + 1, l.ProductName.Trim(), string.IsNullOrWhiteSpace(l.Sku) ? null : l.Sku.Trim(), l.ProductId,
            decimal.Round(l.Quantity!.Value, 3, MidpointRounding.AwayFromZero), l.Unit.Trim(), decimal.Round(l.UnitPrice!.Value, 2, MidpointRounding.AwayFromZero)));
}

public static class OpportunityStages
{
    public static Task<OpportunityStage?> FirstOpenAsync(SalesFlowDbContext db, CancellationToken ct) =>
        db.OpportunityStages.Where(s => s.Kind == StageKind.Open && s.IsActive).OrderBy(s => s.SortOrder).ThenBy(s => s.Id).FirstOrDefaultAsync(ct);

    public static Task<OpportunityStage?> OfKindAsync(SalesFlowDbContext db, StageKind kind, CancellationToken ct) =>
        db.OpportunityStages.Where(s => s.Kind == kind).OrderBy(s => s.SortOrder).FirstOrDefaultAsync(ct);

    /// <summary>
    /// Creates the default pipeline on a database without stages (called by <see cref="DatabaseInitializer"/>). Seeded
    /// here rather than by HasData: the company edits these rows, and a seed owned by migrations would be rewritten.
    /// </summary>
    public static async Task EnsureDefaultsAsync(SalesFlowDbContext db, CancellationToken ct)
    {
        if (await db.OpportunityStages.AnyAsync(ct))
        {
            return;
        }

        var order = 0;
        foreach (var (code, zh, en, probability, kind) in OpportunityStage.Defaults)
        {
            db.OpportunityStages.Add(new OpportunityStage(code, zh, en, ++order * 10, probability, kind));
        }

        await db.SaveChangesAsync(ct);
    }
}
