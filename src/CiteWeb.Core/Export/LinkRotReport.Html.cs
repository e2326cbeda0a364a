using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using CiteWeb.Core.Model;

namespace CiteWeb.Core.Export;

public static partial class LinkRotReport
{
    /// <summary>
    /// One self-contained HTML5 page: the summary sentence, the generation time, the counts by status, and every link
    /// in a table (those needing attention first) that sorts by clicking a column header and narrows with a filter
    /// box. No external assets: the style and script are inline, and a Content-Security-Policy admits exactly those
    /// two by hash, so even a value that escaped its encoding could neither load nor run anything. Every value is
    /// entity-encoded; a URL becomes a link only when it is absolute http or https (a <c>javascript:</c> URL is text).
    /// </summary>
    public static string Html(IReadOnlyList<LinkCheck> links, DateTimeOffset generated)
    {
        var sb = new StringBuilder();
        sb.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .Append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src '").Append(StyleHash)
            .Append("'; script-src '").Append(ScriptHash).Append("'; base-uri 'none'; form-action 'none'\">\n")
            .Append("<meta name=\"referrer\" content=\"no-referrer\">\n<title>Link rot report</title>\n")
            .Append("<style>").Append(Style).Append("</style>\n</head>\n<body>\n<main>\n<h1>Link rot report</h1>\n")
            .Append("<p class=\"summary\">").Append(H(Summary(links))).Append("</p>\n")
            .Append("<p class=\"generated\">Generated <time datetime=\"").Append(H(Iso(generated))).Append("\">")
            .Append(H(Iso(generated))).Append("</time></p>\n");
        if (links.Count > 0)
        {
            sb.Append("<ul class=\"counts\">");
            foreach (var (status, count) in Counts(links))
                sb.Append("<li>").Append(Badge(status)).Append(' ').Append(count.ToString(CultureInfo.InvariantCulture)).Append("</li>");
            sb.Append("</ul>\n<p class=\"filter\"><label for=\"filter\">Filter</label> ")
                .Append("<input id=\"filter\" type=\"search\" placeholder=\"status, reference, file, URL\" autocomplete=\"off\"></p>\n")
                .Append("<table id=\"links\">\n<thead><tr>");
            foreach (var column in (string[])["Status", "Reference", "Where", "Link", "HTTP", "Archived copy", "Checked", "ms", "Detail"])
                sb.Append("<th scope=\"col\"><button type=\"button\">").Append(column).Append("</button></th>");
            sb.Append("</tr></thead>\n<tbody>\n");
            var attention = Attention(links);
            foreach (var l in attention.Concat(links.Where(l => !NeedsAttention(l)))) AppendRow(sb, l);
            sb.Append("</tbody>\n</table>\n");
        }
        sb.Append("</main>\n<script>").Append(Script).Append("</script>\n</body>\n</html>\n");
        return sb.ToString();
    }

    private static void AppendRow(StringBuilder sb, LinkCheck l)
    {
        sb.Append("<tr><td data-sort=\"").Append(Rank(l).ToString(CultureInfo.InvariantCulture)).Append("\">").Append(Badge(l.Status));
        if (l.Drifted)
            sb.Append(" <span class=\"badge warn\">drifted").Append(Similarity(l) is { } s ? " " + s.ToString("0.00", CultureInfo.InvariantCulture) : "").Append("</span>");
        sb.Append("</td><td>").Append(H(l.Reference)).Append("</td><td>").Append(H(Where(l))).Append("</td><td>");
        AppendLink(sb, l.Url);
        if (l.FinalUrl is { Length: > 0 } final && final != l.Url)
        {
            sb.Append("<br>&rarr; ");
            AppendLink(sb, final);
        }
        if (l.Redirects.Count > 0)
        {
            sb.Append("<details><summary>").Append(l.Redirects.Count.ToString(CultureInfo.InvariantCulture))
                .Append(l.Redirects.Count == 1 ? " redirect" : " redirects").Append("</summary><ol>");
            foreach (var hop in l.Redirects) sb.Append("<li>").Append(H(hop)).Append("</li>");
            sb.Append("</ol></details>");
        }
        sb.Append("</td><td>").Append(H(Number(l.HttpStatus))).Append("</td><td>");
        if (l.Archive is { } a)
        {
            AppendLink(sb, a.Url, H(Iso(a.Timestamp)));
            sb.Append(" <span class=\"source\">").Append(H(a.Source)).Append("</span>");
        }
        sb.Append("</td><td>").Append(H(Checked(l))).Append("</td><td>").Append(l.ElapsedMs.ToString(CultureInfo.InvariantCulture))
            .Append("</td><td>").Append(H(l.Detail)).Append("</td></tr>\n");
    }

    /// <summary>An anchor for an absolute http(s) URL; anything else (javascript:, data:, relative, broken) as text.</summary>
    private static void AppendLink(StringBuilder sb, string url, string? encodedText = null)
    {
        encodedText ??= H(url);
        if (IsWebUrl(url))
            sb.Append("<a href=\"").Append(H(url)).Append("\" rel=\"noopener noreferrer nofollow\">").Append(encodedText).Append("</a>");
        else sb.Append(encodedText);
    }

    /// <summary>
    /// Absolute http or https. The string itself must begin with the scheme: browsers strip leading blanks and
    /// controls and tabs inside a scheme, so "Uri parses it as http" alone is not enough.
    /// </summary>
    internal static bool IsWebUrl(string? url) =>
        url is not null
        && (url.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || url.StartsWith("https://", StringComparison.OrdinalIgnoreCase))
        && Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);

    private static string Badge(LinkStatus status)
    {
        string kind = status switch
        {
            LinkStatus.Ok => "ok",
            _ when LinkStatuses.IsDead(status) => "dead",
            LinkStatus.Redirected or LinkStatus.Forbidden or LinkStatus.RateLimited or LinkStatus.Timeout => "warn",
            _ => "info",
        };
        return $"<span class=\"badge {kind}\">{LinkStatuses.Name(status)}</span>";
    }

    /// <summary>
    /// Text for an element or a quoted attribute: &amp; &lt; &gt; " ' as entities; control characters HTML5 forbids
    /// and unpaired surrogates replaced, so the page stays valid whatever the file held.
    /// </summary>
    private static string H(string? s)
    {
        if (string.IsNullOrEmpty(s)) return "";
        var sb = new StringBuilder(s.Length + 16);
        foreach (var c in Valid(s)!)
        {
            switch (c)
            {
                case '&': sb.Append("&amp;"); break;
                case '<': sb.Append("&lt;"); break;
                case '>': sb.Append("&gt;"); break;
                case '"': sb.Append("&quot;"); break;
                case '\'': sb.Append("&#39;"); break;
                case '\n' or '\t': sb.Append(' '); break;
                default: sb.Append(char.IsControl(c) ? '\uFFFD' : c); break;
            }
        }
        return sb.ToString();
    }

    private static string CspHash(string inline) => "sha256-" + Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(inline)));

    private static readonly string StyleHash = CspHash(Style);
    private static readonly string ScriptHash = CspHash(Script);

    private const string Style = """

body { font: 15px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; color: #1b1f24; background: #fff; margin: 0; }
main { padding: 1.5rem 2rem; }
h1 { font-size: 1.5rem; margin: 0 0 .5rem; }
.summary { font-size: 1.1rem; max-width: 60rem; }
.generated, .source { color: #57606a; font-size: .9rem; }
.counts { list-style: none; padding: 0; display: flex; flex-wrap: wrap; gap: .5rem 1.25rem; }
.filter input { font: inherit; padding: .25rem .5rem; width: 20rem; max-width: 100%; }
table { border-collapse: collapse; width: 100%; }
th, td { text-align: left; vertical-align: top; padding: .35rem .5rem; border-bottom: 1px solid #d0d7de; }
td { overflow-wrap: anywhere; }
th button { font: inherit; font-weight: 600; background: none; border: 0; padding: 0; cursor: pointer; color: inherit; }
th[aria-sort=ascending] button::after { content: " \25B2"; }
th[aria-sort=descending] button::after { content: " \25BC"; }
.badge { display: inline-block; padding: .05rem .45rem; border-radius: .6rem; font-size: .85rem; font-weight: 600; white-space: nowrap; }
.badge.ok { background: #dafbe1; color: #116329; }
.badge.dead { background: #ffebe9; color: #a40e26; }
.badge.warn { background: #fff8c5; color: #7d4e00; }
.badge.info { background: #eaeef2; color: #424a53; }
details summary { cursor: pointer; color: #57606a; font-size: .9rem; }

""";

    private const string Script = """

(function () {
  var table = document.getElementById('links');
  if (!table) return;
  var body = table.tBodies[0], headers = table.tHead.rows[0].cells, filter = document.getElementById('filter');
  function key(row, i) { var c = row.cells[i]; return c.getAttribute('data-sort') || c.textContent.trim(); }
  Array.prototype.forEach.call(headers, function (th, i) {
    th.querySelector('button').addEventListener('click', function () {
      var ascending = th.getAttribute('aria-sort') !== 'ascending';
      Array.prototype.forEach.call(headers, function (h) { h.removeAttribute('aria-sort'); });
      th.setAttribute('aria-sort', ascending ? 'ascending' : 'descending');
      var rows = Array.prototype.slice.call(body.rows);
      rows.sort(function (a, b) {
        var r = key(a, i).localeCompare(key(b, i), undefined, { numeric: true, sensitivity: 'base' });
        return ascending ? r : -r;
      });
      rows.forEach(function (r) { body.appendChild(r); });
    });
  });
  filter.addEventListener('input', function () {
    var q = filter.value.trim().toLowerCase();
    Array.prototype.forEach.call(body.rows, function (r) { r.hidden = q !== '' && r.textContent.toLowerCase().indexOf(q) < 0; });
  });
})();

""";
}
