namespace CiteWeb.Core.Works;

/// <summary>One work: the indices of its references and the id it is known by.</summary>
public sealed record WorkCluster(string Id, IReadOnlyList<int> Members, bool YearsDiffer);

/// <summary>
/// Groups references into works. The result depends only on the set of references, never on their order:
/// references are joined by connected components (same DOI; same name-title key with years chained at most one
/// apart), and each work's id is derived from the smallest identity key among its members, so the same corpus
/// gives the same ids on every run, whichever file was indexed first. An id changes only when the corpus
/// changes what the work is (a new variant with an earlier year, or a DOI joining two groups).
/// </summary>
public static class WorkClusterer
{
    public static List<WorkCluster> Cluster(IReadOnlyList<WorkFeatures> features)
    {
        int n = features.Count;
        var parent = new int[n];
        for (int i = 0; i < n; i++) parent[i] = i;
        int Find(int x) { while (parent[x] != x) { parent[x] = parent[parent[x]]; x = parent[x]; } return x; }
        void Union(int a, int b) { a = Find(a); b = Find(b); if (a != b) { if (a < b) parent[b] = a; else parent[a] = b; } }

        var byDoi = new Dictionary<string, int>(StringComparer.Ordinal);
        var byFallback = new Dictionary<string, int>(StringComparer.Ordinal);
        var byTitle = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (int i = 0; i < n; i++)
        {
            var f = features[i];
            if (f.Doi is { } doi)
            {
                if (byDoi.TryGetValue(doi, out var other)) Union(i, other); else byDoi[doi] = i;
            }
            var key = f.NameTitleKey;
            if (key.Length > 0)
            {
                if (!byTitle.TryGetValue(key, out var list)) byTitle[key] = list = [];
                list.Add(i);
            }
            else if (f.Doi is null)
            {
                if (byFallback.TryGetValue(f.Fallback, out var other)) Union(i, other); else byFallback[f.Fallback] = i;
            }
        }
        foreach (var group in byTitle.Values) JoinByYear(group, features, Union);

        var members = new Dictionary<int, List<int>>();
        for (int i = 0; i < n; i++)
        {
            int root = Find(i);
            if (!members.TryGetValue(root, out var list)) members[root] = list = [];
            list.Add(i);
        }
        var clusters = new List<WorkCluster>(members.Count);
        foreach (var list in members.Values)
        {
            // The canonical key: the smallest name-title key (with the work's earliest year), else the smallest DOI,
            // else the smallest folded raw text. Each is a property of the set, not of an order.
            int? minYear = null;
            string? titleKey = null, doi = null, fallback = null;
            int titleOwner = -1;
            bool yearsDiffer = false;
            foreach (int i in list)
            {
                var f = features[i];
                if (f.Year is { } y)
                {
                    if (minYear is { } m && m != y) yearsDiffer = true;
                    minYear = minYear is null ? y : Math.Min(minYear.Value, y);
                }
                if (f.NameTitleKey.Length > 0 && (titleKey is null || string.CompareOrdinal(f.NameTitleKey, titleKey) < 0)) { titleKey = f.NameTitleKey; titleOwner = i; }
                if (f.Doi is { } d && (doi is null || string.CompareOrdinal(d, doi) < 0)) doi = d;
                if (fallback is null || string.CompareOrdinal(f.Fallback, fallback) < 0) fallback = f.Fallback;
            }
            string id;
            if (titleKey is not null)
            {
                var owner = features[titleOwner];
                id = WorkIdentity.MakeId(owner.Family, minYear, owner.TitleKey, titleKey + "|" + minYear);
            }
            else if (doi is not null) id = WorkIdentity.MakeId("doi", minYear, "", "doi|" + doi);
            else id = WorkIdentity.MakeId(features[list[0]].Family, minYear, fallback!, "raw|" + fallback);
            clusters.Add(new WorkCluster(id, list, yearsDiffer));
        }
        clusters.Sort((a, b) => string.CompareOrdinal(a.Id, b.Id));
        return clusters;
    }

    /// <summary>
    /// Within one name-title group, the distinct years are sorted and chained where neighbours are at most one
    /// apart; each chain is one work. References without a year join the chain with the most references (the
    /// earliest on a tie), so they too are placed by the set alone.
    /// </summary>
    private static void JoinByYear(List<int> group, IReadOnlyList<WorkFeatures> features, Action<int, int> union)
    {
        if (group.Count == 1) return;
        var years = group.Where(i => features[i].Year is not null).Select(i => features[i].Year!.Value).Distinct().Order().ToList();
        if (years.Count <= 1)
        {
            foreach (int i in group) union(group[0], i);
            return;
        }
        var chainOf = new Dictionary<int, int>();
        int chain = 0;
        for (int k = 0; k < years.Count; k++)
        {
            if (k > 0 && years[k] - years[k - 1] > 1) chain++;
            chainOf[years[k]] = chain;
        }
        var firstOfChain = new int[chain + 1];
        var sizes = new int[chain + 1];
        Array.Fill(firstOfChain, -1);
        foreach (int i in group)
        {
            if (features[i].Year is not { } y) continue;
            int c = chainOf[y];
            sizes[c]++;
            if (firstOfChain[c] < 0) firstOfChain[c] = i; else union(firstOfChain[c], i);
        }
        int biggest = 0;
        for (int c = 1; c <= chain; c++) if (sizes[c] > sizes[biggest]) biggest = c;
        foreach (int i in group)
            if (features[i].Year is null) union(firstOfChain[biggest], i);
    }
}
