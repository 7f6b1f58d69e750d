using System.Text.RegularExpressions;

namespace SalesFlow.Web.Tests.Reliability;

/// <summary>
/// R10, the source half: SQL is never built from strings in the product. Every call that takes SQL text (the *Raw
/// methods, a command's CommandText, COPY) gets a plain literal, except in the files listed here, where the only
/// pieces put into the text are names from the app's own model or a fixed list, and every value is a parameter.
/// Interpolated <c>SqlQuery</c>/<c>ExecuteSql</c> calls are parameterized by EF Core and allowed anywhere.
/// </summary>
public sealed partial class SqlSourceScanTests
{
    private static readonly Dictionary<string, string> Reviewed = new(StringComparer.Ordinal)
    {
        ["src/SalesFlow.Core/Data/BulkInsert.cs"] = "COPY and INSERT name a table and columns taken from the EF Core model (BulkTable); values are parameters or binary COPY",
        ["src/SalesFlow.Core/Data/SearchText.cs"] = "FTS5 queries name one of three search tables (checked against a fixed list); the search text is a parameter",
    };

    [Fact]
    public void Sql_text_is_a_literal_everywhere_but_the_reviewed_files()
    {
        var root = RepositoryRoot();
        var findings = new List<string>();
        var used = new HashSet<string>(StringComparer.Ordinal);
        foreach (var file in Directory.EnumerateFiles(Path.Combine(root, "src"), "*.cs", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(root, file).Replace('\\', '/');
            if (relative.Contains("/bin/", StringComparison.Ordinal) || relative.Contains("/obj/", StringComparison.Ordinal) || relative.Contains("/Migrations/", StringComparison.Ordinal))
            {
                continue;
            }

            var text = File.ReadAllText(file);
            foreach (Match call in SqlTextCall().Matches(text))
            {
                var argument = call.Groups["arg"].Value.TrimStart();
                if (IsPlainLiteral(argument))
                {
                    continue;
                }

                if (Reviewed.ContainsKey(relative))
                {
                    used.Add(relative);
                    continue;
                }

                var line = text[..call.Index].Count(c => c == '\n') + 1;
                findings.Add($"{relative}:{line}: {call.Value.Trim()}");
            }
        }

        Assert.True(findings.Count == 0, "SQL text built from strings:\n" + string.Join("\n", findings));
        // A reviewed file that no longer builds SQL leaves the list, so the list cannot hide a new site later.
        Assert.Equal(Reviewed.Keys.Order(StringComparer.Ordinal), used.Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("db.Database.ExecuteSqlRaw(\"DELETE FROM x WHERE id = \" + id);", false)]
    [InlineData("db.Database.SqlQueryRaw<Guid>($\"SELECT id FROM t WHERE name = '{name}'\")", false)]
    [InlineData("command.CommandText = \"SELECT 1\";", true)]
    [InlineData("command.CommandText = sql;", false)]
    [InlineData("db.Customers.FromSqlRaw(\"SELECT * FROM customers WHERE id = {0}\", id)", true)]
    [InlineData("await connection.BeginBinaryImportAsync($\"COPY {table} FROM STDIN\")", false)]
    public void The_scan_tells_a_literal_from_built_text(string code, bool literal)
    {
        var call = Assert.Single(SqlTextCall().Matches(code));
        Assert.Equal(literal, IsPlainLiteral(call.Groups["arg"].Value.TrimStart()));
    }

    // A literal ("..." or """...""") that is not interpolated and not followed by a concatenation.
    private static bool IsPlainLiteral(string argument) =>
        (argument.StartsWith('"') || argument.StartsWith("@\"", StringComparison.Ordinal)) && !PlusAfterLiteral().IsMatch(argument);

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "SalesFlow.slnx")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("SalesFlow.slnx not found above " + AppContext.BaseDirectory);
    }

    [GeneratedRegex(@"(?:\b(?:FromSqlRaw|ExecuteSqlRaw|ExecuteSqlRawAsync|SqlQueryRaw)\s*(?:<[^>()]+>)?\s*\(|\bCommandText\s*=|\bBeginBinary(?:Import|Export)(?:Async)?\s*\(|\bBeginTextImport(?:Async)?\s*\()(?<arg>[^;]*)")]
    private static partial Regex SqlTextCall();

    [GeneratedRegex(@"^@?""(?:[^""\\]|\\.|"""")*""\s*\+")]
    private static partial Regex PlusAfterLiteral();
}
