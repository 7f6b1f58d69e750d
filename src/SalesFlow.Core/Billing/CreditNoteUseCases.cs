using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using SalesFlow.Core.Common;
using SalesFlow.Core.Data;

namespace SalesFlow.Core.Billing;

public sealed record CreditNoteAllocationRow(Guid Id, Guid InvoiceId, string InvoiceNumber, decimal Amount, DateOnly AllocatedOn);

public sealed record CreditNoteDetails(
    Guid Id, string Number, Guid CustomerId, string CustomerName, decimal Amount, decimal AllocatedAmount, decimal Unapplied, DateOnly IssueDate,
    string Reason, string SourceKind, Guid? SourceId, IReadOnlyList<CreditNoteAllocationRow> Allocations, int Version,
    DateTime CreatedAtUtc, string CreatedBy);

public sealed record CreditNoteRow(Guid Id, string Number, Guid CustomerId, string CustomerName, decimal Amount, decimal AllocatedAmount, decimal Unapplied, DateOnly IssueDate, string Reason);

public sealed record AllocateCreditNote(Guid Id, [property: Required] IReadOnlyList<AllocationInput>? Allocations, int? Version = null);

/// <summary>Credit notes as Finance and the customer's owner see them (scoped like receipts).</summary>
public sealed class CreditNoteQueries(IDbContextFactory<SalesFlowDbContext> dbFactory)
{
    private static readonly SortWhitelist<CreditNote> Sorts = new("-issueDate", SortOption<CreditNote>.By("issueDate", c => c.IssueDate), SortOption<CreditNote>.By("number", c => c.Number));

    public async Task<Result<Page<CreditNoteRow>>> ListAsync(Actor actor, Guid? customerId, bool? unapplied, PageRequest page, CancellationToken ct)
    {
        if (actor.Require(BillingPermissions.View) is { } denied)
        {
            return denied;
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var query = db.CreditNotes.AsNoTracking().VisibleTo(actor);
        if (customerId is { } c)
        {
            query = query.Where(n => n.CustomerId == c);
        }

        if (unapplied == true)
        {
            query = query.Where(n => n.AllocatedAmount < n.Amount);
        }

        return await Sorts.PageAsync(query, page, n => new CreditNoteRow(
            n.Id, n.Number, n.CustomerId, db.Customers.Where(x => x.Id == n.CustomerId).Select(x => x.Name).First(), n.Amount, n.AllocatedAmount, n.Amount - n.AllocatedAmount, n.IssueDate, n.Reason), ct);
    }

    public async Task<Result<CreditNoteDetails>> GetAsync(Actor actor, Guid id, CancellationToken ct)
    {
        if (actor.Require(BillingPermissions.View) is { } denied)
        {
            return denied;
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var note = await db.CreditNotes.AsNoTracking().VisibleTo(actor).Where(n => n.Id == id)
            .Select(n => new
            {
                Note = n,
                CustomerName = db.Customers.Where(x => x.Id == n.CustomerId).Select(x => x.Name).First(),
                Allocations = db.CreditNoteAllocations.Where(a => a.CreditNoteId == n.Id).OrderBy(a => a.AllocatedOn).ThenBy(a => a.Id)
                    .Select(a => new CreditNoteAllocationRow(a.Id, a.InvoiceId, db.Invoices.Where(i => i.Id == a.InvoiceId).Select(i => i.Number).First(), a.Amount, a.AllocatedOn)).ToList(),
            })
            .SingleOrDefaultAsync(ct);
        if (note is null)
        {
            return CreditNoteErrors.NotFound(id);
        }

        var n = note.Note;
        return new CreditNoteDetails(
            n.Id, n.Number, n.CustomerId, note.CustomerName, n.Amount, n.AllocatedAmount, n.Unapplied, n.IssueDate, n.Reason, n.SourceKind, n.SourceId, note.Allocations, n.Version, n.CreatedAtUtc, n.CreatedBy);
    }
}

/// <summary>
/// Finance uses a credit note on the customer's later invoices, with the rules of a receipt's allocation
/// (<see cref="CreditNote.Allocate"/> → <see cref="Invoice.ApplyPayment"/>). All or nothing.
/// </summary>
public sealed class CreditNoteHandler(IDbContextFactory<SalesFlowDbContext> dbFactory, CompanyClock clock, CreditNoteQueries queries)
{
    public async Task<Result<CreditNoteDetails>> AllocateAsync(AllocateCreditNote request, Actor actor, CancellationToken ct)
    {
        if (actor.Require(BillingPermissions.Manage) is { } denied)
        {
            return denied;
        }

        if (RequestValidation.Check(request) is { } invalid)
        {
            return invalid;
        }

        if (request.Allocations!.Count == 0)
        {
            return Error.Invalid("allocations", "required");
        }

        if (request.Allocations.Count > 200)
        {
            return Error.Invalid("allocations", "maxLength", ("max", 200));
        }

        for (var i = 0; i < request.Allocations.Count; i++)
        {
            if (RequestValidation.Check(request.Allocations[i]) is { Fields: { Count: > 0 } fields })
            {
                return Error.Invalid($"allocations[{i}].{fields[0].Field}", fields[0].Rule);
            }
        }

        await using var db = await dbFactory.OpenAsync(actor, ct);
        var note = await db.CreditNotes.VisibleTo(actor).Include(n => n.Allocations).SingleOrDefaultAsync(n => n.Id == request.Id, ct);
        if (note is null)
        {
            return CreditNoteErrors.NotFound(request.Id);
        }

        if (request.Version is { } sent && sent != note.Version)
        {
            return Error.StaleVersion("CreditNote", sent, note.Version, (await queries.GetAsync(actor, note.Id, ct)).Value);
        }

        var ids = request.Allocations.Select(a => a.InvoiceId!.Value).Distinct().ToList();
        var invoices = await db.Invoices.VisibleTo(actor).Where(i => ids.Contains(i.Id)).ToDictionaryAsync(i => i.Id, ct);
        var on = clock.Today < note.IssueDate ? note.IssueDate : clock.Today;
        foreach (var allocation in request.Allocations)
        {
            if (!invoices.TryGetValue(allocation.InvoiceId!.Value, out var invoice))
            {
                return BillingErrors.InvoiceNotFound(allocation.InvoiceId.Value);
            }

            var applied = note.Allocate(invoice, decimal.Round(allocation.Amount!.Value, 2, MidpointRounding.AwayFromZero), on);
            if (!applied.IsSuccess)
            {
                return applied.Error!;
            }
        }

        if (await db.SaveOrConflictAsync("CreditNote", ct) is { } conflict)
        {
            return conflict;
        }

        return await queries.GetAsync(actor, note.Id, ct);
    }
}
