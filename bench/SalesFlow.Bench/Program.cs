namespace SalesFlow.Bench;

// A named entry point: top-level statements would declare a second global Program and hide the web app's, which W3 hosts.
internal static class BenchProgram
{
    public static Task<int> Main(string[] args) => BenchCommand.RunAsync(args, CancellationToken.None);
}
