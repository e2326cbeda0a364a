using System.Security.Cryptography;
using System.Text;

namespace CiteWeb.Core.Export;

/// <summary>
/// What every HTML page CiteWeb writes shares: entity-encoding of untrusted values, links only for http(s), and the
/// head of a self-contained page whose Content-Security-Policy admits exactly its own inline style and script.
/// </summary>
internal static class HtmlText
{
    /// <summary>
    /// Text for an element or a quoted attribute: &amp; &lt; &gt; " ' as entities; control characters HTML5 forbids
    /// and unpaired surrogates replaced, so the page stays valid whatever the file held.
    /// </summary>
    public static string Encode(string? s)
    {
        if (string.IsNullOrEmpty(s)) return "";
        var sb = new StringBuilder(s.Length + 16);
        foreach (var c in ValidUtf16(s))
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

    /// <summary>A string safe to hand to a UTF-8 writer: an unpaired surrogate (a damaged file) becomes U+FFFD.</summary>
    public static string ValidUtf16(string s)
    {
        if (!s.AsSpan().ContainsAnyInRange('\uD800', '\uDFFF')) return s;
        var chars = s.ToCharArray();
        for (int i = 0; i < chars.Length; i++)
        {
            if (char.IsHighSurrogate(chars[i]) && i + 1 < chars.Length && char.IsLowSurrogate(chars[i + 1])) i++;
            else if (char.IsSurrogate(chars[i])) chars[i] = '\uFFFD';
        }
        return new string(chars);
    }

    /// <summary>An anchor for an absolute http(s) URL; anything else (javascript:, data:, relative, broken) as text.</summary>
    public static void AppendLink(StringBuilder sb, string? url, string? encodedText = null)
    {
        encodedText ??= Encode(url);
        if (IsWebUrl(url))
            sb.Append("<a href=\"").Append(Encode(url)).Append("\" rel=\"noopener noreferrer nofollow\">").Append(encodedText).Append("</a>");
        else sb.Append(encodedText);
    }

    /// <summary>
    /// Absolute http or https. The string itself must begin with the scheme: browsers strip leading blanks and
    /// controls and tabs inside a scheme, so "Uri parses it as http" alone is not enough.
    /// </summary>
    public static bool IsWebUrl(string? url) =>
        url is not null
        && (url.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || url.StartsWith("https://", StringComparison.OrdinalIgnoreCase))
        && Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);

    /// <summary>
    /// From the doctype to the opening of <c>main</c>: charset, viewport, a Content-Security-Policy that admits exactly
    /// the given inline style and script by hash (so even a value that escaped its encoding could neither load nor run
    /// anything), no referrer, the title and the style.
    /// </summary>
    public static void AppendHead(StringBuilder sb, string title, string style, string script)
    {
        sb.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .Append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src '").Append(CspHash(style))
            .Append("'; script-src '").Append(CspHash(script)).Append("'; base-uri 'none'; form-action 'none'\">\n")
            .Append("<meta name=\"referrer\" content=\"no-referrer\">\n<title>").Append(Encode(title)).Append("</title>\n")
            .Append("<style>").Append(style).Append("</style>\n</head>\n<body>\n<main>\n");
    }

    /// <summary>The end of the page: the script last, so it finds every element it works on.</summary>
    public static void AppendTail(StringBuilder sb, string script) =>
        sb.Append("</main>\n<script>").Append(script).Append("</script>\n</body>\n</html>\n");

    private static string CspHash(string inline) => "sha256-" + Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(inline)));

    /// <summary>
    /// The style every page shares: type, tables, the filter box, status badges.
    /// </summary>
    public const string Style = """

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

    /// <summary>
    /// The script every page shares, in plain ES5 with no framework. It records any script error into
    /// <c>body[data-errors]</c> (so a headless browser's DOM dump shows it), sorts a <c>table.sortable</c> by its
    /// header buttons, hides the rows of every <c>table.filterable</c> that do not contain the filter box's text
    /// (a <c>#q=TEXT</c> in the address fills the box, so a filtered view can be shared or bookmarked), keeps
    /// <c>#shown</c> up to date, and ends by setting <c>body[data-ready]</c>.
    /// </summary>
    public const string Script = """

(function () {
  var body = document.body;
  window.addEventListener('error', function (e) {
    body.setAttribute('data-errors', (body.getAttribute('data-errors') || '') + (e.message || 'error') + '\n');
  });
  function each(list, f) { Array.prototype.forEach.call(list, f); }
  each(document.querySelectorAll('table.sortable'), function (table) {
    var rows = table.tBodies[0], headers = table.tHead.rows[0].cells;
    function key(row, i) { var c = row.cells[i]; return c ? c.getAttribute('data-sort') || c.textContent.trim() : ''; }
    each(headers, function (th, i) {
      var button = th.querySelector('button');
      if (!button) return;
      button.addEventListener('click', function () {
        var ascending = th.getAttribute('aria-sort') !== 'ascending';
        each(headers, function (h) { h.removeAttribute('aria-sort'); });
        th.setAttribute('aria-sort', ascending ? 'ascending' : 'descending');
        var sorted = Array.prototype.slice.call(rows.rows);
        sorted.sort(function (a, b) {
          var r = key(a, i).localeCompare(key(b, i), undefined, { numeric: true, sensitivity: 'base' });
          return ascending ? r : -r;
        });
        sorted.forEach(function (r) { rows.appendChild(r); });
      });
    });
  });
  var filter = document.getElementById('filter'), shown = document.getElementById('shown');
  function apply() {
    var q = filter.value.trim().toLowerCase(), visible = 0, total = 0;
    each(document.querySelectorAll('table.filterable > tbody > tr'), function (r) {
      r.hidden = q !== '' && r.textContent.toLowerCase().indexOf(q) < 0;
      total++;
      if (!r.hidden) visible++;
    });
    if (shown) shown.textContent = q === '' ? '' : visible + ' of ' + total + ' rows';
  }
  if (filter) {
    filter.addEventListener('input', apply);
    var m = /^#q=(.*)$/.exec(window.location.hash);
    if (m) { try { filter.value = decodeURIComponent(m[1]); } catch (x) { filter.value = m[1]; } apply(); }
  }
  body.setAttribute('data-ready', '1');
})();

""";
}
