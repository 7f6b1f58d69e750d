using Microsoft.EntityFrameworkCore;
using SalesFlow.Core.Common;
using SalesFlow.Core.Data;
using SalesFlow.Core.Organization;

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
        await store.CompleteAsync(User, "key-1", first.Record!.ClaimId, 201, "application/json", "/api/v1/employees/1", "{\"id\":1}", CancellationToken.None);
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
        var claim = await store.ClaimAsync(User, "key-2", "hash-a", CancellationToken.None);
        await store.CompleteAsync(User, "key-2", claim.Record!.ClaimId, 201, null, null, "{}", CancellationToken.None);

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
        await store.ReleaseAsync(User, "race", outcomes.Single(o => o.Outcome == IdempotencyOutcome.Claimed).Record!.ClaimId, CancellationToken.None);
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

    [Fact]
    public async Task The_creates_own_transaction_marks_the_key_committed_with_the_location_of_what_it_made()
    {
        await using var database = await TestDatabase.CreateAsync();
        var store = database.Get<IdempotencyStore>();
        var claim = await store.ClaimAsync(User, "made", "hash", CancellationToken.None);

        var unit = await CreateUnitAsync(database, claim.Record!.ClaimId, "made");

        // The answer was never stored (the request died after the commit): the key is not worked again.
        var retry = await store.ClaimAsync(User, "made", "hash", CancellationToken.None);
        Assert.Equal(IdempotencyOutcome.Committed, retry.Outcome);
        Assert.Equal($"/api/v1/org-units/{unit.Id}", retry.Record!.Location);
        // Not even once stale: only an uncommitted claim is ever taken over.
        database.Time.Advance(IdempotencyStore.StaleAfter * 10);
        Assert.Equal(IdempotencyOutcome.Committed, (await store.ClaimAsync(User, "made", "hash", CancellationToken.None)).Outcome);
        await store.ReleaseAsync(User, "made", claim.Record.ClaimId, CancellationToken.None);
        Assert.Equal(IdempotencyOutcome.Committed, (await store.ClaimAsync(User, "made", "hash", CancellationToken.None)).Outcome);
    }

    [Fact]
    public async Task A_create_that_rolls_back_leaves_its_key_unmarked_and_free_once_released()
    {
        await using var database = await TestDatabase.CreateAsync();
        var store = database.Get<IdempotencyStore>();
        var claim = await store.ClaimAsync(User, "rolled-back", "hash", CancellationToken.None);

        var create = IdempotentCreate.Begin(User, "rolled-back", claim.Record!.ClaimId, "/api/v1/org-units");
        await using (var db = await database.Factory.OpenAsync(Actor.System, CancellationToken.None))
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            db.OrgUnits.Add(OrgUnit.CreateRoot("RB", "回滚公司", null));
            await db.SaveChangesAsync();
            await transaction.RollbackAsync();
        }

        create.Close();
        Assert.Equal(IdempotencyOutcome.InProgress, (await store.ClaimAsync(User, "rolled-back", "hash", CancellationToken.None)).Outcome);
        await store.ReleaseAsync(User, "rolled-back", claim.Record.ClaimId, CancellationToken.None);
        Assert.Equal(IdempotencyOutcome.Claimed, (await store.ClaimAsync(User, "rolled-back", "hash", CancellationToken.None)).Outcome);
    }

    [Fact]
    public async Task A_create_whose_stale_claim_was_taken_over_cannot_commit()
    {
        await using var database = await TestDatabase.CreateAsync();
        var store = database.Get<IdempotencyStore>();
        var slow = await store.ClaimAsync(User, "slow", "hash", CancellationToken.None);
        database.Time.Advance(IdempotencyStore.StaleAfter + TimeSpan.FromSeconds(1));
        var retry = await store.ClaimAsync(User, "slow", "hash", CancellationToken.None);
        Assert.Equal(IdempotencyOutcome.Claimed, retry.Outcome);

        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => CreateUnitAsync(database, slow.Record!.ClaimId, "slow"));

        await using var db = await database.Factory.CreateDbContextAsync();
        Assert.False(await db.OrgUnits.AnyAsync(u => u.Code == "SLOW"));
        var unit = await CreateUnitAsync(database, retry.Record!.ClaimId, "slow");
        Assert.Equal($"/api/v1/org-units/{unit.Id}", (await store.ClaimAsync(User, "slow", "hash", CancellationToken.None)).Record!.Location);
    }

    private static async Task<OrgUnit> CreateUnitAsync(TestDatabase database, Guid claimId, string key)
    {
        var create = IdempotentCreate.Begin(User, key, claimId, "/api/v1/org-units");
        try
        {
            await using var db = await database.Factory.OpenAsync(Actor.System, CancellationToken.None);
            var unit = OrgUnit.CreateRoot(key.ToUpperInvariant(), "幂等公司" + key, null);
            db.OrgUnits.Add(unit);
            await db.SaveChangesAsync();
            Assert.Equal($"/api/v1/org-units/{unit.Id}", create.MarkedLocation);
            return unit;
        }
        finally
        {
            create.Close();
        }
    }
}
