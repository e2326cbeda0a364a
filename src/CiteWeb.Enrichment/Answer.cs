using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace CiteWeb.Enrichment;

/// <summary>What one request brought back: the status, where it redirects, and for a page what a reader sees first.</summary>
internal sealed partial record Answer(int Status, string Reason, Uri? Location, string? ContentType, long? Length, string? Title, string? Heading, bool Truncated)
{
    /// <summary>Bytes of a page's beginning kept in memory (for the title, the heading and the content-drift text).</summary>
    public const int KeptBytes = 256 * 1024;

    /// <summary>The first <see cref="KeptBytes"/> of an HTML page as text, where its body was read.</summary>
    public string? Html { get; init; }

    public bool IsRedirect => Status is 301 or 302 or 303 or 307 or 308 && Location is not null;
    public bool IsSuccess => Status is >= 200 and < 300;
    public bool IsHtml => ContentType is null || ContentType.Contains("html", StringComparison.OrdinalIgnoreCase);

    /// <summary>Reads the status and, if asked, at most <paramref name="maxBytes"/> of the body: the first
    /// <see cref="KeptBytes"/> are kept for the title, the heading and the drift comparison, the rest only counted.</summary>
    public static async Task<Answer> ReadAsync(HttpResponseMessage response, bool readBody, long maxBytes, CancellationToken ct)
    {
        var status = (int)response.StatusCode;
        var contentType = response.Content.Headers.ContentType?.MediaType;
        long? length = response.Content.Headers.ContentLength;
        string? title = null, heading = null, html = null;
        var truncated = false;
        if (readBody)
        {
            var head = new byte[(int)Math.Min(maxBytes, KeptBytes)];
            var kept = 0;
            long total = 0;
            var scratch = new byte[16 * 1024];
            await using var stream = await response.Content.ReadAsStreamAsync(ct).ConfigureAwait(false);
            while (true)
            {
                var want = (int)Math.Min(scratch.Length, maxBytes - total);
                if (want == 0)
                {
                    truncated = await stream.ReadAsync(scratch.AsMemory(0, 1), ct).ConfigureAwait(false) > 0;
                    break;
                }
                var n = await stream.ReadAsync(scratch.AsMemory(0, want), ct).ConfigureAwait(false);
                if (n == 0) break;
                var copy = Math.Min(n, head.Length - kept);
                scratch.AsSpan(0, copy).CopyTo(head.AsSpan(kept));
                kept += copy;
                total += n;
            }
            length = total;
            if (contentType is null || contentType.Contains("html", StringComparison.OrdinalIgnoreCase))
            {
                var text = html = Encoding.UTF8.GetString(head, 0, kept);
                title = FirstElementText(TitleElement(), text);
                heading = FirstElementText(H1Element(), text);
            }
        }
        return new Answer(status, response.ReasonPhrase ?? "", response.Headers.Location, contentType, length, title, heading, truncated) { Html = html };
    }

    /// <summary>The title or first heading says the page is an error page.</summary>
    public bool SaysNotFound(out string what)
    {
        what = Title is { } t && NotFoundWords().IsMatch(t) ? $"its title is \"{t}\""
            : Heading is { } h && NotFoundWords().IsMatch(h) ? $"its first heading is \"{h}\"" : "";
        return what.Length > 0;
    }

    private static string? FirstElementText(Regex element, string html)
    {
        var m = element.Match(html);
        if (!m.Success) return null;
        var inner = WebUtility.HtmlDecode(Tags().Replace(m.Groups[1].Value, " "));
        var text = Whitespace().Replace(inner, " ").Trim();
        return text.Length == 0 ? null : text.Length > 200 ? text[..200] : text;
    }

    [GeneratedRegex(@"<title\b[^>]*>(.*?)</title\s*>", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex TitleElement();

    [GeneratedRegex(@"<h1\b[^>]*>(.*?)</h1\s*>", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex H1Element();

    [GeneratedRegex("<[^>]*>")]
    private static partial Regex Tags();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    [GeneratedRegex(@"\b(not found|404|does not exist|doesn['’]t exist|no longer exists)\b", RegexOptions.IgnoreCase)]
    private static partial Regex NotFoundWords();
}
