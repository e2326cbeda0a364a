using System.Globalization;
using CiteWeb.Core.Model;
using CiteWeb.Core.Network;
using CiteWeb.Core.Text;
using CiteWeb.Core.Works;

namespace CiteWeb.Core.Export;

/// <summary>
/// The co-citation picture of a run, built in memory from the bibliographies it read: references are grouped into
/// works by <see cref="WorkClusterer"/> (the index's work identity: DOI, else first creator, main title and year), each
/// bibliography cites its works, and the works cited by at least two bibliographies are laid out by
/// <see cref="ForceLayout"/> and drawn by <see cref="SvgNetwork"/> — node size by citations, edge by co-citations.
/// </summary>
public static class RunNetwork
{
    /// <summary>At most this many works are drawn, the most cited first. The default is 60, where labels stay readable.</summary>
    public const int MaxNodes = 60;

    /// <summary>The corpus of the bibliographies that count (a printed list beside its structured twin counts once).</summary>
    public static CitationCorpus Corpus(IReadOnlyList<RunBibliography> bibliographies)
    {
        var counted = bibliographies.Where(b => b.PrintedTwinOf is null).ToList();
        var members = counted.SelectMany(b => b.Bibliography.References.Select(r => (Bibliography: b.File, Reference: r))).ToList();
        var clusters = WorkClusterer.Cluster(members.Select(m => WorkIdentity.Of(m.Reference)).ToList());
        var works = new List<WorkNode>(clusters.Count);
        var cites = counted.ToDictionary(b => b.File, _ => new List<string>(), StringComparer.Ordinal);
        foreach (var cluster in clusters)
        {
            var refs = cluster.Members.Select(i => members[i]).ToList();
            works.Add(Node(cluster.Id, refs.Select(m => m.Reference).ToList()));
            foreach (var m in refs) cites[m.Bibliography].Add(cluster.Id);
        }
        return new CitationCorpus(counted.Select(b => new CitingDocument(b.File, b.File, cites[b.File])), works);
    }

    /// <summary>The SVG of the works cited by at least two bibliographies and a sentence saying what it shows; no SVG
    /// when fewer than two such works are cited together.</summary>
    public static (string? Svg, string Caption) Draw(CitationCorpus corpus)
    {
        var graph = Graph.Works(corpus, minEdge: 1, minCitations: 2);
        var shown = graph.Top(MaxNodes);
        if (shown.Nodes.Count < 2 || shown.Edges.Count == 0)
            return (null, $"{N(corpus.Works.Count)} works in {N(corpus.Bibliographies.Count)} bibliographies; none is cited together with another by two or more of them.");
        var layout = ForceLayout.Compute(shown, new ForceLayoutOptions { MaxNodes = MaxNodes });
        var svg = SvgNetwork.Render(layout, new SvgOptions { Title = "Works cited together in the bibliographies of this run" });
        var caption = $"The {N(shown.Nodes.Count)} works{(graph.Nodes.Count > shown.Nodes.Count ? $" most cited of the {N(graph.Nodes.Count)}" : "")} " +
            $"cited by at least two of the {N(corpus.Bibliographies.Count)} bibliographies ({N(corpus.Works.Count)} works in all); " +
            "a circle's size is how many bibliographies cite the work, a line joins two works cited by the same bibliography and is heavier the more bibliographies do.";
        return (svg, caption);
    }

    /// <summary>The work as people read it: "Family Year, Title" from its most complete variant.</summary>
    private static WorkNode Node(string id, IReadOnlyList<Reference> variants)
    {
        var rep = variants.OrderByDescending(r => r.Title is not null).ThenByDescending(r => r.Creators.Count)
            .ThenBy(r => r.Id, StringComparer.Ordinal).First();
        var authors = rep.Creators.Where(n => !n.IsOthers)
            .Select(n => n.Literal ?? (string.IsNullOrEmpty(n.Given) ? n.FamilyWithParticles : n.FamilyWithParticles + ", " + n.Given)).ToList();
        var year = variants.Select(r => r.Issued?.Year).FirstOrDefault(y => y is not null);
        var family = rep.Creators.FirstOrDefault() is { } first ? first.Literal ?? first.FamilyWithParticles : null;
        var title = rep.Title is { } t ? (t.Contains('<') ? RichText.ToPlain(t) : t) : rep.Id;
        var who = string.Join(" ", new[] { family, year?.ToString(CultureInfo.InvariantCulture) }.Where(s => !string.IsNullOrEmpty(s)));
        return new WorkNode(id, who.Length == 0 ? title : who + ", " + title, year, authors);
    }

    private static string N(int n) => n.ToString("N0", CultureInfo.InvariantCulture);
}
