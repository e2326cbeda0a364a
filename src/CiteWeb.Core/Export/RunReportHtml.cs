using System.Globalization;
using System.Text;
using CiteWeb.Core.Checks;
using CiteWeb.Core.Diagnostics;
using static CiteWeb.Core.Export.HtmlText;

namespace CiteWeb.Core.Export;

/// <summary>
/// <c>index/reports/index.html</c>: the whole run on one self-contained page a scholar opens from the file system —
/// the bibliographies with their counts, the findings of every manuscript with the citation as printed and its
/// position, the links with their archived copies, the co-citation network as inline SVG, and one filter box that
/// narrows every table. No external assets; the style and the script are inline and admitted by hash
/// (<see cref="HtmlText.AppendHead"/>); every value from a file or a server is entity-encoded, and only absolute
/// http(s) URLs become links.
/// </summary>
public static class RunReportHtml
{
    public static string Write(RunReport report)
    {
        var sb = new StringBuilder();
        AppendHead(sb, "CiteWeb report", Style, HtmlText.Script);
        sb.Append("<h1>CiteWeb report</h1>\n<p class=\"summary\" id=\"summary\">").Append(Encode(report.Summary.ToString())).Append(".</p>\n")
            .Append("<p class=\"generated\">").Append(Encode(report.Folder)).Append(" &middot; generated <time datetime=\"")
            .Append(Encode(Iso(report.Generated))).Append("\">").Append(Encode(Iso(report.Generated))).Append("</time></p>\n")
            .Append("<nav><a href=\"#bibliographies\">Bibliographies</a> <a href=\"#manuscripts\">Manuscripts</a> ")
            .Append("<a href=\"#links-section\">Links</a> <a href=\"#network\">Co-citation network</a></nav>\n")
            .Append("<p class=\"filter\"><label for=\"filter\">Filter</label> ")
            .Append("<input id=\"filter\" type=\"search\" placeholder=\"file, code, citation, reference, URL, status\" autocomplete=\"off\"> ")
            .Append("<span id=\"shown\"></span></p>\n");
        AppendBibliographies(sb, report);
        AppendManuscripts(sb, report.Checks);
        AppendLinks(sb, report);
        AppendNetwork(sb, report);
        AppendTail(sb, HtmlText.Script);
        return sb.ToString();
    }

    private static void AppendBibliographies(StringBuilder sb, RunReport report)
    {
        sb.Append("<section id=\"bibliographies\">\n<h2>Bibliographies</h2>\n");
        if (report.Bibliographies.Count == 0)
        {
            sb.Append("<p>No bibliography was found.</p>\n</section>\n");
            return;
        }
        sb.Append("<table id=\"bibliography-table\" class=\"sortable filterable\">\n<thead><tr>");
        foreach (var column in (string[])["File", "Format", "References", "Types", "Links", "DOIs", "Errors", "Warnings", "Note"])
            sb.Append("<th scope=\"col\"><button type=\"button\">").Append(column).Append("</button></th>");
        sb.Append("</tr></thead>\n<tbody>\n");
        foreach (var b in report.Bibliographies)
        {
            var note = b.PrintedTwinOf is { } twin ? Join(b.Note, $"printed form of {twin}, counted once, as that file") : b.Note;
            sb.Append("<tr><td>").Append(Encode(b.File)).Append("</td><td>").Append(Encode(b.Bibliography.Format))
                .Append("</td><td class=\"n\">").Append(N(b.References)).Append("</td><td class=\"types\">")
                .Append(Encode(string.Join(", ", b.Types.Select(t => $"{t.Type} {N(t.Count)}"))))
                .Append("</td><td class=\"n\">").Append(N(b.Links)).Append("</td><td class=\"n\">").Append(N(b.Dois))
                .Append("</td><td class=\"n\">").Append(N(b.Errors)).Append("</td><td class=\"n\">").Append(N(b.Warnings))
                .Append("</td><td>").Append(Encode(note)).Append("</td></tr>\n");
        }
        var counted = report.Counted.ToList();
        sb.Append("</tbody>\n<tfoot><tr><th scope=\"row\">").Append(N(counted.Count)).Append(counted.Count == 1 ? " bibliography" : " bibliographies")
            .Append("</th><td></td><td class=\"n\">").Append(N(counted.Sum(b => b.References))).Append("</td><td></td><td class=\"n\">")
            .Append(N(counted.Sum(b => b.Links))).Append("</td><td class=\"n\">").Append(N(counted.Sum(b => b.Dois)))
            .Append("</td><td class=\"n\">").Append(N(report.Bibliographies.Sum(b => b.Errors))).Append("</td><td class=\"n\">")
            .Append(N(report.Bibliographies.Sum(b => b.Warnings))).Append("</td><td></td></tr></tfoot>\n</table>\n</section>\n");
    }

    private static void AppendManuscripts(StringBuilder sb, IReadOnlyList<CheckReport> checks)
    {
        sb.Append("<section id=\"manuscripts\">\n<h2>Manuscripts</h2>\n");
        if (checks.Count == 0) sb.Append("<p>No manuscript was checked (they go in <code>manuscripts/</code>, named like their works-cited list).</p>\n");
        int n = 0;
        foreach (var check in checks)
        {
            n++;
            int errors = check.Findings.Count(f => f.Severity == Severity.Error), warnings = check.Findings.Count(f => f.Severity == Severity.Warning);
            sb.Append("<h3>").Append(Encode(check.Manuscript.File)).Append("</h3>\n<p>Checked against ")
                .Append(Encode(check.WorksCited.Source)).Append(": ").Append(N(check.Citations.Count)).Append(" citations, ")
                .Append(N(check.WorksCited.References.Count)).Append(" entries; ")
                .Append(N(errors)).Append(errors == 1 ? " inconsistency, " : " inconsistencies, ")
                .Append(N(warnings)).Append(warnings == 1 ? " warning, " : " warnings, ")
                .Append(N(check.Findings.Count - errors - warnings)).Append(" info.</p>\n");
            if (check.Findings.Count == 0) continue;
            sb.Append("<table id=\"findings-").Append(n.ToString(CultureInfo.InvariantCulture)).Append("\" class=\"sortable filterable findings\">\n<thead><tr>");
            foreach (var column in (string[])["Severity", "Code", "Where", "Citation", "Entry", "Message", "Suggestion"])
                sb.Append("<th scope=\"col\"><button type=\"button\">").Append(column).Append("</button></th>");
            sb.Append("</tr></thead>\n<tbody>\n");
            // Errors first, then warnings, then info; in the order of the manuscript within each.
            foreach (var f in check.Findings.OrderByDescending(f => f.Severity).ThenBy(f => f.Span.Line).ThenBy(f => f.Span.Column))
            {
                sb.Append("<tr><td data-sort=\"").Append(2 - (int)f.Severity).Append("\">").Append(SeverityBadge(f.Severity))
                    .Append("</td><td>").Append(Encode(f.Code)).Append("</td><td data-sort=\"")
                    .Append(f.Span.Line.ToString("D7", CultureInfo.InvariantCulture)).Append(f.Span.Column.ToString("D7", CultureInfo.InvariantCulture))
                    .Append("\">").Append(Encode($"{f.Span.Line}:{f.Span.Column}")).Append("</td><td class=\"cited\">")
                    .Append(Encode(f.Citation)).Append("</td><td>").Append(Encode(f.Entry)).Append("</td><td>")
                    .Append(Encode(f.Message)).Append("</td><td>").Append(Encode(f.Suggestion)).Append("</td></tr>\n");
            }
            sb.Append("</tbody>\n</table>\n");
        }
        sb.Append("</section>\n");
    }

    private static void AppendLinks(StringBuilder sb, RunReport report)
    {
        sb.Append("<section id=\"links-section\">\n<h2>Links</h2>\n");
        if (report.Links is not { } links) sb.Append("<p>The links were not checked in this run.</p>\n");
        else
        {
            sb.Append("<p>").Append(Encode(LinkRotReport.Summary(links))).Append("</p>\n");
            if (links.Count > 0)
            {
                LinkRotReport.AppendCounts(sb, links);
                LinkRotReport.AppendTable(sb, links);
            }
        }
        sb.Append("</section>\n");
    }

    private static void AppendNetwork(StringBuilder sb, RunReport report)
    {
        sb.Append("<section id=\"network\">\n<h2>Co-citation network</h2>\n");
        if (report.NetworkCaption is { Length: > 0 } caption) sb.Append("<p>").Append(Encode(caption)).Append("</p>\n");
        // The SVG is CiteWeb's own drawing, whose writer encodes every label; it is markup, not a value.
        if (report.NetworkSvg is { Length: > 0 } svg) sb.Append("<figure class=\"network\">").Append(svg).Append("</figure>\n");
        else sb.Append("<p>No two works are cited together by more than one bibliography, so there is no network to draw.</p>\n");
        sb.Append("</section>\n");
    }

    private static string SeverityBadge(Severity s) => s switch
    {
        Severity.Error => "<span class=\"badge dead\">error</span>",
        Severity.Warning => "<span class=\"badge warn\">warning</span>",
        _ => "<span class=\"badge info\">info</span>",
    };

    private static string Join(string a, string b) => a.Length == 0 ? b : a + "; " + b;

    private static string N(int n) => n.ToString("N0", CultureInfo.InvariantCulture);

    private static string Iso(DateTimeOffset t) => t.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);

    private const string Style = HtmlText.Style + """
h2 { font-size: 1.25rem; margin: 2rem 0 .5rem; border-bottom: 2px solid #d0d7de; }
h3 { font-size: 1.05rem; margin: 1.25rem 0 .25rem; overflow-wrap: anywhere; }
nav a { margin-right: 1rem; }
td.n, tfoot td.n { text-align: right; font-variant-numeric: tabular-nums; }
tfoot th, tfoot td { font-weight: 600; border-top: 2px solid #d0d7de; }
td.types { font-size: .9rem; color: #424a53; }
td.cited { font-style: italic; }
table.findings td:nth-child(-n+3) { white-space: nowrap; }
figure.network { margin: 1rem 0; border: 1px solid #d0d7de; border-radius: .5rem; overflow: auto; }
figure.network svg { display: block; max-width: 100%; height: auto; }

""";
}
