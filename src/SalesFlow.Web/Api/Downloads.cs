using Microsoft.Net.Http.Headers;

namespace SalesFlow.Web.Api;

/// <summary>
/// Marks a response as a file to save, never a page to show. The name is sent twice as RFC 6266 asks: an ASCII
/// fallback and the UTF-8 original (Chinese names survive), with quotes and control characters escaped, so a
/// user-chosen name (an import's file name) cannot break the header.
/// </summary>
internal static class Downloads
{
    public static void AsAttachment(this HttpResponse response, string fileName)
    {
        var disposition = new ContentDispositionHeaderValue("attachment");
        disposition.SetHttpFileName(string.Concat(fileName.Select(c => char.IsControl(c) ? '_' : c)));
        response.Headers.ContentDisposition = disposition.ToString();
    }
}
