using SalesFlow.Bench.Running;

namespace SalesFlow.Bench.Tests;

/// <summary>
/// Every workload once on the tiny dataset: the product's answer and the baseline's must agree (the runner throws
/// <see cref="BenchMismatchException"/> when they do not), and every case must report a measured time. Correctness of
/// the benchmark, not timing: nothing here asserts a speed.
/// </summary>
[Collection(BenchCollection.Name)]
public sealed class WorkloadAgreementTests(TinyDatasets datasets)
{
    public static TheoryData<string, string> WorkloadsOnProviders()
    {
        var data = new TheoryData<string, string>();
        foreach (var workload in BenchCommand.Workloads)
        {
            data.Add(workload.Name, "sqlite");
            data.Add(workload.Name, "postgres");
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(WorkloadsOnProviders))]
    public async Task Product_and_baseline_give_the_same_answer(string workload, string provider)
    {
        var database = await datasets.OnAsync(provider);
        var lines = new List<string>();

        var results = await BenchCommand.RunWorkloadsAsync(database, workload, pairs: 1, lines.Add, TestContext.Current.CancellationToken);

        Assert.NotEmpty(results);
        Assert.All(results, r =>
        {
            Assert.Equal(workload, r.Workload);
            Assert.True(r.ProductMs > 0, $"{r.Case}: no product time");
            Assert.True(r.BaselineMs > 0, $"{r.Case}: no baseline time");
        });
        TestContext.Current.SendDiagnosticMessage(string.Join(Environment.NewLine, lines));
    }
}

/// <summary>The workloads share one dataset per provider and some write to it: they run one at a time.</summary>
[CollectionDefinition(Name)]
public sealed class BenchCollection
{
    public const string Name = "bench";
}
