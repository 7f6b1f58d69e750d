using System.Diagnostics;
using Microsoft.EntityFrameworkCore.Diagnostics;
using SalesFlow.Core.Common;
using SalesFlow.Core.Data;
using SalesFlow.Core.Organization;

namespace SalesFlow.Core.Tests.Common;

public class KeysetPagingTests
{
    private static async Task SeedAsync(TestDatabase database, int count)
    {
        await using var db = await database.Factory.OpenAsync(Actor.System, CancellationToken.None);
        var company = OrgUnit.CreateRoot("HQ", "总公司", null);
        db.OrgUnits.Add(company);
        for (var i = 0; i < count; i++)
        {
            // Only three distinct hire dates: most rows tie on the sort key.
            db.Employees.Add(new Employee($"K-{i:D4}", $"员工{i % 5}", null, Position.SalesRep, company.Id, null, new DateOnly(2024, 1, 1 + (i % 3))));
        }

        await db.SaveChangesAsync();
    }

    private static async Task<List<EmployeeRow>> WalkAsync(TestDatabase database, string sort, int pageSize)
    {
        var queries = database.Get<EmployeeQueries>();
        var rows = new List<EmployeeRow>();
        string? cursor = null;
        do
        {
            var page = await queries.ListAsync(Actor.System, new EmployeeFilter(), new PageRequest(sort, cursor, pageSize), CancellationToken.None);
            Assert.True(page.IsSuccess, page.Error?.Code);
            Assert.True(page.Value!.Items.Count <= pageSize);
            rows.AddRange(page.Value.Items);
            cursor = page.Value.NextCursor;
        }
        while (cursor is not null);

        return rows;
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite, "hireDate")]
    [InlineData(DatabaseProvider.Sqlite, "-hireDate")]
    [InlineData(DatabaseProvider.Sqlite, "name")]
    [InlineData(DatabaseProvider.Postgres, "hireDate")]
    [InlineData(DatabaseProvider.Postgres, "-name")]
    public async Task Walking_every_page_returns_each_row_once_in_order_even_with_ties(DatabaseProvider provider, string sort)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await SeedAsync(database, 23);

        var rows = await WalkAsync(database, sort, pageSize: 4);

        Assert.Equal(23, rows.Count);
        Assert.Equal(23, rows.Select(r => r.Id).Distinct().Count());
        var keys = sort.TrimStart('-') == "name" ? rows.Select(r => r.Name).ToList() : rows.Select(r => r.HireDate.ToString("O")).ToList();
        var expected = sort.StartsWith('-') ? keys.OrderDescending(StringComparer.Ordinal) : keys.Order(StringComparer.Ordinal);
        Assert.Equal(expected, keys);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Every_page_after_the_first_sends_the_same_sql_with_the_cursor_as_parameters(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await SeedAsync(database, 23);

        var (rows, commands) = await SentSql.CaptureAsync(() => WalkAsync(database, "name", pageSize: 4));

        Assert.Equal(23, rows.Count);
        var afterFirst = commands.Where(c => !c.Contains("COUNT(*)", StringComparison.OrdinalIgnoreCase)).Skip(1).ToList();
        Assert.Equal(5, afterFirst.Count);
        Assert.Single(afterFirst.Distinct());
        Assert.DoesNotContain(rows[3].Id.ToString(), afterFirst[0], StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task The_first_page_reports_the_total_and_a_cursor_for_the_next()
    {
        await using var database = await TestDatabase.CreateAsync();
        await SeedAsync(database, 9);

        var page = await database.Get<EmployeeQueries>().ListAsync(Actor.System, new EmployeeFilter(), new PageRequest(null, null, 5), CancellationToken.None);
        var uncounted = await database.Get<EmployeeQueries>().ListAsync(Actor.System, new EmployeeFilter(), new PageRequest(null, null, 50, Count: false), CancellationToken.None);

        Assert.Equal((5, 9), (page.Value!.Items.Count, page.Value.TotalCount!.Value));
        Assert.NotNull(page.Value.NextCursor);
        Assert.Null(uncounted.Value!.TotalCount);
        Assert.Null(uncounted.Value.NextCursor);
    }

    [Theory]
    [InlineData("salary", null, "sort", "sortNotAllowed")]
    [InlineData("name", "not-a-cursor", "cursor", "cursorInvalid")]
    [InlineData("name", "eyJzb3J0IjoiaGlyZURhdGUiLCJrZXkiOiIyMDI1LTEyLTIwIiwiaWQiOiIwMWEyMDkwYS1kNzczLTdkNjEtYWJkMy00Y2RhMmU0N2M4YjEifQ", "cursor", "cursorInvalid")]
    public async Task An_unknown_sort_or_a_foreign_cursor_is_refused_by_name(string sort, string? cursor, string field, string rule)
    {
        await using var database = await TestDatabase.CreateAsync();

        var page = await database.Get<EmployeeQueries>().ListAsync(Actor.System, new EmployeeFilter(), new PageRequest(sort, cursor), CancellationToken.None);

        Assert.Equal((ErrorKind.Validation, field, rule), (page.Error!.Kind, page.Error.Fields![0].Field, page.Error.Fields[0].Rule));
    }
}

/// <summary>The SQL texts EF Core sends on the current async flow while a capture is open (its diagnostic events).</summary>
internal sealed class SentSql : IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>
{
    private static readonly AsyncLocal<List<string>?> Current = new();
    private static readonly Lazy<IDisposable> Subscription = new(() => DiagnosticListener.AllListeners.Subscribe(new SentSql()));

    public static async Task<(T Result, List<string> Commands)> CaptureAsync<T>(Func<Task<T>> action)
    {
        _ = Subscription.Value;
        var commands = new List<string>();
        Current.Value = commands;
        try
        {
            return (await action(), commands);
        }
        finally
        {
            Current.Value = null;
        }
    }

    public void OnNext(DiagnosticListener value)
    {
        if (value.Name == Microsoft.EntityFrameworkCore.DbLoggerCategory.Name)
        {
            value.Subscribe(this);
        }
    }

    public void OnNext(KeyValuePair<string, object?> value)
    {
        if (Current.Value is { } commands && value.Key == RelationalEventId.CommandExecuting.Name && value.Value is CommandEventData data)
        {
            commands.Add(data.Command.CommandText);
        }
    }

    public void OnCompleted()
    {
    }

    public void OnError(Exception error)
    {
    }
}
