using SalesFlow.Bench.Data;
using SalesFlow.Core.Common;
using SalesFlow.Core.Identity;

namespace SalesFlow.Bench.Running;

/// <summary>A workload's view of one run: the database, the product's services on it and how many pairs to time.</summary>
internal sealed class BenchRun(BenchDatabase database, ServiceProvider services, int pairs, Action<string>? progress = null) : IAsyncDisposable
{
    public BenchDatabase Database { get; } = database;

    public ServiceProvider Services { get; } = services;

    public int Pairs { get; } = pairs;

    /// <summary>Short runs (the tests' tiny scale) do less of everything that only matters for timing.</summary>
    public bool Quick => Database.Scale == Scale.Tiny;

    /// <summary>
    /// A line printed while a long workload is still running (W4 at L runs for tens of minutes): the workload's result
    /// lines still come at its end, this only shows a case as soon as it is measured.
    /// </summary>
    public void Progress(string line) => progress?.Invoke(line);

    /// <summary>The actor a signed-in user acts as, resolved by the product as every request is.</summary>
    public async Task<Actor> ActorAsync(string userName, CancellationToken ct)
    {
        await using var scope = Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<AppUser>>();
        var user = await users.FindByNameAsync(userName) ?? throw new InvalidOperationException($"No user {userName}: generate the dataset first.");
        return await Services.GetRequiredService<ActorResolver>().ResolveAsync(user.Id, null, ct)
               ?? throw new InvalidOperationException($"{userName} cannot act.");
    }

    public ValueTask DisposeAsync() => Services.DisposeAsync();
}

/// <summary>A workload: one or more cases, each timed against its plain-SQL baseline.</summary>
internal interface IWorkload
{
    string Name { get; }

    string Title { get; }

    Task<IReadOnlyList<BenchResult>> RunAsync(BenchRun run, CancellationToken ct);
}
