using SalesFlow.Core.Common;
using SalesFlow.Core.Data;

namespace SalesFlow.Core.Tests.Data;

public class SequenceNumbersTests
{
    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Concurrent_callers_get_distinct_gap_free_numbers(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);

        var numbers = await Task.WhenAll(Enumerable.Range(0, 24).Select(_ => Task.Run(async () =>
        {
            await using var db = await database.Factory.OpenAsync(Actor.System, CancellationToken.None);
            await using var transaction = await db.Database.BeginTransactionAsync();
            var number = await SequenceNumbers.NextAsync(db, "SO", 2026, CancellationToken.None);
            await transaction.CommitAsync();
            return number;
        })));

        Assert.Equal(Enumerable.Range(1, 24).Select(i => $"SO-2026-{i:D6}"), numbers.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_number_taken_in_a_rolled_back_transaction_is_handed_out_again()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var db = await database.Factory.OpenAsync(Actor.System, CancellationToken.None);
        await using (var rolledBack = await db.Database.BeginTransactionAsync())
        {
            Assert.Equal("Q-2026-000001", await SequenceNumbers.NextAsync(db, "Q", 2026, CancellationToken.None));
            await rolledBack.RollbackAsync();
        }

        await using var transaction = await db.Database.BeginTransactionAsync();
        Assert.Equal("Q-2026-000001", await SequenceNumbers.NextAsync(db, "Q", 2026, CancellationToken.None));
        Assert.Equal("Q-2026-000002", await SequenceNumbers.NextAsync(db, "Q", 2026, CancellationToken.None));
        Assert.Equal("Q-2027-000001", await SequenceNumbers.NextAsync(db, "Q", 2027, CancellationToken.None));
    }

    [Fact]
    public async Task Taking_a_number_outside_a_transaction_is_a_bug()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var db = await database.Factory.OpenAsync(Actor.System, CancellationToken.None);

        await Assert.ThrowsAsync<InvalidOperationException>(() => SequenceNumbers.NextAsync(db, "SO", 2026, CancellationToken.None));
    }
}
