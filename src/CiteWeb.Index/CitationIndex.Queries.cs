using System.Buffers;
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
        var highlighter = new Highlighter(new SimpleHTMLFormatter("[", "]"), new QueryScorer(WithoutNumericRanges(q)));
        var hits = new List<SearchHit>(top.ScoreDocs.Length);
        foreach (var sd in top.ScoreDocs)
        {
            // The variants (as many as the work has citing references) are read only when neither the title nor the
            // authors hold a match to highlight; each distinct variant title is tried once.
            var doc = searcher.Doc(sd.Doc, SearchFields);
            var w = ReadWork(doc, []);
            string? snippet = null;
            foreach (var (field, text) in new[] { (F.Title, w.Title), (F.Author, string.Join("; ", w.Authors)) })
                if (Highlight(field, text) is { } fragment) { snippet = fragment; break; }
            if (snippet is null)
                foreach (var title in VariantsOf(searcher, sd.Doc, w.Id).Select(v => v.Title ?? "").Distinct(StringComparer.Ordinal))
                    if (Highlight(F.Title, title) is { } fragment) { snippet = fragment; break; }
            hits.Add(new SearchHit(w.Id, w.Key, w.Title, w.Authors, w.Year, sd.Score, w.CitedBy, snippet));
        }
        return hits;

        string? Highlight(string field, string text) => text.Length == 0 ? null : highlighter.GetBestFragment(_analyzer, field, text);
    }

    /// <summary>
    /// <paramref name="query"/> without its numeric (year) ranges, for the highlighter: their terms are prefix-coded
    /// numbers, which no analysed title or author token can equal, so they never highlight anything; but the
    /// highlighter would rewrite them against every text it highlights, which costs more than the rest of the search.
    /// </summary>
    private static Query WithoutNumericRanges(Query query)
    {
        if (query is not BooleanQuery boolean) return query;
        var stripped = new BooleanQuery(boolean.CoordDisabled) { Boost = boolean.Boost, MinimumNumberShouldMatch = boolean.MinimumNumberShouldMatch };
        foreach (var clause in boolean.Clauses)
            if (clause.Query is not NumericRangeQuery<int>) stripped.Add(WithoutNumericRanges(clause.Query), clause.Occur);
        return stripped;
    }

    /// <summary>The stored fields of a work document a search hit shows (all but the variants an index written
    /// before variants had their own document holds; the citing bibliographies in either form).</summary>
    private static readonly ISet<string> SearchFields = new HashSet<string> { F.Work, F.Key, F.Title, F.Author, F.Year, F.CitedBy, F.CitedByIds, F.YearsDiffer };

    private static readonly ISet<string> VariantsField = new HashSet<string> { F.Variants };

    /// <summary>The variants of the work in document <paramref name="workDoc"/>: from its variants document, or, in an
    /// index written before those existed, from the work document itself.</summary>
    private static IReadOnlyList<WorkVariant> VariantsOf(IndexSearcher searcher, int workDoc, string workId)
    {
        var top = searcher.Search(new TermQuery(new Term(F.VariantsOf, workId)), 1);
        var json = top.TotalHits > 0 ? searcher.Doc(top.ScoreDocs[0].Doc, VariantsField).Get(F.Variants) : searcher.Doc(workDoc, VariantsField).Get(F.Variants);
        return json is null ? [] : Variants(json);
    }

    /// <summary>The work with this id, or whose variants include this citation key (case-insensitive).</summary>
    public WorkRecord? FindWork(string idOrKey)
    {
        var searcher = new IndexSearcher(Reader);
        foreach (var q in new Query[] { new TermQuery(new Term(F.Work, idOrKey)), new TermQuery(new Term("ref_key", idOrKey.ToLowerInvariant())) })
        {
            var top = searcher.Search(q, 2);
            if (top.TotalHits > 0)
            {
                int doc = top.ScoreDocs[0].Doc;
                var stored = searcher.Doc(doc);
                return ReadWork(stored, VariantsOf(searcher, doc, stored.Get(F.Work)));
            }
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
    /// <see cref="IndexFields.CitedBy"/> postings turned around once per reader, with each work's c_j), or, for a work
    /// cited by few bibliographies asked before the table exists, from those bibliographies' postings alone. With the
    /// table only the rows that can be shown are read and sorted. The strengths are <see cref="CoCitation"/>'s and the
    /// order is <see cref="CoCitation.Rank"/>'s, so the rows equal the in-memory engine's.
    /// </summary>
    public CoCitationResult CoCite(WorkRecord target, CoCitationOptions options)
    {
        var reader = Reader;
        var names = new WorkNames(reader);
        bool tabled = _citing is { } cached && ReferenceEquals(cached.Reader, reader);
        var rows = tabled || target.CitedBy.Count > DirectCountLimit
            ? CountFromTable(reader, CitingTable(reader), target, options, names)
            : CountDirectly(reader, target, options, names);
        return new CoCitationResult(target.Id, target.Label, target.CitedBy.Count, CoCitation.Rank(rows, options.Top), TargetStatus.Found, []);
    }

    /// <summary>Up to this many citing bibliographies, a co-citation asked before the <see cref="CitingTable"/> exists
    /// is counted from the <see cref="IndexFields.CitedBy"/> postings of those bibliographies alone (a term seek each
    /// per segment), so a process answering one query about a rarely cited work does not build the whole table.</summary>
    internal int DirectCountLimit { get; set; } = 1000;

    /// <summary>The rows that can be shown, counted with the table: a bounded heap finds the count and strength of the
    /// last row shown, then every row at or above it is read (the rows tied with it too: <see cref="CoCitation.Rank"/>
    /// orders ties by label, then id, as the in-memory engine does).</summary>
    private List<RankedItem> CountFromTable(DirectoryReader reader, CitingIndex table, WorkRecord target, CoCitationOptions options, WorkNames names)
    {
        int n = BibliographyCount();
        int ci = target.CitedBy.Count;
        int works = table.Docs.Length;
        int targetOrdinal = TargetDoc(reader, target.Id) is int targetDoc and >= 0 ? Array.BinarySearch(table.Docs, targetDoc) : -1;
        int min = Math.Max(1, options.Min);
        int take = options.Top is int t && t >= 0 ? t : int.MaxValue;
        if (take == 0) return [];
        var counts = ArrayPool<int>.Shared.Rent(Math.Max(1, works));
        try
        {
            Array.Clear(counts, 0, works);
            foreach (var b in target.CitedBy)
                if (table.Rows.TryGetValue(b, out var row))
                    for (int i = table.Start[row], end = table.Start[row + 1]; i < end; i++) counts[table.Works[i]]++;
            if (targetOrdinal >= 0) counts[targetOrdinal] = 0;

            // The (count, strength) of the last row shown: the smallest of the best `take` rows.
            var best = new PriorityQueue<int, (int Count, double Strength)>(Math.Min(take, 1024), RowKey.Ascending);
            int candidates = 0;
            for (int w = 0; w < works; w++)
            {
                int c = counts[w];
                if (c < min) continue;
                candidates++;
                if (take == int.MaxValue) continue;
                var key = (c, CoCitation.Strength(options.Measure, c, ci, table.Citations[w], n));
                if (best.Count < take) best.Enqueue(w, key);
                else if (RowKey.Ascending.Compare(key, PeekKey(best)) > 0) best.EnqueueDequeue(w, key);
            }
            (int Count, double Strength) cut = take == int.MaxValue || candidates <= take ? (min, double.NegativeInfinity) : PeekKey(best);

            var items = new List<RankedItem>();
            for (int w = 0; w < works; w++)
            {
                int c = counts[w];
                if (c < min || c < cut.Count) continue;
                double strength = CoCitation.Strength(options.Measure, c, ci, table.Citations[w], n);
                if (RowKey.Ascending.Compare((c, strength), cut) >= 0) items.Add(names.Item(table.Docs[w], c, strength));
            }
            return items;
        }
        finally
        {
            ArrayPool<int>.Shared.Return(counts);
        }

        static (int Count, double Strength) PeekKey(PriorityQueue<int, (int Count, double Strength)> queue) =>
            queue.TryPeek(out _, out var key) ? key : default;
    }

    /// <summary>Every row, counted from the postings of the target's citing bibliographies (few: see <see cref="DirectCountLimit"/>).</summary>
    private List<RankedItem> CountDirectly(DirectoryReader reader, WorkRecord target, CoCitationOptions options, WorkNames names)
    {
        var counts = new Dictionary<int, int>();
        var bibs = target.CitedBy.Select(b => new BytesRef(b)).ToList();
        foreach (var leaf in reader.Leaves)
        {
            var atomic = leaf.AtomicReader;
            var terms = atomic.GetTerms(F.CitedBy)?.GetEnumerator();
            if (terms is null) continue;
            DocsEnum? postings = null;
            foreach (var b in bibs)
            {
                if (!terms.SeekExact(b)) continue;
                postings = terms.Docs(atomic.LiveDocs, postings, DocsFlags.NONE);
                int doc;
                while ((doc = postings.NextDoc()) != DocIdSetIterator.NO_MORE_DOCS)
                    counts[leaf.DocBase + doc] = counts.GetValueOrDefault(leaf.DocBase + doc) + 1;
            }
        }
        counts.Remove(TargetDoc(reader, target.Id));
        int n = BibliographyCount();
        int ci = target.CitedBy.Count;
        int min = Math.Max(1, options.Min);
        var citations = reader.Leaves.Select(l => l.AtomicReader.GetNumericDocValues(F.Citations)).ToArray();
        var items = new List<RankedItem>();
        foreach (var (doc, c) in counts)
        {
            if (c < min) continue;
            int leaf = ReaderUtil.SubIndex(doc, reader.Leaves);
            int cj = (int)(citations[leaf]?.Get(doc - reader.Leaves[leaf].DocBase) ?? 0);
            items.Add(names.Item(doc, c, CoCitation.Strength(options.Measure, c, ci, cj, n)));
        }
        return items;
    }

    /// <summary>The live document of the work with this id, or -1.</summary>
    private static int TargetDoc(DirectoryReader reader, string workId)
    {
        var term = new BytesRef(workId);
        foreach (var leaf in reader.Leaves)
        {
            var atomic = leaf.AtomicReader;
            var terms = atomic.GetTerms(F.Work)?.GetEnumerator();
            if (terms is null || !terms.SeekExact(term)) continue;
            int doc = terms.Docs(atomic.LiveDocs, null, DocsFlags.NONE).NextDoc();
            if (doc != DocIdSetIterator.NO_MORE_DOCS) return leaf.DocBase + doc;
        }
        return -1;
    }

    /// <summary>Work ids and labels from doc values (no stored document is loaded).</summary>
    private sealed class WorkNames
    {
        private readonly IList<AtomicReaderContext> _leaves;
        private readonly BinaryDocValues?[] _ids, _labels;
        private readonly BytesRef _bytes = new();

        public WorkNames(DirectoryReader reader)
        {
            _leaves = reader.Leaves;
            _ids = [.. _leaves.Select(l => l.AtomicReader.GetBinaryDocValues(WorkIdValues))];
            _labels = [.. _leaves.Select(l => l.AtomicReader.GetBinaryDocValues(WorkLabelValues))];
        }

        public RankedItem Item(int doc, int count, double strength) => new(Read(_ids, doc), Read(_labels, doc), count, strength);

        private string Read(BinaryDocValues?[] values, int doc)
        {
            int i = ReaderUtil.SubIndex(doc, _leaves);
            values[i]!.Get(doc - _leaves[i].DocBase, _bytes);
            return _bytes.Utf8ToString();
        }
    }

    /// <summary>Orders co-citation rows by count, then strength (ascending: the heap's root is the weakest row kept).</summary>
    private sealed class RowKey : IComparer<(int Count, double Strength)>
    {
        public static readonly RowKey Ascending = new();

        public int Compare((int Count, double Strength) x, (int Count, double Strength) y)
        {
            int r = x.Count.CompareTo(y.Count);
            return r != 0 ? r : x.Strength.CompareTo(y.Strength);
        }
    }

    /// <summary>
    /// Each bibliography's cited works as ordinals into <see cref="Docs"/> (the work documents in doc id order), in
    /// compressed rows: bibliography <c>Rows[id]</c> cites <c>Works[Start[row] .. Start[row + 1]]</c>.
    /// <see cref="Citations"/> is each work's c_j from its doc values.
    /// </summary>
    private sealed record CitingIndex(IndexReader Reader, int[] Docs, int[] Citations, Dictionary<string, int> Rows, int[] Start, int[] Works);

    private CitingIndex? _citing;

    /// <summary>The bibliography → works table of <paramref name="reader"/>, built on first use by one pass over the
    /// work documents and one over the <see cref="IndexFields.CitedBy"/> terms, and kept while the reader is current.</summary>
    private CitingIndex CitingTable(DirectoryReader reader)
    {
        if (_citing is { } cached && ReferenceEquals(cached.Reader, reader)) return cached;
        // Ordinals: the live work documents in doc id order, with their citation counts.
        var docs = new List<int>();
        var citations = new List<int>();
        var ordinalOf = new int[reader.MaxDoc];
        var workTerm = new BytesRef(F.KindWork);
        foreach (var leaf in reader.Leaves)
        {
            var atomic = leaf.AtomicReader;
            var kinds = atomic.GetTerms(F.Kind)?.GetEnumerator();
            if (kinds is null || !kinds.SeekExact(workTerm)) continue;
            var values = atomic.GetNumericDocValues(F.Citations);
            var postings = kinds.Docs(atomic.LiveDocs, null, DocsFlags.NONE);
            int doc;
            while ((doc = postings.NextDoc()) != DocIdSetIterator.NO_MORE_DOCS)
            {
                ordinalOf[leaf.DocBase + doc] = docs.Count + 1;
                docs.Add(leaf.DocBase + doc);
                citations.Add((int)(values?.Get(doc) ?? 0));
            }
        }
        // (row, ordinal) pairs from the cited_by postings, then grouped by row.
        var rows = new Dictionary<string, int>(StringComparer.Ordinal);
        var pairRow = new List<int>();
        var pairWork = new List<int>();
        foreach (var leaf in reader.Leaves)
        {
            var atomic = leaf.AtomicReader;
            var terms = atomic.GetTerms(F.CitedBy)?.GetEnumerator();
            if (terms is null) continue;
            DocsEnum? postings = null;
            while (terms.MoveNext())
            {
                var bib = terms.Term.Utf8ToString();
                if (!rows.TryGetValue(bib, out var row)) rows[bib] = row = rows.Count;
                postings = terms.Docs(atomic.LiveDocs, postings, DocsFlags.NONE);
                int doc;
                while ((doc = postings.NextDoc()) != DocIdSetIterator.NO_MORE_DOCS)
                {
                    int ordinal = ordinalOf[leaf.DocBase + doc] - 1;
                    if (ordinal < 0) continue;
                    pairRow.Add(row);
                    pairWork.Add(ordinal);
                }
            }
        }
        var start = new int[rows.Count + 1];
        foreach (int r in pairRow) start[r + 1]++;
        for (int r = 0; r < rows.Count; r++) start[r + 1] += start[r];
        var next = start[..^1];
        var works = new int[pairWork.Count];
        for (int i = 0; i < pairRow.Count; i++) works[next[pairRow[i]]++] = pairWork[i];
        var table = new CitingIndex(reader, [.. docs], [.. citations], rows, start, works);
        _citing = table;
        return table;
    }

    /// <summary>The number of bibliographies in the index.</summary>
    /// <remarks>Counted over the live documents: a term's document frequency still counts the documents of a
    /// bibliography indexed again until their segment is merged away, which made N (and so association strength)
    /// depend on the index's history. Kept per reader.</remarks>
    public int BibliographyCount()
    {
        var reader = Reader;
        if (_bibliographyCount is { } cached && ReferenceEquals(cached.Reader, reader)) return cached.Count;
        int count = 0;
        var term = new BytesRef(F.KindBibliography);
        foreach (var leaf in reader.Leaves)
        {
            var kinds = leaf.AtomicReader.GetTerms(F.Kind)?.GetEnumerator();
            if (kinds is null || !kinds.SeekExact(term)) continue;
            var postings = kinds.Docs(leaf.AtomicReader.LiveDocs, null, DocsFlags.NONE);
            while (postings.NextDoc() != DocIdSetIterator.NO_MORE_DOCS) count++;
        }
        _bibliographyCount = (reader, count);
        return count;
    }

    private (IndexReader Reader, int Count)? _bibliographyCount;

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
        var variantDocs = new List<int>();
        searcher.Search(new TermQuery(new Term(F.Kind, F.KindVariants)), new DocCollector(variantDocs));
        var variants = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var d in variantDocs)
        {
            var doc = searcher.Doc(d);
            variants[doc.Get(F.VariantsOf)] = doc.Get(F.Variants);
        }
        return docs.Select(d => searcher.Doc(d)).Select(doc => ReadWork(doc,
                variants.TryGetValue(doc.Get(F.Work), out var json) ? Variants(json) : doc.Get(F.Variants) is { } old ? Variants(old) : []))
            .OrderBy(w => w.Id, StringComparer.Ordinal);
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

    private static WorkRecord ReadWork(Document doc, IReadOnlyList<WorkVariant> variants) =>
        new(doc.Get(F.Work), doc.Get(F.Key), doc.Get(F.Title), doc.GetValues(F.Author),
            doc.GetField(F.Year)?.GetInt32Value(), CitedByOf(doc), doc.GetField(F.YearsDiffer)?.GetInt32Value() == 1, variants);

    /// <summary>The bibliographies citing a stored work: one JSON value, or (an index written before that) one field each.</summary>
    internal static IReadOnlyList<string> CitedByOf(Document doc) =>
        doc.Get(F.CitedByIds) is { } json ? JsonSerializer.Deserialize(json, IndexJson.Default.ListString)! : doc.GetValues(F.CitedBy);

    private static List<WorkVariant> Variants(string json) => JsonSerializer.Deserialize(json, IndexJson.Default.ListWorkVariant)!;

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
