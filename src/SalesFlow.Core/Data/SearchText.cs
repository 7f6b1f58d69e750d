using Microsoft.EntityFrameworkCore;
using SalesFlow.Core.Customers;
using SalesFlow.Core.Leads;

namespace SalesFlow.Core.Data;

/// <summary>
/// The lists' <c>q</c> search, answered from the indexes of <see cref="SearchIndexSql"/>: the one place that knows
/// the provider. A match is a substring of any searched column, case-insensitive for Latin letters. From 3
/// characters on the trigram index finds the rows; a 1- or 2-character query is still a substring match but has
/// no trigram to look up, so it reads the whole search index (PostgreSQL: every GIN entry; SQLite: the FTS table),
/// never the base table.
/// </summary>
public static class SearchText
{
    public const int IndexedLength = 3;

    public static IQueryable<Customer> Customers(SalesFlowDbContext db, IQueryable<Customer> customers, string q)
    {
        q = q.Trim();
        if (db.Database.IsNpgsql())
        {
            var pattern = LikePattern(q);
            var contacts = db.Contacts.Where(k => !k.IsDeleted && (EF.Functions.ILike(k.FullName, pattern, "\\")
                || EF.Functions.ILike(k.Mobile!, pattern, "\\") || EF.Functions.ILike(k.Email!, pattern, "\\"))).Select(k => k.CustomerId);
            // One set of ids from both tables, so each side is a BitmapOr of its trigram indexes.
            var matching = db.Customers.Where(c => EF.Functions.ILike(c.Name, pattern, "\\") || EF.Functions.ILike(c.Number, pattern, "\\")
                || EF.Functions.ILike(c.Phone!, pattern, "\\")).Select(c => c.Id).Union(contacts);
            return customers.Where(c => matching.Contains(c.Id));
        }

        var customerHits = SqliteHits(db, "customer_search", q);
        var contactHits = SqliteHits(db, "contact_search", q);
        return customers.Where(c => customerHits.Contains(c.Id) || contactHits.Contains(c.Id));
    }

    public static IQueryable<Lead> Leads(SalesFlowDbContext db, IQueryable<Lead> leads, string q)
    {
        q = q.Trim();
        if (db.Database.IsNpgsql())
        {
            var pattern = LikePattern(q);
            // Ids first (a BitmapOr of the trigram indexes), so the planner does not walk the sort index filtering every row.
            var matching = db.Leads.Where(l => EF.Functions.ILike(l.Name, pattern, "\\") || EF.Functions.ILike(l.Company!, pattern, "\\")
                || EF.Functions.ILike(l.Mobile!, pattern, "\\") || EF.Functions.ILike(l.Email!, pattern, "\\")).Select(l => l.Id);
            return leads.Where(l => matching.Contains(l.Id));
        }

        var hits = SqliteHits(db, "lead_search", q);
        return leads.Where(l => hits.Contains(l.Id));
    }

    private static string LikePattern(string q) =>
        "%" + q.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal) + "%";

    private static readonly string[] SearchTables = ["customer_search", "contact_search", "lead_search"];

    // The table is named into the SQL, so only the search tables above are accepted; the text is always a parameter.
    private static IQueryable<Guid> SqliteHits(SalesFlowDbContext db, string table, string q)
    {
        if (!SearchTables.Contains(table, StringComparer.Ordinal))
        {
            throw new ArgumentOutOfRangeException(nameof(table), table, "Not a search table.");
        }

        if (q.Length >= IndexedLength)
        {
            // A quoted FTS5 string is matched as a substring by the trigram tokenizer; quotes inside are doubled.
            var phrase = "\"" + q.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
            var match = "SELECT key AS \"Value\" FROM " + table + " WHERE " + table + " MATCH {0}";
            return db.Database.SqlQueryRaw<Guid>(match, phrase);
        }

        var like = "SELECT key AS \"Value\" FROM " + table + " WHERE body LIKE {0} ESCAPE '\\'";
        return db.Database.SqlQueryRaw<Guid>(like, LikePattern(q));
    }
}
