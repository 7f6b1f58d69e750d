using Microsoft.EntityFrameworkCore.Migrations;

namespace SalesFlow.Core.Data;

/// <summary>
/// The indexes behind the lists' <c>q</c> search, which EF Core's model cannot express, as raw SQL per provider.
/// PostgreSQL: pg_trgm GIN indexes on every searched column, used by ILIKE '%q%'. SQLite: FTS5 tables with the
/// trigram tokenizer, one per searched table, kept in step by triggers; each row's FTS rowid is the table's rowid
/// (after a VACUUM, which may renumber rowids, run <see cref="SqliteRebuild"/>). <see cref="SearchText"/> writes the
/// matching queries. Called by one line in a migration: <c>SearchIndexSql.Up(migrationBuilder);</c>.
/// <see cref="Up"/> can run again: when a migration makes SQLite rebuild customers, contacts or leads (which drops the
/// table's triggers), the NEXT migration must call it (EF runs a rebuild last in its own migration, after any SQL
/// there); it recreates the triggers and refills the index. See the RestoreSearchIndex migration.
/// </summary>
public static class SearchIndexSql
{
    private static readonly (string Table, string Column)[] PostgresColumns =
    [
        ("customers", "name"), ("customers", "number"), ("customers", "phone"),
        ("contacts", "full_name"), ("contacts", "mobile"), ("contacts", "email"),
        ("leads", "name"), ("leads", "company"), ("leads", "mobile"), ("leads", "email"),
    ];

    /// <summary>
    /// Contains-filters that are not q search: a customer's tags (",tag,") and an order's number in the orders list's q.
    /// Created by the ListFilterIndexes migration (not by <see cref="Up"/>, which earlier migrations call before orders exist).
    /// </summary>
    private static readonly (string Table, string Column)[] PostgresFilterColumns = [("customers", "tags"), ("orders", "number")];

    /// <summary>FTS table, the table it indexes, the id column it returns and the text it searches.</summary>
    private static readonly (string Fts, string Table, string Key, string Body, string Watched)[] SqliteTables =
    [
        ("customer_search", "customers", "id", "{0}.name || char(10) || {0}.number || char(10) || coalesce({0}.phone, '')", "name, number, phone"),
        ("contact_search", "contacts", "customer_id", "{0}.full_name || char(10) || coalesce({0}.mobile, '') || char(10) || coalesce({0}.email, '')", "full_name, mobile, email, customer_id"),
        ("lead_search", "leads", "id", "{0}.name || char(10) || coalesce({0}.company, '') || char(10) || coalesce({0}.mobile, '') || char(10) || coalesce({0}.email, '')", "name, company, mobile, email"),
    ];

    public static void Up(MigrationBuilder migration)
    {
        foreach (var statement in IsPostgres(migration) ? PostgresUp() : SqliteUp())
        {
            migration.Sql(statement);
        }
    }

    public static void Down(MigrationBuilder migration)
    {
        foreach (var statement in IsPostgres(migration) ? PostgresDown() : SqliteDown())
        {
            migration.Sql(statement);
        }
    }

    public static IEnumerable<string> PostgresUp() =>
        PostgresColumns.Select(c => $"CREATE INDEX IF NOT EXISTS ix_{c.Table}_{c.Column}_trgm ON {c.Table} USING gin ({c.Column} gin_trgm_ops);")
            .Prepend("CREATE EXTENSION IF NOT EXISTS pg_trgm;");

    public static IEnumerable<string> PostgresFilterIndexesUp() =>
        PostgresFilterColumns.Select(c => $"CREATE INDEX IF NOT EXISTS ix_{c.Table}_{c.Column}_trgm ON {c.Table} USING gin ({c.Column} gin_trgm_ops);");

    public static IEnumerable<string> PostgresFilterIndexesDown() =>
        PostgresFilterColumns.Select(c => $"DROP INDEX IF EXISTS ix_{c.Table}_{c.Column}_trgm;");

    public static IEnumerable<string> PostgresDown() =>
        PostgresColumns.Select(c => $"DROP INDEX IF EXISTS ix_{c.Table}_{c.Column}_trgm;");

    public static IEnumerable<string> SqliteUp()
    {
        foreach (var (fts, table, key, body, watched) in SqliteTables)
        {
            string Insert(string row) => $"INSERT INTO {fts} (rowid, key, body) VALUES ({row}.rowid, {row}.{key}, {string.Format(System.Globalization.CultureInfo.InvariantCulture, body, row)});";
            yield return $"CREATE VIRTUAL TABLE IF NOT EXISTS {fts} USING fts5(key UNINDEXED, body, tokenize = 'trigram');";
            yield return $"CREATE TRIGGER IF NOT EXISTS {fts}_insert AFTER INSERT ON {table} BEGIN {Insert("new")} END;";
            yield return $"CREATE TRIGGER IF NOT EXISTS {fts}_update AFTER UPDATE OF {watched} ON {table} BEGIN DELETE FROM {fts} WHERE rowid = old.rowid; {Insert("new")} END;";
            yield return $"CREATE TRIGGER IF NOT EXISTS {fts}_delete AFTER DELETE ON {table} BEGIN DELETE FROM {fts} WHERE rowid = old.rowid; END;";
        }

        foreach (var statement in SqliteRebuild())
        {
            yield return statement;
        }
    }

    /// <summary>Refills the SQLite search tables from their tables.</summary>
    public static IEnumerable<string> SqliteRebuild() =>
        SqliteTables.SelectMany(t => new[]
        {
            $"DELETE FROM {t.Fts};",
            $"INSERT INTO {t.Fts} (rowid, key, body) SELECT rowid, {t.Key}, {string.Format(System.Globalization.CultureInfo.InvariantCulture, t.Body, t.Table)} FROM {t.Table};",
        });

    public static IEnumerable<string> SqliteDown() =>
        SqliteTables.SelectMany(t => new[]
        {
            $"DROP TRIGGER IF EXISTS {t.Fts}_insert;",
            $"DROP TRIGGER IF EXISTS {t.Fts}_update;",
            $"DROP TRIGGER IF EXISTS {t.Fts}_delete;",
            $"DROP TABLE IF EXISTS {t.Fts};",
        });

    private static bool IsPostgres(MigrationBuilder migration) =>
        migration.ActiveProvider?.Contains("Npgsql", StringComparison.Ordinal) == true;
}
