using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace SalesFlow.Web.Tests;

/// <summary>Small HTTP helpers: read JSON, assert a status with the body in the failure message, read ProblemDetails.</summary>
public static class ApiCalls
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static Task<HttpResponseMessage> Get(this HttpClient client, string url) => client.GetAsync(url, Ct);

    public static Task<HttpResponseMessage> Delete(this HttpClient client, string url) => client.DeleteAsync(url, Ct);

    /// <summary>
    /// Every POST carries a fresh <c>Idempotency-Key</c>, as a careful client's would: creates then run under a claimed
    /// key, and in Development a create whose answer's Location differs from the one its transaction marked throws, so
    /// the whole suite checks every keyed create's mark (R12), not only the ones the reliability tests name.
    /// </summary>
    public static Task<HttpResponseMessage> Post(this HttpClient client, string url, object? body)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = body is null ? null : JsonContent.Create(body) };
        request.Headers.Add("Idempotency-Key", "probe-" + Guid.NewGuid().ToString("N"));
        return client.SendAsync(request, Ct);
    }

    public static Task<HttpResponseMessage> Put(this HttpClient client, string url, object body) => client.PutAsJsonAsync(url, body, Ct);

    /// <summary>Sends a raw body (malformed JSON, odd headers) exactly as given.</summary>
    public static Task<HttpResponseMessage> Send(this HttpClient client, HttpMethod method, string url, string? json = null, Action<HttpRequestMessage>? configure = null)
    {
        var request = new HttpRequestMessage(method, url);
        if (json is not null)
        {
            request.Content = new StringContent(json, System.Text.Encoding.UTF8, "application/json");
        }

        configure?.Invoke(request);
        return client.SendAsync(request, Ct);
    }

    public static async Task<JsonElement> JsonAsync(this HttpResponseMessage response, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var text = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(response.StatusCode == expected, $"Expected {(int)expected} but got {(int)response.StatusCode}: {text}");
        return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
    }

    public static async Task<JsonElement> GetJsonAsync(this HttpClient client, string url)
    {
        using var response = await client.Get(url);
        return await response.JsonAsync();
    }

    public static async Task<JsonElement> PostJsonAsync(this HttpClient client, string url, object body, HttpStatusCode expected = HttpStatusCode.OK)
    {
        using var response = await client.Post(url, body);
        return await response.JsonAsync(expected);
    }

    public static async Task<JsonElement> PutJsonAsync(this HttpClient client, string url, object body, HttpStatusCode expected = HttpStatusCode.OK)
    {
        using var response = await client.Put(url, body);
        return await response.JsonAsync(expected);
    }

    /// <summary>Asserts an RFC 9457 ProblemDetails with the status (and code, when given) and returns its body.</summary>
    public static async Task<JsonElement> ProblemAsync(this HttpResponseMessage response, HttpStatusCode expected, string? code = null)
    {
        var body = await response.JsonAsync(expected);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal((int)expected, body.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrWhiteSpace(body.GetProperty("title").GetString()));
        Assert.DoesNotContain("   at ", body.ToString(), StringComparison.Ordinal); // never a stack trace
        if (code is not null)
        {
            Assert.Equal(code, body.GetProperty("code").GetString());
        }

        return body;
    }

    /// <summary>The field names of a ProblemDetails' <c>errors</c>.</summary>
    public static IReadOnlyList<string> ErrorFields(this JsonElement problem) =>
        problem.TryGetProperty("errors", out var errors) ? errors.EnumerateObject().Select(p => p.Name).ToList() : [];

    public static string Str(this JsonElement element, string property) => element.GetProperty(property).GetString()!;

    public static Guid Id(this JsonElement element, string property = "id") => element.GetProperty(property).GetGuid();

    public static int Number(this JsonElement element, string property) => element.GetProperty(property).GetInt32();

    public static IReadOnlyList<JsonElement> Items(this JsonElement page) => page.GetProperty("items").EnumerateArray().ToList();

    /// <summary>Every item of a list, following its cursors page by page (the URL already has a query string).</summary>
    public static async Task<List<JsonElement>> AllPagesAsync(this HttpClient client, string url, int pageSize = 100)
    {
        var all = new List<JsonElement>();
        string? cursor = null;
        do
        {
            var page = await client.GetJsonAsync(url + "&pageSize=" + pageSize + (cursor is null ? "" : "&cursor=" + Uri.EscapeDataString(cursor)));
            all.AddRange(page.Items());
            cursor = page.GetProperty("nextCursor").GetString();
        }
        while (cursor is not null);
        return all;
    }

    /// <summary>An import job once it has finished (succeeded, failed, rejected or dry-run done), polled every 100 ms for up to 30 s.</summary>
    public static async Task<JsonElement> ImportJobAsync(this HttpClient client, Guid id)
    {
        for (var i = 0; i < 300; i++)
        {
            var job = await client.GetJsonAsync($"/api/v1/imports/{id}");
            if (job.Str("status") is "Succeeded" or "Failed" or "Rejected" or "DryRunDone")
            {
                return job;
            }

            await Task.Delay(100, Ct);
        }

        throw new TimeoutException($"Import {id} did not finish.");
    }

    /// <summary>Uploads an import file as the import form does (multipart: kind, file and the options asked for).</summary>
    public static async Task<HttpResponseMessage> UploadAsync(
        this HttpClient client, string kind, byte[] content, string fileName, bool applyValidRowsOnly = false, bool dryRun = false)
    {
        using var form = new MultipartFormDataContent
        {
            { new StringContent(kind), "kind" },
            { new ByteArrayContent(content), "file", fileName },
        };
        if (applyValidRowsOnly)
        {
            form.Add(new StringContent("true"), "applyValidRowsOnly");
        }

        if (dryRun)
        {
            form.Add(new StringContent("true"), "dryRun");
        }

        return await client.PostAsync("/api/v1/imports", form, Ct);
    }

    /// <summary>An import job's row errors as the API shows them.</summary>
    public static IReadOnlyList<JsonElement> Errors(this JsonElement job) => job.GetProperty("errors").EnumerateArray().ToList();
}
