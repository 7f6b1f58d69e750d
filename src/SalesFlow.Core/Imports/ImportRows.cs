using Microsoft.EntityFrameworkCore;
using SalesFlow.Core.Common;
using SalesFlow.Core.Customers;
using SalesFlow.Core.Data;
using SalesFlow.Core.Leads;
using SalesFlow.Core.Organization;

namespace SalesFlow.Core.Imports;

/// <summary>
/// How one row of a kind becomes the request its use case takes, and which rules it must pass. Check and add
/// both run the use case's own rules (<see cref="NewCustomer"/>, <see cref="NewContact"/>, <see cref="NewLead"/>),
/// so an imported record is held to exactly what the screen and the API hold it to.
/// </summary>
public abstract class ImportRows
{
    public static ImportRows For(ImportKind kind, IServiceProvider? services = null) => kind switch
    {
        ImportKind.Customers => new CustomerRows(),
        ImportKind.Contacts => new ContactRows(),
        ImportKind.Leads => new LeadRows(),
        ImportKind.StockReports => new StockReportRows(services),
    };

    /// <summary>True when a file is applied whole or not at all, whatever the caller asked (stock reports: a half report reconciles wrongly).</summary>
    public virtual bool AllOrNothing => false;

    /// <summary>
    /// True when applying a row only adds new records and never changes one it loaded. Such a kind is imported in one pass
    /// (<see cref="CheckAndAddManyAsync"/>): each chunk is checked and its valid rows written at once by the engine's bulk
    /// path (<see cref="BulkInsert"/>: COPY on PostgreSQL), audit trail included, without EF Core's change detection.
    /// </summary>
    public virtual bool AddsOnly => false;

    /// <summary>The permission the kind's own create use case requires.</summary>
    public abstract string Permission { get; }

    /// <summary>The rules, without adding anything.</summary>
    public abstract Task<Error?> CheckAsync(SalesFlowDbContext db, Actor actor, HeaderMap map, TabularRow row, CancellationToken ct);

    /// <summary>The rules again (the database may have changed since the check), then the record is added.</summary>
    public abstract Task<Error?> AddAsync(SalesFlowDbContext db, Actor actor, HeaderMap map, TabularRow row, DateTime nowUtc, CancellationToken ct);

    /// <summary>The rules for a chunk of rows, one answer per row (null: valid); kinds that can check many at once override it.</summary>
    public virtual async Task<IReadOnlyList<Error?>> CheckManyAsync(SalesFlowDbContext db, Actor actor, HeaderMap map, IReadOnlyList<TabularRow> rows, CancellationToken ct)
    {
        var errors = new List<Error?>(rows.Count);
        foreach (var row in rows)
        {
            errors.Add(await CheckAsync(db, actor, map, row, ct));
        }

        return errors;
    }

    /// <summary>Adds a chunk of rows in order; stops at the first that fails and returns its position and error.</summary>
    public virtual async Task<(int Row, Error Error)?> AddManyAsync(SalesFlowDbContext db, Actor actor, HeaderMap map, IReadOnlyList<TabularRow> rows, DateTime nowUtc, CancellationToken ct)
    {
        for (var i = 0; i < rows.Count; i++)
        {
            if (await AddAsync(db, actor, map, rows[i], nowUtc, ct) is { } error)
            {
                return (i, error);
            }
        }

        return null;
    }

    /// <summary>
    /// The one pass of an <see cref="AddsOnly"/> kind, inside the import's transaction: checks a chunk and, when
    /// <paramref name="add"/>, adds the rows that pass. The <paramref name="held"/> rows (the file itself already failed
    /// them: its own duplicates, garbled lines) are never added, and are checked without the lookups that would find the
    /// file's earlier rows, saved in this transaction, as what they duplicate. One answer per row (null: valid).
    /// </summary>
    public virtual Task<IReadOnlyList<Error?>> CheckAndAddManyAsync(
        SalesFlowDbContext db, Actor actor, HeaderMap map, IReadOnlyList<TabularRow> rows, IReadOnlyList<bool> held, bool add, DateTime nowUtc, CancellationToken ct) =>
        throw new InvalidOperationException($"{GetType().Name} is not imported in one pass: it does not only add.");

    /// <summary>
    /// After the last row is added, before the final save, in the import's transaction: work that needs the whole file
    /// (stock reports check each report once, with every month of the file in place).
    /// </summary>
    public virtual Task FinishAsync(SalesFlowDbContext db, CancellationToken ct) => Task.CompletedTask;

    /// <summary>The values no two rows of one file may share (the duplicate rule inside the file).</summary>
    public abstract IEnumerable<(string Field, string Value)> UniqueKeys(HeaderMap map, TabularRow row);

    protected static Result<TEnum?> Parse<TEnum>(HeaderMap map, TabularRow row, string field)
        where TEnum : struct, Enum
    {
        var text = map.Value(row.Cells, field);
        if (text is null)
        {
            return (TEnum?)null;
        }

        return Enum.TryParse<TEnum>(text, ignoreCase: true, out var value) && Enum.IsDefined(value) && !char.IsDigit(text[0])
            ? value
            : Error.Invalid(field, "oneOf", ("allowed", string.Join(", ", Enum.GetNames<TEnum>())));
    }
}

internal sealed class CustomerRows : ImportRows
{
    public override string Permission => CustomerPermissions.Edit;

    public override async Task<Error?> CheckAsync(SalesFlowDbContext db, Actor actor, HeaderMap map, TabularRow row, CancellationToken ct)
    {
        var request = await RequestAsync(db, map, row, ct);
        return request.IsSuccess ? (await NewCustomer.CheckAsync(db, actor, request.Value!, ct)).Error : request.Error;
    }

    public override async Task<Error?> AddAsync(SalesFlowDbContext db, Actor actor, HeaderMap map, TabularRow row, DateTime nowUtc, CancellationToken ct)
    {
        var request = await RequestAsync(db, map, row, ct);
        return request.IsSuccess ? (await NewCustomer.AddAsync(db, actor, request.Value!, ct)).Error : request.Error;
    }

    public override IEnumerable<(string Field, string Value)> UniqueKeys(HeaderMap map, TabularRow row) =>
        map.Value(row.Cells, "name") is { } name ? [("name", name)] : [];

    private static async Task<Result<CreateCustomer>> RequestAsync(SalesFlowDbContext db, HeaderMap map, TabularRow row, CancellationToken ct)
    {
        var type = Parse<CustomerType>(map, row, "type");
        var customerClass = Parse<CustomerClass>(map, row, "class");
        var tier = Parse<ValueTier>(map, row, "valueTier");
        if ((type.Error ?? customerClass.Error ?? tier.Error) is { } invalid)
        {
            return invalid;
        }

        Guid? regionId = null;
        if (map.Value(row.Cells, "region") is { } region)
        {
            regionId = await Regions.Named(db, region).Select(u => (Guid?)u.Id).FirstOrDefaultAsync(ct);
            if (regionId is null)
            {
                return Error.Invalid("region", "notFound");
            }
        }

        var tags = map.Value(row.Cells, "tags")?.Split([',', '，', ';', '；'], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        return new CreateCustomer(
            map.Value(row.Cells, "name") ?? "", type.Value, customerClass.Value, tier.Value, map.Value(row.Cells, "industry"), regionId, null,
            map.Value(row.Cells, "address"), map.Value(row.Cells, "phone"), tags);
    }
}

internal sealed class ContactRows : ImportRows
{
    public override string Permission => CustomerPermissions.Edit;

    public override async Task<Error?> CheckAsync(SalesFlowDbContext db, Actor actor, HeaderMap map, TabularRow row, CancellationToken ct) =>
        (await RequestAsync(db, actor, map, row, ct)).Error;

    public override async Task<Error?> AddAsync(SalesFlowDbContext db, Actor actor, HeaderMap map, TabularRow row, DateTime nowUtc, CancellationToken ct)
    {
        var request = await RequestAsync(db, actor, map, row, ct);
        if (!request.IsSuccess)
        {
            return request.Error;
        }

        var contact = NewContact.Add(db, request.Value!);
        if (contact.IsPrimary)
        {
            // As the contact editor does: one primary per customer, whether saved already or added earlier in this batch.
            var saved = await db.Contacts.Where(k => k.CustomerId == contact.CustomerId && k.IsPrimary).ToListAsync(ct);
            foreach (var other in saved.Concat(db.Contacts.Local).Where(k => k.CustomerId == contact.CustomerId && k.IsPrimary && k != contact).Distinct())
            {
                other.Demote();
            }
        }

        return null;
    }

    public override IEnumerable<(string Field, string Value)> UniqueKeys(HeaderMap map, TabularRow row)
    {
        if (map.Value(row.Cells, "mobile") is { } mobile)
        {
            yield return ("mobile", mobile);
        }

        if (map.Value(row.Cells, "email") is { } email)
        {
            yield return ("email", email.ToLowerInvariant());
        }
    }

    private static async Task<Result<SaveContact>> RequestAsync(SalesFlowDbContext db, Actor actor, HeaderMap map, TabularRow row, CancellationToken ct)
    {
        var named = map.Value(row.Cells, "customer");
        if (named is null)
        {
            return Error.Invalid("customer", "required");
        }

        // A customer is named by its number or its exact name; a name two customers share is not a name.
        var matches = await db.Customers.VisibleTo(actor).Where(c => !c.IsDeleted && (c.Number == named || c.Name == named))
            .Select(c => c.Id).Take(2).ToListAsync(ct);
        if (matches.Count != 1)
        {
            return Error.Invalid("customer", matches.Count == 0 ? "notFound" : "ambiguous");
        }

        var isPrimary = map.Value(row.Cells, "isPrimary");
        if (isPrimary is not null && ParseBool(isPrimary) is null)
        {
            return Error.Invalid("isPrimary", "oneOf", ("allowed", "true, false, 是, 否"));
        }

        var request = new SaveContact(
            matches[0], null, map.Value(row.Cells, "fullName") ?? "", map.Value(row.Cells, "title"), map.Value(row.Cells, "officePhone"),
            map.Value(row.Cells, "mobile"), map.Value(row.Cells, "email"), isPrimary is not null && ParseBool(isPrimary) == true, null);
        return RequestValidation.Check(request) is { } invalid ? invalid : request;
    }

    private static bool? ParseBool(string text) => text.Trim().ToLowerInvariant() switch
    {
        "true" or "yes" or "y" or "1" or "是" => true,
        "false" or "no" or "n" or "0" or "否" => false,
        _ => null,
    };
}

internal sealed class LeadRows : ImportRows
{
    // One batch per pass (each pass reads through its own context): regions and the round-robin carry over between chunks.
    private NewLead.Batch? _batch;

    public override bool AddsOnly => true;

    public override string Permission => LeadPermissions.Edit;

    public override async Task<Error?> CheckAsync(SalesFlowDbContext db, Actor actor, HeaderMap map, TabularRow row, CancellationToken ct) =>
        (await CheckManyAsync(db, actor, map, [row], ct))[0];

    public override async Task<Error?> AddAsync(SalesFlowDbContext db, Actor actor, HeaderMap map, TabularRow row, DateTime nowUtc, CancellationToken ct) =>
        (await CheckAndAddManyAsync(db, actor, map, [row], [false], add: true, nowUtc, ct))[0];

    public override async Task<IReadOnlyList<Error?>> CheckManyAsync(SalesFlowDbContext db, Actor actor, HeaderMap map, IReadOnlyList<TabularRow> rows, CancellationToken ct)
    {
        var requests = rows.Select(row => Request(map, row)).ToList();
        var valid = requests.Where(r => r.IsSuccess).Select(r => r.Value!).ToList();
        var checkedLeads = await BatchOn(db, actor).CheckAsync(valid, ct);
        var next = 0;
        return [.. requests.Select(r => r.IsSuccess ? checkedLeads[next++].Error : r.Error)];
    }

    public override async Task<IReadOnlyList<Error?>> CheckAndAddManyAsync(
        SalesFlowDbContext db, Actor actor, HeaderMap map, IReadOnlyList<TabularRow> rows, IReadOnlyList<bool> held, bool add, DateTime nowUtc, CancellationToken ct)
    {
        var requests = rows.Select(row => Request(map, row)).ToList();
        var answers = new Error?[rows.Count];
        var passing = new List<int>(rows.Count);
        var failed = new List<int>();
        for (var i = 0; i < rows.Count; i++)
        {
            if (!requests[i].IsSuccess)
            {
                answers[i] = requests[i].Error;
            }
            else
            {
                (held[i] ? failed : passing).Add(i);
            }
        }

        var batch = BatchOn(db, actor);
        if (failed.Count > 0)
        {
            var checkedRows = await batch.CheckAsync([.. failed.Select(i => requests[i].Value!)], ct, lookUpDuplicates: false);
            for (var p = 0; p < failed.Count; p++)
            {
                answers[failed[p]] = checkedRows[p].Error;
            }
        }

        List<CaptureLead> leads = [.. passing.Select(i => requests[i].Value!)];
        var outcomes = add
            ? (await batch.AddAsync(leads, nowUtc, ct)).Select(r => r.Error).ToList()
            : (await batch.CheckAsync(leads, ct)).Select(r => r.Error).ToList();
        for (var p = 0; p < passing.Count; p++)
        {
            answers[passing[p]] = outcomes[p];
        }

        return answers;
    }

    private NewLead.Batch BatchOn(SalesFlowDbContext db, Actor actor) =>
        _batch is { } batch && ReferenceEquals(batch.Db, db) ? batch : _batch = new NewLead.Batch(db, actor);

    public override IEnumerable<(string Field, string Value)> UniqueKeys(HeaderMap map, TabularRow row)
    {
        if (NewLead.Normalize(map.Value(row.Cells, "mobile")) is { } mobile)
        {
            yield return ("mobile", mobile);
        }

        if (NewLead.Normalize(map.Value(row.Cells, "email")) is { } email)
        {
            yield return ("email", email.ToLowerInvariant());
        }

        if (NewLead.Normalize(map.Value(row.Cells, "company")) is { } company)
        {
            yield return ("company", company);
        }
    }

    private static Result<CaptureLead> Request(HeaderMap map, TabularRow row)
    {
        var source = Parse<LeadSource>(map, row, "source");
        return source.IsSuccess
            ? new CaptureLead(
                map.Value(row.Cells, "name") ?? "", map.Value(row.Cells, "company"), map.Value(row.Cells, "mobile"), map.Value(row.Cells, "email"),
                source.Value, map.Value(row.Cells, "region"), map.Value(row.Cells, "needs"))
            : source.Error!;
    }
}
