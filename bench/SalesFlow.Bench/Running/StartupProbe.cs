using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using SalesFlow.Bench.Data;

namespace SalesFlow.Bench.Running;

/// <summary>One start of the app: how long until <c>/health/ready</c> answered, and its memory once idle.</summary>
internal sealed record StartupMeasure(string Start, double ReadySeconds, double IdleWorkingSetMb, double IdlePrivateMb);

/// <summary>
/// Starts the built app as a newcomer would (<c>dotnet src/SalesFlow.Web/bin/Release/net10.0/SalesFlow.Web.dll</c>) on a
/// new SQLite file with demo seeding on: the first start migrates and seeds; the second starts on the seeded file.
/// Each is timed from process start until <c>GET /health/ready</c> answers 200 (database reachable, migrations applied),
/// then left idle a few seconds before its memory is read.
/// </summary>
internal static class StartupProbe
{
    public static async Task<List<StartupMeasure>> RunAsync(string? dll, double idleSeconds, CancellationToken ct)
    {
        dll ??= Path.Combine(BenchDatabase.RepositoryRoot(), "src", "SalesFlow.Web", "bin", "Release", "net10.0", "SalesFlow.Web.dll");
        if (!File.Exists(dll))
        {
            throw new FileNotFoundException($"Build the app first: dotnet build -c Release src/SalesFlow.Web ({dll} is missing).");
        }

        var folder = Path.Combine(Path.GetTempPath(), "salesflow-startup-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(folder);
        try
        {
            var database = Path.Combine(folder, "salesflow.db");
            return
            [
                await StartOnceAsync(dll, database, "first start (migrate + demo seed)", idleSeconds, ct),
                await StartOnceAsync(dll, database, "second start (seeded database)", idleSeconds, ct),
            ];
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task<StartupMeasure> StartOnceAsync(string dll, string database, string name, double idleSeconds, CancellationToken ct)
    {
        var port = FreePort();
        var start = new ProcessStartInfo("dotnet", [dll])
        {
            WorkingDirectory = Path.GetDirectoryName(dll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
        start.Environment["Database__Provider"] = "Sqlite";
        start.Environment["ConnectionStrings__SalesFlow"] = $"Data Source={database}";
        start.Environment["Database__MigrateOnStartup"] = "true";
        start.Environment["Demo__Seed"] = "true";
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(5) };
        var started = Stopwatch.GetTimestamp();
        using var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start.");
        var output = new System.Text.StringBuilder();
        process.OutputDataReceived += (_, e) => output.AppendLine(e.Data);
        process.ErrorDataReceived += (_, e) => output.AppendLine(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            var ready = await UntilReadyAsync(http, process, started, ct) ?? throw new InvalidOperationException($"The app did not get ready ({name}):\n{output}");
            await Task.Delay(TimeSpan.FromSeconds(idleSeconds), ct);
            process.Refresh();
            return new StartupMeasure(name, ready, process.WorkingSet64 / 1048576.0, process.PrivateMemorySize64 / 1048576.0);
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(ct);
        }
    }

    private static async Task<double?> UntilReadyAsync(HttpClient http, Process process, long started, CancellationToken ct)
    {
        while (Stopwatch.GetElapsedTime(started) < TimeSpan.FromMinutes(5) && !process.HasExited)
        {
            try
            {
                using var response = await http.GetAsync("/health/ready", ct);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return Stopwatch.GetElapsedTime(started).TotalSeconds;
                }
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }

            await Task.Delay(50, ct);
        }

        return null;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
