using System.Globalization;
using System.Text;
using CiteWeb.Core.Model;
using static CiteWeb.Core.Export.HtmlText;

namespace CiteWeb.Core.Export;

public static partial class LinkRotReport
{
    /// <summary>
    /// One self-contained HTML5 page: the summary sentence, the generation time, the counts by status, and every link
    /// in a table (those needing attention first) that sorts by clicking a column header and narrows with a filter
    /// box. No external assets: the style and script are inline, and a Content-Security-Policy admits exactly those
    /// two by hash (<see cref="HtmlText.AppendHead"/>). Every value is entity-encoded; a URL becomes a link only when
    /// it is absolute http or https (a <c>javascript:</c> URL is text).
    /// </summary>
    public static string Html(IReadOnlyList<LinkCheck> links, DateTimeOffset generated)
    {
        var sb = new StringBuilder();
        AppendHead(sb, "Link rot report", HtmlText.Style, HtmlText.Script);
        sb.Append("<h1>Link rot report</h1>\n")
            .Append("<p class=\"summary\">").Append(Encode(Summary(links))).Append("</p>\n")
            .Append("<p class=\"generated\">Generated <time datetime=\"").Append(Encode(Iso(generated))).Append("\">")
            .Append(Encode(Iso(generated))).Append("</time></p>\n");
        if (links.Count > 0)
        {
            AppendCounts(sb, links);
            sb.Append("<p class=\"filter\"><label for=\"filter\">Filter</label> ")
                .Append("<input id=\"filter\" type=\"search\" placeholder=\"status, reference, file, URL\" autocomplete=\"off\"> <span id=\"shown\"></span></p>\n");
            AppendTable(sb, links);
        }
        AppendTail(sb, HtmlText.Script);
        return sb.ToString();
    }

    /// <summary>The counts by status as badges, in the order of <see cref="LinkStatus"/>.</summary>
    internal static void AppendCounts(StringBuilder sb, IReadOnlyList<LinkCheck> links)
    {
        sb.Append("<ul class=\"counts\">");
        foreach (var (status, count) in Counts(links))
            sb.Append("<li>").Append(Badge(status)).Append(' ').Append(count.ToString(CultureInfo.InvariantCulture)).Append("</li>");
        sb.Append("</ul>\n");
    }

    /// <summary>Every link, those needing attention first, in a table the shared script sorts and filters.</summary>
    internal static void AppendTable(StringBuilder sb, IReadOnlyList<LinkCheck> links)
    {
        sb.Append("<table id=\"links\" class=\"sortable filterable\">\n<thead><tr>");
        foreach (var column in (string[])["Status", "Reference", "Where", "Link", "HTTP", "Archived copy", "Checked", "ms", "Detail"])
            sb.Append("<th scope=\"col\"><button type=\"button\">").Append(column).Append("</button></th>");
        sb.Append("</tr></thead>\n<tbody>\n");
        var attention = Attention(links);
        foreach (var l in attention.Concat(links.Where(l => !NeedsAttention(l)))) AppendRow(sb, l);
        sb.Append("</tbody>\n</table>\n");
    }

    private static void AppendRow(StringBuilder sb, LinkCheck l)
    {
        sb.Append("<tr><td data-sort=\"").Append(Rank(l).ToString(CultureInfo.InvariantCulture)).Append("\">").Append(Badge(l.Status));
        if (l.Drifted)
            sb.Append(" <span class=\"badge warn\">drifted").Append(Similarity(l) is { } s ? " " + s.ToString("0.00", CultureInfo.InvariantCulture) : "").Append("</span>");
        sb.Append("</td><td>").Append(Encode(l.Reference)).Append("</td><td>").Append(Encode(Where(l))).Append("</td><td>");
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
            foreach (var hop in l.Redirects) sb.Append("<li>").Append(Encode(hop)).Append("</li>");
            sb.Append("</ol></details>");
        }
        sb.Append("</td><td>").Append(Encode(Number(l.HttpStatus))).Append("</td><td>");
        if (l.Archive is { } a)
        {
            AppendLink(sb, a.Url, Encode(Iso(a.Timestamp)));
            sb.Append(" <span class=\"source\">").Append(Encode(a.Source)).Append("</span>");
        }
        sb.Append("</td><td>").Append(Encode(Checked(l))).Append("</td><td>").Append(l.ElapsedMs.ToString(CultureInfo.InvariantCulture))
            .Append("</td><td>").Append(Encode(l.Detail)).Append("</td></tr>\n");
    }

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
}
