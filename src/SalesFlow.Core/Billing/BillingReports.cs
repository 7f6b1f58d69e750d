using System.Globalization;
using Microsoft.EntityFrameworkCore;
using SalesFlow.Core.Common;
using SalesFlow.Core.Data;

namespace SalesFlow.Core.Billing;

public enum ReportGrouping
{
    Customer,
    Rep,
    Region,
}

public sealed record AgingRow(Guid Key, string Name, decimal NotDue, decimal Days0To30, decimal Days31To60, decimal Days61To90, decimal Over90, decimal Total);

public sealed record AgingReport(DateOnly AsOf, ReportGrouping By, IReadOnlyList<AgingRow> Rows, AgingRow Totals);

public sealed record CollectionRow(Guid Key, string Name, decimal Due, decimal Collected, decimal? Rate);

public sealed record CollectionReport(string Period, DateOnly From, DateOnly To, ReportGrouping By, IReadOnlyList<CollectionRow> Rows, CollectionRow Totals);

/// <summary>
/// Receivables reports, summed in SQL within the caller's scope.
/// Aging as of a day (company time zone): what was unpaid on that day (invoice total minus receipts and credit notes
/// applied up to then) by how far past its due date: not yet due (due after the day), 0–30 (due on the day up to 30 days before),
/// 31–60, 61–90, over 90 days.
/// Collection rate of a period: of the invoices falling due in the period, the share collected by its last day
/// (allocations dated up to the end of the period) — collected ÷ due; no rate where nothing fell due.
/// </summary>
public sealed class BillingReports(IDbContextFactory<SalesFlowDbContext> dbFactory, CompanyClock clock)
{
    public async Task<Result<AgingReport>> AgingAsync(Actor actor, DateOnly? asOf, ReportGrouping by, CancellationToken ct)
    {
        if (actor.Require(BillingPermissions.View) is { } denied)
        {
            return denied;
        }

        var day = asOf ?? clock.Today;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var result = await AgingRowsAsync(db, db.Invoices.AsNoTracking().VisibleTo(actor), day, by, ct);
        var totals = new AgingRow(
            Guid.Empty, "", result.Sum(r => r.NotDue), result.Sum(r => r.Days0To30), result.Sum(r => r.Days31To60), result.Sum(r => r.Days61To90),
            result.Sum(r => r.Over90), result.Sum(r => r.Total));
        return new AgingReport(day, by, result, totals);
    }

    /// <summary>
    /// The aging rule, for the report and the dealer's statement alike: of the invoices given (already scoped), what was
    /// unpaid on <paramref name="day"/> — total minus receipts and credit notes applied up to then — by days past due.
    /// </summary>
    internal static async Task<List<AgingRow>> AgingRowsAsync(SalesFlowDbContext db, IQueryable<Invoice> scoped, DateOnly day, ReportGrouping by, CancellationToken ct)
    {
        var (d30, d60, d90) = (day.AddDays(-30), day.AddDays(-60), day.AddDays(-90));
        var invoices = scoped.Where(i => i.Status != InvoiceStatus.Cancelled && i.IssueDate <= day);
        var billed = await Bucket(KeyedInvoices(db, invoices, by), day, d30, d60, d90).ToListAsync(ct);
        var paidShape = from a in AppliedPayments(db)
                        join i in invoices on a.InvoiceId equals i.Id
                        where a.AllocatedOn <= day
                        select new { Invoice = i, a.Amount };
        var paidKeyed = by switch
        {
            ReportGrouping.Customer => paidShape.Select(x => new Keyed { Key = x.Invoice.CustomerId, DueDate = x.Invoice.DueDate, Amount = x.Amount }),
            ReportGrouping.Rep => paidShape.Select(x => new Keyed { Key = x.Invoice.OwnerId, DueDate = x.Invoice.DueDate, Amount = x.Amount }),
            _ => from x in paidShape
                 join c in db.Customers on x.Invoice.CustomerId equals c.Id
                 select new Keyed { Key = c.RegionId, DueDate = x.Invoice.DueDate, Amount = x.Amount },
        };
        var paid = (await Bucket(paidKeyed, day, d30, d60, d90).ToListAsync(ct)).ToDictionary(p => p.Key);

        var rows = billed
            .Select(b => paid.TryGetValue(b.Key, out var p)
                ? new Buckets { Key = b.Key, NotDue = b.NotDue - p.NotDue, D30 = b.D30 - p.D30, D60 = b.D60 - p.D60, D90 = b.D90 - p.D90, Over = b.Over - p.Over }
                : b)
            .Where(b => b.NotDue + b.D30 + b.D60 + b.D90 + b.Over != 0)
            .ToList();
        var names = await NamesAsync(db, by, rows.Select(r => r.Key).ToList(), ct);
        return rows
            .Select(r => new AgingRow(r.Key, names.GetValueOrDefault(r.Key, ""), r.NotDue, r.D30, r.D60, r.D90, r.Over, r.NotDue + r.D30 + r.D60 + r.D90 + r.Over))
            .OrderByDescending(r => r.Total).ThenBy(r => r.Name, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>
    /// Money put on invoices — receipts and credit notes alike (a rebate settled as a credit note pays like cash) — with the day
    /// it was applied. Aging and the dealer evaluation's payment timeliness read this one union.
    /// </summary>
    internal static IQueryable<AppliedPayment> AppliedPayments(SalesFlowDbContext db) =>
        db.ReceiptAllocations.Select(a => new AppliedPayment { InvoiceId = a.InvoiceId, Amount = a.Amount, AllocatedOn = a.AllocatedOn })
            .Concat(db.CreditNoteAllocations.Select(a => new AppliedPayment { InvoiceId = a.InvoiceId, Amount = a.Amount, AllocatedOn = a.AllocatedOn }));

    public async Task<Result<CollectionReport>> CollectionAsync(Actor actor, string? period, ReportGrouping by, CancellationToken ct)
    {
        if (actor.Require(BillingPermissions.View) is { } denied)
        {
            return denied;
        }

        if (!TryParsePeriod(period ?? $"{clock.Today.Year}-Q{((clock.Today.Month - 1) / 3) + 1}", out var from, out var to))
        {
            return BillingErrors.BadPeriod;
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var invoices = db.Invoices.AsNoTracking().VisibleTo(actor).Where(i => i.Status != InvoiceStatus.Cancelled && i.DueDate >= from && i.DueDate <= to);
        var due = await KeyedInvoices(db, invoices, by).GroupBy(k => k.Key).Select(g => new { g.Key, Amount = g.Sum(k => k.Amount) }).ToListAsync(ct);
        var collectedShape = from a in db.ReceiptAllocations
                             join i in invoices on a.InvoiceId equals i.Id
                             where a.AllocatedOn <= to
                             select new { Invoice = i, a.Amount };
        var collectedKeyed = by switch
        {
            ReportGrouping.Customer => collectedShape.Select(x => new Keyed { Key = x.Invoice.CustomerId, DueDate = x.Invoice.DueDate, Amount = x.Amount }),
            ReportGrouping.Rep => collectedShape.Select(x => new Keyed { Key = x.Invoice.OwnerId, DueDate = x.Invoice.DueDate, Amount = x.Amount }),
            _ => from x in collectedShape
                 join c in db.Customers on x.Invoice.CustomerId equals c.Id
                 select new Keyed { Key = c.RegionId, DueDate = x.Invoice.DueDate, Amount = x.Amount },
        };
        var collected = (await collectedKeyed.GroupBy(k => k.Key).Select(g => new { g.Key, Amount = g.Sum(k => k.Amount) }).ToListAsync(ct))
            .ToDictionary(c => c.Key, c => c.Amount);
        var names = await NamesAsync(db, by, due.Select(d => d.Key).ToList(), ct);
        var rows = due
            .Select(d => new CollectionRow(d.Key, names.GetValueOrDefault(d.Key, ""), d.Amount, collected.GetValueOrDefault(d.Key), Rate(collected.GetValueOrDefault(d.Key), d.Amount)))
            .OrderByDescending(r => r.Due).ThenBy(r => r.Name, StringComparer.Ordinal)
            .ToList();
        var totalDue = rows.Sum(r => r.Due);
        var totalCollected = rows.Sum(r => r.Collected);
        return new CollectionReport(period ?? "", from, to, by, rows, new CollectionRow(Guid.Empty, "", totalDue, totalCollected, Rate(totalCollected, totalDue)));
    }

    /// <summary><c>2026</c>, <c>2026-Q3</c> or <c>2026-07</c> → first and last day.</summary>
    public static bool TryParsePeriod(string period, out DateOnly from, out DateOnly to)
    {
        (from, to) = (default, default);
        var p = period.Trim();
        if (p.Length == 4 && int.TryParse(p, NumberStyles.None, CultureInfo.InvariantCulture, out var year) && year is > 1900 and < 3000)
        {
            (from, to) = (new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));
            return true;
        }

        if (p.Length == 7 && int.TryParse(p[..4], NumberStyles.None, CultureInfo.InvariantCulture, out year) && year is > 1900 and < 3000 && p[4] == '-')
        {
            if ((p[5] == 'Q' || p[5] == 'q') && p[6] is >= '1' and <= '4')
            {
                from = new DateOnly(year, ((p[6] - '1') * 3) + 1, 1);
                to = from.AddMonths(3).AddDays(-1);
                return true;
            }

            if (int.TryParse(p[5..], NumberStyles.None, CultureInfo.InvariantCulture, out var month) && month is >= 1 and <= 12)
            {
                from = new DateOnly(year, month, 1);
                to = from.AddMonths(1).AddDays(-1);
                return true;
            }
        }

        return false;
    }

    private static decimal? Rate(decimal collected, decimal due) => due == 0 ? null : decimal.Round(collected / due, 4, MidpointRounding.AwayFromZero);

    private static IQueryable<Keyed> KeyedInvoices(SalesFlowDbContext db, IQueryable<Invoice> invoices, ReportGrouping by) => by switch
    {
        ReportGrouping.Customer => invoices.Select(i => new Keyed { Key = i.CustomerId, DueDate = i.DueDate, Amount = i.Total }),
        ReportGrouping.Rep => invoices.Select(i => new Keyed { Key = i.OwnerId, DueDate = i.DueDate, Amount = i.Total }),
        _ => from i in invoices join c in db.Customers on i.CustomerId equals c.Id select new Keyed { Key = c.RegionId, DueDate = i.DueDate, Amount = i.Total },
    };

    private static IQueryable<Buckets> Bucket(IQueryable<Keyed> keyed, DateOnly day, DateOnly d30, DateOnly d60, DateOnly d90) =>
        keyed.GroupBy(k => k.Key).Select(g => new Buckets
        {
            Key = g.Key,
            NotDue = g.Sum(k => k.DueDate > day ? k.Amount : 0m),
            D30 = g.Sum(k => k.DueDate <= day && k.DueDate >= d30 ? k.Amount : 0m),
            D60 = g.Sum(k => k.DueDate < d30 && k.DueDate >= d60 ? k.Amount : 0m),
            D90 = g.Sum(k => k.DueDate < d60 && k.DueDate >= d90 ? k.Amount : 0m),
            Over = g.Sum(k => k.DueDate < d90 ? k.Amount : 0m),
        });

    private static async Task<Dictionary<Guid, string>> NamesAsync(SalesFlowDbContext db, ReportGrouping by, List<Guid> keys, CancellationToken ct) => by switch
    {
        ReportGrouping.Customer => await db.Customers.Where(c => keys.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.Name, ct),
        ReportGrouping.Rep => await db.Employees.Where(e => keys.Contains(e.Id)).ToDictionaryAsync(e => e.Id, e => e.Name, ct),
        _ => await db.OrgUnits.Where(u => keys.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Name, ct),
    };

    private sealed class Keyed
    {
        public Guid Key { get; init; }

        public DateOnly DueDate { get; init; }

        public decimal Amount { get; init; }
    }

    private sealed class Buckets
    {
        public Guid Key { get; init; }

        public decimal NotDue { get; init; }

        public decimal D30 { get; init; }

        public decimal D60 { get; init; }

        public decimal D90 { get; init; }

        public decimal Over { get; init; }
    }
}

/// <summary>An amount applied to an invoice on a day (a receipt's or a credit note's allocation).</summary>
internal sealed class AppliedPayment
{
    public Guid InvoiceId { get; init; }

    public decimal Amount { get; init; }

    public DateOnly AllocatedOn { get; init; }
}
