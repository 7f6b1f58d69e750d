using System.Diagnostics;
using SalesFlow.Core.Common;

namespace SalesFlow.Web.Documents;

/// <summary>Settings of the PDF printer (configuration section <c>Documents</c>).</summary>
public sealed class DocumentOptions
{
    public const string Section = "Documents";

    /// <summary>The headless Chromium that prints HTML to PDF (Debian: <c>apt-get install chromium fonts-noto-cjk</c>).</summary>
    public string ChromiumPath { get; set; } = "/usr/bin/chromium";

    /// <summary>How long one print may take, waiting for a free slot included, before the request answers 503.</summary>
    public int TimeoutSeconds { get; set; } = 60;

    /// <summary>At most this many Chromium processes print at once; further requests wait for a slot.</summary>
    public int MaxConcurrentPrints { get; set; } = 2;
}

public static class DocumentErrors
{
    public static Error PrinterMissing(string path) =>
        new(ErrorKind.Unavailable, "document.printerMissing", $"PDF printing is not available: no Chromium at {path}. Install it or set Documents:ChromiumPath.")
        {
            Args = new Dictionary<string, object?> { ["path"] = path, ["setting"] = "Documents:ChromiumPath" },
        };

    public static Error PrintTimedOut(int seconds) =>
        new(ErrorKind.Unavailable, "document.printTimeout", $"Printing the PDF took longer than {seconds} s; try again later (Documents:TimeoutSeconds).")
        {
            Args = new Dictionary<string, object?> { ["seconds"] = seconds, ["setting"] = "Documents:ChromiumPath" },
        };

    public static Error PrintFailed(string path) =>
        new(ErrorKind.Unavailable, "document.printFailed", $"Chromium at {path} did not print the PDF; check Documents:ChromiumPath.")
        {
            Args = new Dictionary<string, object?> { ["path"] = path, ["setting"] = "Documents:ChromiumPath" },
        };
}

/// <summary>
/// HTML in, PDF bytes out: writes the page to a private temporary folder and prints it with headless Chromium
/// (<c>--print-to-pdf</c>), at most <see cref="DocumentOptions.MaxConcurrentPrints"/> at once, within
/// <see cref="DocumentOptions.TimeoutSeconds"/>. The folder is always removed. A missing browser, a time-out or a failed
/// print is a 503 error naming the setting, never an exception. Quotes use it; contracts and statements can too.
/// The HTML must be self-contained (inline CSS, no remote resources): the browser runs without network access to the app.
/// </summary>
public sealed class PdfPrinter(DocumentOptions options, ILogger<PdfPrinter> logger) : IDisposable
{
    private readonly SemaphoreSlim _slots = new(Math.Max(1, options.MaxConcurrentPrints));

    public async Task<Result<byte[]>> PrintAsync(string html, CancellationToken ct)
    {
        var chromium = options.ChromiumPath;
        if (string.IsNullOrWhiteSpace(chromium) || !File.Exists(chromium))
        {
            return DocumentErrors.PrinterMissing(chromium ?? "");
        }

        var seconds = Math.Max(1, options.TimeoutSeconds);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(seconds));
        try
        {
            await _slots.WaitAsync(timeout.Token);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            return DocumentErrors.PrintTimedOut(seconds);
        }

        DirectoryInfo? folder = null;
        try
        {
            folder = Directory.CreateTempSubdirectory("salesflow-pdf-");
            var page = Path.Combine(folder.FullName, "document.html");
            var output = Path.Combine(folder.FullName, "document.pdf");
            await File.WriteAllTextAsync(page, html, ct);
            var start = new ProcessStartInfo(chromium)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            foreach (var argument in Arguments(folder.FullName, output, page))
            {
                start.ArgumentList.Add(argument);
            }

            using var process = new Process { StartInfo = start };
            try
            {
                process.Start();
            }
            catch (Exception e) when (e is System.ComponentModel.Win32Exception or InvalidOperationException)
            {
                logger.LogWarning(e, "Chromium at {Path} could not be started", chromium);
                return DocumentErrors.PrinterMissing(chromium);
            }

            // Chromium is chatty on stderr (D-Bus and the like): drain both pipes so it never blocks on a full one.
            var stdout = process.StandardOutput.ReadToEndAsync(CancellationToken.None);
            var stderr = process.StandardError.ReadToEndAsync(CancellationToken.None);
            try
            {
                await process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                Kill(process);
                if (ct.IsCancellationRequested)
                {
                    throw;
                }

                logger.LogWarning("Chromium did not print within {Seconds} s", seconds);
                return DocumentErrors.PrintTimedOut(seconds);
            }

            await Task.WhenAll(stdout, stderr);
            if (process.ExitCode != 0 || !File.Exists(output) || new FileInfo(output).Length == 0)
            {
                logger.LogWarning("Chromium exited with {Code} without a PDF: {Error}", process.ExitCode, Tail(await stderr));
                return DocumentErrors.PrintFailed(chromium);
            }

            return await File.ReadAllBytesAsync(output, ct);
        }
        finally
        {
            _slots.Release();
            try
            {
                folder?.Delete(recursive: true);
            }
            catch (IOException e)
            {
                logger.LogWarning(e, "Could not remove the temporary folder {Folder}", folder?.FullName);
            }
            catch (UnauthorizedAccessException e)
            {
                logger.LogWarning(e, "Could not remove the temporary folder {Folder}", folder?.FullName);
            }
        }
    }

    public void Dispose() => _slots.Dispose();

    /// <summary>A throw-away profile inside the folder, no header/footer, nothing fetched from the network in the background.</summary>
    internal static IReadOnlyList<string> Arguments(string folder, string output, string page) =>
    [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-extensions",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--no-default-browser-check",
        "--no-pdf-header-footer",
        "--user-data-dir=" + Path.Combine(folder, "profile"),
        "--print-to-pdf=" + output,
        new Uri(page).AbsoluteUri,
    ];

    private static void Kill(Process process)
    {
        try
        {
            process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // It ended on its own in the meantime.
        }
    }

    private static string Tail(string text) => text.Length <= 2000 ? text : text[^2000..];
}

public static class DocumentsSetup
{
    /// <summary>The PDF printer as a singleton (its concurrency limit is for the whole process), bound to <c>Documents</c>.</summary>
    public static IServiceCollection AddDocuments(this IServiceCollection services, IConfiguration config)
    {
        services.AddSingleton(config.GetSection(DocumentOptions.Section).Get<DocumentOptions>() ?? new DocumentOptions());
        services.AddSingleton<PdfPrinter>();
        return services;
    }
}
