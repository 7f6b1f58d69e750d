using SalesFlow.Core.Data;

namespace SalesFlow.Core.Tests.Data;

public class IdempotencyStoreTests
{
    private static readonly Guid User = Guid.CreateVersion7();

    [Fact]
    public async Task A_completed_key_replays_its_first_answer_for_the_same_request()
    {
        await using var database = await TestDatabase.CreateAsync();
        var store = database.Get<IdempotencyStore>();

        var first = await store.ClaimAsync(User, "key-1", "hash-a", CancellationToken.None);
        await store.CompleteAsync(User, "key-1", 201, "application/json", "/api/v1/employees/1", "{\"id\":1}", CancellationToken.None);
        var again = await store.ClaimAsync(User, "key-1", "hash-a", CancellationToken.None);

        Assert.Equal(IdempotencyOutcome.Claimed, first.Outcome);
        Assert.Equal(IdempotencyOutcome.Replay, again.Outcome);
        Assert.Equal((201, "{\"id\":1}", "/api/v1/employees/1"), (again.Record!.StatusCode!.Value, again.Record.Body, again.Record.Location));
    }

    [Fact]
    public async Task The_same_key_with_another_request_is_a_mismatch()
    {
        await using var database = await TestDatabase.CreateAsync();
        var store = database.Get<IdempotencyStore>();
        await store.ClaimAsync(User, "key-2", "hash-a", CancellationToken.None);
        await store.CompleteAsync(User, "key-2", 201, null, null, "{}", CancellationToken.None);

        var other = await store.ClaimAsync(User, "key-2", "hash-b", CancellationToken.None);

        Assert.Equal(IdempotencyOutcome.Mismatch, other.Outcome);
    }

    [Fact]
    public async Task Keys_belong_to_their_user()
    {
        await using var database = await TestDatabase.CreateAsync();
        var store = database.Get<IdempotencyStore>();
        await store.ClaimAsync(User, "shared", "hash-a", CancellationToken.None);

        var someoneElse = await store.ClaimAsync(Guid.CreateVersion7(), "shared", "hash-b", CancellationToken.None);

        Assert.Equal(IdempotencyOutcome.Claimed, someoneElse.Outcome);
    }

    [Fact]
    public async Task Of_many_concurrent_claims_of_one_key_exactly_one_wins_and_a_released_key_can_be_claimed_again()
    {
        await using var database = await TestDatabase.CreateAsync();
        var store = database.Get<IdempotencyStore>();

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 12).Select(_ => Task.Run(() => store.ClaimAsync(User, "race", "hash", CancellationToken.None))));

        Assert.Equal(1, outcomes.Count(o => o.Outcome == IdempotencyOutcome.Claimed));
        Assert.All(outcomes.Where(o => o.Outcome != IdempotencyOutcome.Claimed), o => Assert.Equal(IdempotencyOutcome.InProgress, o.Outcome));
        await store.ReleaseAsync(User, "race", CancellationToken.None);
        Assert.Equal(IdempotencyOutcome.Claimed, (await store.ClaimAsync(User, "race", "hash", CancellationToken.None)).Outcome);
    }

    [Fact]
    public async Task A_claim_abandoned_for_longer_than_the_stale_limit_can_be_taken_over()
    {
        await using var database = await TestDatabase.CreateAsync();
        var store = database.Get<IdempotencyStore>();
        await store.ClaimAsync(User, "stuck", "hash", CancellationToken.None);
        database.Time.Advance(IdempotencyStore.StaleAfter + TimeSpan.FromSeconds(1));

        var retry = await store.ClaimAsync(User, "stuck", "hash", CancellationToken.None);

        Assert.Equal(IdempotencyOutcome.Claimed, retry.Outcome);
    }
}
