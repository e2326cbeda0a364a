using System.Globalization;
using System.Text;
using CiteWeb.Core.Model;

namespace CiteWeb.Core.Export;

public static partial class LinkRotReport
{
    /// <summary>
    /// The state of the links in one sentence a person could have written: "4 of 31 links are dead; 2 moved
    /// permanently; 1 is behind a login or bot wall; 3 archived copies found." Dead is
    /// <see cref="LinkStatuses.IsDead"/>; every other status that is not ok gets its own clause when present.
    /// </summary>
    public static string Summary(IReadOnlyList<LinkCheck> links)
    {
        int total = links.Count;
        if (total == 0) return "There are no links to check.";
        if (links.All(l => !NeedsAttention(l))) return total == 1 ? "The link is ok." : $"All {total} links are ok.";

        int Count(LinkStatus s) => links.Count(l => l.Status == s);
        var clauses = new List<string> { DeadClause(links.Count(l => LinkStatuses.IsDead(l.Status)), total) };
        void Add(int n, string one, string many)
        {
            if (n > 0) clauses.Add($"{n} {(n == 1 ? one : many)}");
        }
        Add(Count(LinkStatus.Redirected), "moved permanently", "moved permanently");
        Add(Count(LinkStatus.Forbidden), "is behind a login or bot wall", "are behind a login or bot wall");
        Add(Count(LinkStatus.RateLimited), "was turned away for asking too often", "were turned away for asking too often");
        Add(Count(LinkStatus.Timeout), "timed out", "timed out");
        Add(Count(LinkStatus.Malformed), "is not a usable web address", "are not usable web addresses");
        Add(Count(LinkStatus.Blocked), "points to a private or local address and was not fetched", "point to private or local addresses and were not fetched");
        Add(Count(LinkStatus.Unchecked), "was not checked", "were not checked");
        Add(links.Count(l => l.Drifted), "has changed since it was cited", "have changed since they were cited");
        int archived = links.Count(l => l.Archive is not null);
        clauses.Add(archived switch { 0 => "no archived copy found", 1 => "1 archived copy found", _ => $"{archived} archived copies found" });
        var sentence = string.Join("; ", clauses) + ".";
        return char.ToUpperInvariant(sentence[0]) + sentence[1..];
    }

    private static string DeadClause(int dead, int total) => (dead, total) switch
    {
        (0, 1) => "the link is not dead",
        (0, 2) => "neither link is dead",
        (0, _) => $"none of the {total} links is dead",
        (1, 1) => "the link is dead",
        (2, 2) => "both links are dead",
        _ when dead == total => $"all {total} links are dead",
        (1, _) => $"1 of {total} links is dead",
        _ => $"{dead} of {total} links are dead",
    };

    /// <summary>The line after the table: how many of the remaining links are fine.</summary>
    private static string OkLine(int ok, int attention) => (ok, attention) switch
    {
        (_, 0) => "Nothing needs attention.",
        (0, _) => "There are no other links.",
        (1, _) => "The 1 other link is ok.",
        _ => $"The other {ok} links are ok.",
    };

    /// <summary>How a link's status reads in the prose formats: the status name, and the drift when it drifted.</summary>
    private static string StatusLabel(LinkCheck link) => LinkStatuses.Name(link.Status) +
        (link.Drifted ? Similarity(link) is { } s ? $", drifted (similarity {s.ToString("0.00", CultureInfo.InvariantCulture)})" : ", drifted" : "");

    /// <summary>The cited URL, with where it now lands when that is somewhere else.</summary>
    private static string LinkLabel(LinkCheck link) =>
        link.FinalUrl is { Length: > 0 } final && final != link.Url ? $"{link.Url} -> {final}" : link.Url;

    /// <summary><see cref="LinkLabel"/> in Markdown: each URL a link a reader can follow (http(s) only).</summary>
    private static string MarkdownLink(LinkCheck link) =>
        link.FinalUrl is { Length: > 0 } final && final != link.Url
            ? $"{MarkdownText.Url(link.Url)} {MarkdownText.Escape("->")} {MarkdownText.Url(final)}"
            : MarkdownText.Url(link.Url);

    private static string MarkdownArchive(ArchivedCopy a) => MarkdownText.Url(a.Url) + MarkdownText.Escape($" ({Iso(a.Timestamp)}, {a.Source})");

    private static string ArchiveLabel(ArchivedCopy a) => $"{a.Url} ({Iso(a.Timestamp)}, {a.Source})";

    /// <summary>
    /// A report to paste into an issue or a pull request: the summary sentence, a table of the links that need
    /// attention (every cell escaped), then the ok ones counted.
    /// </summary>
    public static string Markdown(IReadOnlyList<LinkCheck> links, DateTimeOffset generated)
    {
        var sb = new StringBuilder();
        sb.Append("# Link rot report\n\n").Append(MarkdownText.Escape(Summary(links))).Append("\n\n");
        sb.Append("Generated ").Append(MarkdownText.Escape(Iso(generated))).Append(".\n");
        if (links.Count == 0) return sb.ToString();
        var attention = Attention(links);
        if (attention.Count > 0)
        {
            sb.Append("\n| status | reference | where | link | HTTP | archived copy | detail |\n|---|---|---|---|---|---|---|\n");
            foreach (var l in attention)
            {
                sb.Append('|');
                foreach (var cell in (string[])[MarkdownText.Escape(StatusLabel(l)), MarkdownText.Escape(l.Reference), MarkdownText.Escape(Where(l)),
                             MarkdownLink(l), MarkdownText.Escape(Number(l.HttpStatus)), l.Archive is { } a ? MarkdownArchive(a) : "", MarkdownText.Escape(l.Detail)])
                    sb.Append(' ').Append(cell).Append(" |");
                sb.Append('\n');
            }
        }
        sb.Append('\n').Append(OkLine(links.Count - attention.Count, attention.Count)).Append('\n');
        return sb.ToString();
    }

    /// <summary>
    /// For a terminal: the summary sentence, the links that need attention as aligned columns (status, reference,
    /// where, link) with their archived copy and detail indented below, then the ok ones counted. Control
    /// characters in values are dropped so a hostile URL cannot drive the terminal.
    /// </summary>
    public static string Text(IReadOnlyList<LinkCheck> links, DateTimeOffset generated)
    {
        var sb = new StringBuilder();
        sb.Append(Summary(links)).Append('\n').Append("Generated ").Append(Iso(generated)).Append(".\n");
        if (links.Count == 0) return sb.ToString();
        var attention = Attention(links);
        if (attention.Count > 0)
        {
            var rows = attention.Select(l => new[] { StatusLabel(l), Plain(l.Reference), Plain(Where(l)), Plain(LinkLabel(l)) }).ToList();
            var widths = Enumerable.Range(0, 3).Select(c => rows.Max(r => r[c].Length)).ToArray();
            string indent = new(' ', widths[0] + 2);
            sb.Append('\n');
            for (int i = 0; i < rows.Count; i++)
            {
                var (row, l) = (rows[i], attention[i]);
                sb.Append(row[0].PadRight(widths[0])).Append("  ").Append(row[1].PadRight(widths[1])).Append("  ")
                    .Append(row[2].PadRight(widths[2])).Append("  ").Append(row[3]);
                if (l.HttpStatus is { } code) sb.Append(" (HTTP ").Append(code.ToString(CultureInfo.InvariantCulture)).Append(')');
                sb.Append('\n');
                if (l.Archive is { } a) sb.Append(indent).Append("archived: ").Append(Plain(ArchiveLabel(a))).Append('\n');
                if (!string.IsNullOrWhiteSpace(l.Detail)) sb.Append(indent).Append(Plain(l.Detail)).Append('\n');
            }
        }
        sb.Append('\n').Append(OkLine(links.Count - attention.Count, attention.Count)).Append('\n');
        return sb.ToString();
    }

    /// <summary>
    /// One line of plain text: control characters (escape sequences, line breaks) and bidirectional overrides (which
    /// could make a URL read as another) become spaces.
    /// </summary>
    private static string Plain(string? s) => s is null ? "" : string.Create(s.Length, s, (span, src) =>
    {
        for (int i = 0; i < src.Length; i++)
            span[i] = char.IsControl(src[i]) || src[i] is >= '\u202A' and <= '\u202E' or >= '\u2066' and <= '\u2069' ? ' ' : src[i];
    });
}
