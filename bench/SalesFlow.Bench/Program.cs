using SalesFlow.Bench;

return await BenchCommand.RunAsync(args, CancellationToken.None);
