using System.Text.Json;
using CiteWeb.Core.Network;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.QueryParsers.Classic;
using Lucene.Net.Search;
using Lucene.Net.Search.Highlight;
using Lucene.Net.Util;
using F = CiteWeb.Index.IndexFields;

namespace CiteWeb.Index;

/// <summary>One search hit: a work, its representative key, title, authors and year, the Lucene score, the
/// bibliographies citing it, and a highlighted snippet (matches in [brackets]).</summary>
public sealed record SearchHit(string Work, string Key, string Title, IReadOnlyList<string> Authors, int? Year, float Score, IReadOnlyList<string> CitedBy, string? Snippet);

/// <summary>A work as stored: id, representative key, title, authors, year, citing bibliographies and variants.</summary>
public sealed record WorkRecord(string Id, string Key, string Title, IReadOnlyList<string> Authors, int? Year, IReadOnlyList<string> CitedBy, bool YearsDiffer, IReadOnlyList<WorkVariant> Variants)
{
    /// <summary>"West 2019, Discriminating Systems".</summary>
    public string Label => MakeLabel(Authors, Year, Title);

    internal static string MakeLabel(IReadOnlyList<string> authors, int? year, string title)
    {
        var family = authors.Count == 0 ? "" : authors[0].Split(',')[0];
        var head = (family + (year is { } y ? " " + y : "")).Trim();
        return head.Length == 0 ? title : head + ", " + title;
    }
}

/// <summary>A bibliography as stored.</summary>
public sealed record BibliographyRecord(string Id, string Label, string Path, string Hash, string Format, int References);

public sealed partial class CitationIndex
{
    /// <summary>Lucene query syntax over the work fields; <c>year:[2018 TO 2023]</c> is a numeric range.</summary>
    public IReadOnlyList<SearchHit> Search(string query, int limit)
    {
        var parser = new WorkQueryParser(_analyzer) { DefaultOperator = Operator.AND };
        Query q;
        try { q = parser.Parse(query); }
        catch (ParseException e) { throw new QuerySyntaxException(e.Message); }
        var searcher = new IndexSearcher(Reader);
        // Only work documents carry the searched fields; the filter keeps a field-less query (*:*) to works too.
        var top = searcher.Search(q, new QueryWrapperFilter(new TermQuery(new Term(F.Kind, F.KindWork))), Math.Max(1, limit));
        var highlighter = new Highlighter(new SimpleHTMLFormatter("[", "]"), new QueryScorer(q));
        var hits = new List<SearchHit>(top.ScoreDocs.Length);
        foreach (var sd in top.ScoreDocs)
        {
            var w = ReadWork(searcher.Doc(sd.Doc));
            string? snippet = null;
            foreach (var (field, text) in new[] { (F.Title, w.Title), (F.Author, string.Join("; ", w.Authors)) }.Concat(w.Variants.Select(v => (F.Title, v.Title ?? ""))))
            {
                if (text.Length == 0) continue;
                var fragment = highlighter.GetBestFragment(_analyzer, field, text);
                if (fragment is not null) { snippet = fragment; break; }
            }
            hits.Add(new SearchHit(w.Id, w.Key, w.Title, w.Authors, w.Year, sd.Score, w.CitedBy, snippet));
        }
        return hits;
    }

    /// <summary>The work with this id, or whose variants include this citation key (case-insensitive).</summary>
    public WorkRecord? FindWork(string idOrKey)
    {
        var searcher = new IndexSearcher(Reader);
        foreach (var q in new Query[] { new TermQuery(new Term(F.Work, idOrKey)), new TermQuery(new Term("ref_key", idOrKey.ToLowerInvariant())) })
        {
            var top = searcher.Search(q, 2);
            if (top.TotalHits > 0) return ReadWork(searcher.Doc(top.ScoreDocs[0].Doc));
        }
        return null;
    }

    /// <summary>The best match for a title (all its words, folded).</summary>
    public WorkRecord? FindWorkByTitle(string title)
    {
        var hits = Search(F.Title + ":(" + QueryParserBase.Escape(title) + ")", 1);
        return hits.Count == 0 ? null : FindWork(hits[0].Work);
    }

    /// <summary>
    /// Works co-cited with <paramref name="target"/>, counted straight from the index: for each bibliography citing
    /// the target, one counter per work it cites, taken from <see cref="CitingTable"/> (the works'
    /// <see cref="IndexFields.CitedBy"/> postings turned around once per reader); c_j comes from doc values. Only the
    /// rows shown are read. The strengths are <see cref="CoCitation"/>'s, so the numbers equal the in-memory engine's.
    /// </summary>
    public CoCitationResult CoCite(WorkRecord target, CoCitationOptions options)
    {
        var reader = Reader;
        var table = CitingTable(reader);
        var ordinalCounts = new int[table.Docs.Length];
        foreach (var b in target.CitedBy)
            if (table.WorksOf.TryGetValue(b, out var cited))
                foreach (int w in cited) ordinalCounts[w]++;
        int targetDoc = -1;
        var workTerm = new BytesRef(target.Id);
        var citations = new NumericDocValues?[reader.Leaves.Count];
        foreach (var leaf in reader.Leaves)
        {
            var atomic = leaf.AtomicReader;
            citations[leaf.Ord] = atomic.GetNumericDocValues(F.Citations);
            var workTerms = atomic.GetTerms(F.Work)?.GetEnumerator();
            if (workTerms is not null && workTerms.SeekExact(workTerm))
            {
                var d = workTerms.Docs(atomic.LiveDocs, null, DocsFlags.NONE);
                int doc = d.NextDoc();
                if (doc != DocIdSetIterator.NO_MORE_DOCS) targetDoc = leaf.DocBase + doc;
            }
        }
        int n = BibliographyCount();
        int ci = target.CitedBy.Count;
        var rows = new List<(int Doc, int Count, double Strength)>();
        var leaves = reader.Leaves;
        for (int w = 0; w < ordinalCounts.Length; w++)
        {
            int c = ordinalCounts[w], doc = table.Docs[w];
            if (c == 0 || c < options.Min || doc == targetDoc) continue;
            int leafIndex = ReaderUtil.SubIndex(doc, leaves);
            int cj = (int)(citations[leafIndex]?.Get(doc - leaves[leafIndex].DocBase) ?? 0);
            rows.Add((doc, c, CoCitation.Strength(options.Measure, c, ci, cj, n)));
        }
        rows.Sort((p, q) => q.Count != p.Count ? q.Count.CompareTo(p.Count) : q.Strength != p.Strength ? q.Strength.CompareTo(p.Strength) : p.Doc.CompareTo(q.Doc));
        // Ties at the cut are broken by label, then id, as the in-memory engine does: the rows tied with the last
        // one shown are read too (labels and ids come from doc values; no stored document is loaded).
        int take = options.Top is int t && t >= 0 && rows.Count > t ? t : rows.Count;
        int until = take;
        while (until < rows.Count && take > 0 && rows[until].Count == rows[take - 1].Count && rows[until].Strength == rows[take - 1].Strength) until++;
        var labels = new BinaryDocValues?[leaves.Count];
        var ids = new BinaryDocValues?[leaves.Count];
        foreach (var leaf in leaves)
        {
            labels[leaf.Ord] = leaf.AtomicReader.GetBinaryDocValues(WorkLabelValues);
            ids[leaf.Ord] = leaf.AtomicReader.GetBinaryDocValues(WorkIdValues);
        }
        var bytes = new BytesRef();
        string Read(BinaryDocValues?[] values, int doc)
        {
            int i = ReaderUtil.SubIndex(doc, leaves);
            values[i]!.Get(doc - leaves[i].DocBase, bytes);
            return bytes.Utf8ToString();
        }
        var items = rows.Take(until).Select(r => new RankedItem(Read(ids, r.Doc), Read(labels, r.Doc), r.Count, r.Strength)).ToList();
        items.Sort(static (p, q) =>
        {
            int r = q.Count.CompareTo(p.Count);
            if (r == 0) r = q.Strength.CompareTo(p.Strength);
            if (r == 0) r = string.CompareOrdinal(p.Label, q.Label);
            if (r == 0) r = string.CompareOrdinal(p.Id, q.Id);
            return r;
        });
        return new CoCitationResult(target.Id, target.Label, ci, items.Take(take).ToList(), TargetStatus.Found, []);
    }

    /// <summary>Each bibliography's cited works, as ordinals into <see cref="Docs"/> (work documents in doc id order).</summary>
    private sealed record CitingIndex(IndexReader Reader, int[] Docs, Dictionary<string, int[]> WorksOf);

    private CitingIndex? _citing;

    /// <summary>The bibliography → works table of <paramref name="reader"/>, built on first use by one pass over the
    /// <see cref="IndexFields.CitedBy"/> terms and kept while the reader is current.</summary>
    private CitingIndex CitingTable(DirectoryReader reader)
    {
        if (_citing is { } cached && ReferenceEquals(cached.Reader, reader)) return cached;
        var docs = new List<int>();
        var ordinal = new Dictionary<int, int>();
        var worksOf = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        int Ordinal(int doc)
        {
            if (!ordinal.TryGetValue(doc, out var o)) { ordinal[doc] = o = docs.Count; docs.Add(doc); }
            return o;
        }
        foreach (var leaf in reader.Leaves)
        {
            var atomic = leaf.AtomicReader;
            var terms = atomic.GetTerms(F.CitedBy)?.GetEnumerator();
            if (terms is null) continue;
            DocsEnum? postings = null;
            while (terms.MoveNext())
            {
                var bib = terms.Term.Utf8ToString();
                if (!worksOf.TryGetValue(bib, out var list)) worksOf[bib] = list = [];
                postings = terms.Docs(atomic.LiveDocs, postings, DocsFlags.NONE);
                int doc;
                while ((doc = postings.NextDoc()) != DocIdSetIterator.NO_MORE_DOCS) list.Add(Ordinal(leaf.DocBase + doc));
            }
        }
        var table = new CitingIndex(reader, [.. docs], worksOf.ToDictionary(p => p.Key, p => p.Value.ToArray(), StringComparer.Ordinal));
        _citing = table;
        return table;
    }

    /// <summary>The number of bibliographies in the index.</summary>
    public int BibliographyCount() => Reader.DocFreq(new Term(F.Kind, F.KindBibliography));

    public IReadOnlyList<BibliographyRecord> Bibliographies()
    {
        var searcher = new IndexSearcher(Reader);
        var docs = new List<int>();
        searcher.Search(new TermQuery(new Term(F.Kind, F.KindBibliography)), new DocCollector(docs));
        return docs.Select(d => searcher.Doc(d)).Select(doc => new BibliographyRecord(doc.Get(F.Bibliography), doc.Get(F.Label), doc.Get(F.Path),
            doc.Get(F.Hash), doc.Get(F.Format), doc.GetField(F.Count).GetInt32Value() ?? 0)).OrderBy(b => b.Id, StringComparer.Ordinal).ToList();
    }

    /// <summary>Every work, in id order.</summary>
    public IEnumerable<WorkRecord> Works()
    {
        var searcher = new IndexSearcher(Reader);
        var docs = new List<int>();
        searcher.Search(new TermQuery(new Term(F.Kind, F.KindWork)), new DocCollector(docs));
        return docs.Select(d => ReadWork(searcher.Doc(d))).OrderBy(w => w.Id, StringComparer.Ordinal);
    }

    /// <summary>The whole corpus for the in-memory engine (author co-citation, coupling, graphs).</summary>
    public CitationCorpus ToCorpus()
    {
        var works = Works().ToList();
        var citing = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var w in works)
            foreach (var b in w.CitedBy)
            {
                if (!citing.TryGetValue(b, out var list)) citing[b] = list = [];
                list.Add(w.Id);
            }
        var bibliographies = Bibliographies().Select(b => new CitingDocument(b.Id, b.Label, citing.GetValueOrDefault(b.Id) ?? []));
        return new CitationCorpus(bibliographies, works.Select(w => new WorkNode(w.Id, w.Label, w.Year, w.Authors)));
    }

    private static WorkRecord ReadWork(Document doc)
    {
        var variants = doc.Get(F.Variants) is { } json ? JsonSerializer.Deserialize(json, IndexJson.Default.ListWorkVariant)! : [];
        return new WorkRecord(doc.Get(F.Work), doc.Get(F.Key), doc.Get(F.Title), doc.GetValues(F.Author),
            doc.GetField(F.Year)?.GetInt32Value(), doc.GetValues(F.CitedBy), doc.GetField(F.YearsDiffer)?.GetInt32Value() == 1, variants);
    }

    /// <summary>Query parser over the work fields: unfielded terms search <see cref="IndexFields.DefaultSearch"/>;
    /// <c>year</c> ranges and terms are numeric; <c>doi</c> is matched whole and lower-cased.</summary>
    private sealed class WorkQueryParser(CiteAnalyzer analyzer) : MultiFieldQueryParser(CiteAnalyzer.Version, F.DefaultSearch, analyzer)
    {
        protected override Query GetRangeQuery(string field, string part1, string part2, bool startInclusive, bool endInclusive)
        {
            if (field == F.Year)
            {
                int? lo = int.TryParse(part1, out var a) ? a : null;
                int? hi = int.TryParse(part2, out var b) ? b : null;
                return NumericRangeQuery.NewInt32Range(F.Year, lo, hi, startInclusive, endInclusive);
            }
            return base.GetRangeQuery(field, part1, part2, startInclusive, endInclusive);
        }

        protected override Query GetFieldQuery(string field, string queryText, bool quoted)
        {
            if (field == F.Year && int.TryParse(queryText, out var y)) return NumericRangeQuery.NewInt32Range(F.Year, y, y, true, true);
            if (field == F.Doi) return new TermQuery(new Term(F.Doi, Core.Works.WorkIdentity.NormaliseDoi(queryText) ?? queryText.ToLowerInvariant()));
            return base.GetFieldQuery(field, queryText, quoted);
        }
    }
}

/// <summary>A search query Lucene cannot parse; the CLI reports it as a usage error.</summary>
public sealed class QuerySyntaxException(string message) : Exception(message);
