using CiteWeb.Core.Works;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;
using System.Buffers;
using System.Security.Cryptography;
using System.Text.Json;
using F = CiteWeb.Index.IndexFields;

namespace CiteWeb.Index;

public sealed partial class CitationIndex
{
    /// <summary>Doc values of a work's id and label, read by co-citation without loading stored documents; and of the
    /// hash of everything its documents are made from, by which a rebuild leaves an unchanged work as it is.</summary>
    internal const string WorkIdValues = "work_dv", WorkLabelValues = "label_dv", WorkHashValues = "hash_dv";

    /// <summary>What a rebuild found: references read, works, works whose variants' years differ, and works whose
    /// documents were (re)written (the others were unchanged since the last rebuild and left as they were).</summary>
    public sealed record WorkStats(int References, int Works, int YearsDiffer, int Written);

    /// <summary>
    /// Rebuilds every work document from the references (those added by this instance from memory, the others from
    /// their stored documents): the clustering of
    /// <see cref="WorkClusterer"/> over the whole corpus (so ids do not depend on which file came first), then one
    /// commit that clears <see cref="IndexFields.WorksStale"/>. Only the works whose members changed are written: a
    /// work whose id and hash (<see cref="WorkHash"/>) are those of a work already in the index is left as it is, and
    /// works no longer formed are deleted, in the same commit (a run killed before it leaves the last commit whole).
    /// </summary>
    public WorkStats RebuildWorks()
    {
        var writer = Writer;
        Refresh();
        var reader = Reader;
        var searcher = new IndexSearcher(reader);
        // The references of every bibliography in the index, in bibliography id order: those this instance added
        // come from memory; only bibliographies indexed by an earlier run are read back from their stored JSON.
        var bibDocs = new List<int>();
        searcher.Search(new TermQuery(new Term(F.Kind, F.KindBibliography)), new DocCollector(bibDocs));
        var bibFields = new HashSet<string> { F.Bibliography };
        var bibIds = bibDocs.Select(d => reader.Document(d, bibFields).Get(F.Bibliography)).Order(StringComparer.Ordinal).ToList();
        var bibs = new List<string>();
        var data = new List<ReferenceData>();
        var dataField = new HashSet<string> { "data" };
        foreach (var id in bibIds)
        {
            if (!_added.TryGetValue(id, out var refs))
            {
                var docs = new List<int>();
                searcher.Search(new BooleanQuery
                {
                    { new TermQuery(new Term(F.Bibliography, id)), Occur.MUST },
                    { new TermQuery(new Term(F.Kind, F.KindReference)), Occur.MUST },
                }, new DocCollector(docs));
                docs.Sort();
                refs = [.. docs.Select(d => ReferenceData.FromJson(reader.Document(d, dataField).Get("data")))];
            }
            foreach (var r in refs) { bibs.Add(id); data.Add(r); }
        }
        var clusters = WorkClusterer.Cluster(data.Select(d => d.Features).ToList());

        // The works in the index, by id, with their hashes; null when some work has none (written before hashes were,
        // or another layout): then every work is rewritten.
        var existing = WorkHashes(reader);
        if (existing is null)
        {
            writer.DeleteDocuments(new Term(F.Kind, F.KindWork));
            writer.DeleteDocuments(new Term(F.Kind, F.KindVariants));
        }
        int yearsDiffer = 0, written = 0;
        var formed = new HashSet<string>(StringComparer.Ordinal);
        var hashBuffer = new ArrayBufferWriter<byte>();
        foreach (var cluster in clusters)
        {
            if (cluster.YearsDiffer) yearsDiffer++;
            formed.Add(cluster.Id);
            var members = cluster.Members.Select(i => (bibs[i], data[i])).ToList();
            var hash = WorkHash(cluster, members, hashBuffer);
            if (existing is not null && existing.TryGetValue(cluster.Id, out var old))
            {
                if (old == hash) continue;
                DeleteWork(writer, cluster.Id);
            }
            var (work, variants) = WorkDocument(cluster, members);
            work.Add(new BinaryDocValuesField(WorkHashValues, new BytesRef(hash)));
            writer.AddDocument(work);
            if (variants is not null) writer.AddDocument(variants);
            written++;
        }
        if (existing is not null)
            foreach (var gone in existing.Keys.Where(id => !formed.Contains(id))) DeleteWork(writer, gone);
        writer.SetCommitData(new Dictionary<string, string> { [F.WorksStale] = "false" });
        writer.Commit();
        // Committed: the references are in the index now, and holding them would double a large run's memory.
        _added.Clear();
        Refresh();
        return new WorkStats(data.Count, clusters.Count, yearsDiffer, written);
    }

    private static void DeleteWork(IndexWriter writer, string id)
    {
        writer.DeleteDocuments(new Term(F.Work, id));
        writer.DeleteDocuments(new Term(F.VariantsOf, id));
    }

    /// <summary>The hash of everything a work's documents are made from: the layout of those documents, the cluster's
    /// id and whether its years differ, and each member's bibliography and reference data, in order (written as one
    /// JSON array into a buffer reused from work to work).</summary>
    private static string WorkHash(WorkCluster cluster, List<(string Bib, ReferenceData Data)> members, ArrayBufferWriter<byte> buffer)
    {
        buffer.ResetWrittenCount();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartArray();
            json.WriteStringValue(WorkLayout);
            json.WriteStringValue(cluster.Id);
            json.WriteBooleanValue(cluster.YearsDiffer);
            foreach (var (bib, data) in members)
            {
                json.WriteStringValue(bib);
                JsonSerializer.Serialize(json, data, IndexJson.Default.ReferenceData);
            }
            json.WriteEndArray();
        }
        return Convert.ToHexString(SHA256.HashData(buffer.WrittenSpan));
    }

    /// <summary>The layout of work documents; changing what <see cref="WorkDocument"/> writes must change it, so that
    /// the next rebuild rewrites every work.</summary>
    private const string WorkLayout = "work-2";

    /// <summary>Each live work's id and hash, or null when a work has no hash.</summary>
    private static Dictionary<string, string>? WorkHashes(DirectoryReader reader)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        var workTerm = new BytesRef(F.KindWork);
        var id = new BytesRef();
        var hash = new BytesRef();
        foreach (var leaf in reader.Leaves)
        {
            var atomic = leaf.AtomicReader;
            var kinds = atomic.GetTerms(F.Kind)?.GetEnumerator();
            if (kinds is null || !kinds.SeekExact(workTerm)) continue;
            var ids = atomic.GetBinaryDocValues(WorkIdValues);
            var hashes = atomic.GetBinaryDocValues(WorkHashValues);
            var docsWithHash = atomic.GetDocsWithField(WorkHashValues);
            var postings = kinds.Docs(atomic.LiveDocs, null, DocsFlags.NONE);
            int doc;
            while ((doc = postings.NextDoc()) != DocIdSetIterator.NO_MORE_DOCS)
            {
                if (ids is null || hashes is null || docsWithHash is null || !docsWithHash.Get(doc)) return null;
                ids.Get(doc, id);
                hashes.Get(doc, hash);
                result[id.Utf8ToString()] = hash.Utf8ToString();
            }
        }
        return result;
    }

    /// <summary>The work document of <paramref name="cluster"/>, and the document of its variants when it has more than one.</summary>
    private static (Document Work, Document? Variants) WorkDocument(WorkCluster cluster, List<(string Bib, ReferenceData Data)> members)
    {
        // The representative: the most frequent title (then the longest: a full title beats its short form),
        // and the author list of the variant with most names. Chosen from the set, so independent of order.
        var title = members.Where(m => m.Data.Title is not null).GroupBy(m => m.Data.Title!, StringComparer.Ordinal)
            .OrderByDescending(g => g.Count()).ThenByDescending(g => g.Key.Length).ThenBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => g.Key).FirstOrDefault() ?? members.Select(m => m.Data.Raw ?? m.Data.Key).Min(StringComparer.Ordinal)!;
        var rep = members.OrderByDescending(m => m.Data.Title == title).ThenByDescending(m => m.Data.Authors.Length)
            .ThenBy(m => m.Bib, StringComparer.Ordinal).ThenBy(m => m.Data.Key, StringComparer.Ordinal).First().Data;
        var year = members.Where(m => m.Data.Year is not null).GroupBy(m => m.Data.Year!.Value)
            .OrderByDescending(g => g.Count()).ThenBy(g => g.Key).Select(g => (int?)g.Key).FirstOrDefault();
        var citedBy = members.Select(m => m.Bib).Distinct().Order(StringComparer.Ordinal).ToList();

        var doc = new Document
        {
            new StringField(F.Kind, F.KindWork, Field.Store.NO),
            new StringField(F.Work, cluster.Id, Field.Store.YES),
            new StoredField(F.Key, rep.Key),
            new TextField(F.Title, title, Field.Store.YES),
            new NumericDocValuesField(F.Citations, citedBy.Count),
            new StoredField(F.Citations, citedBy.Count),
            new StoredField(F.YearsDiffer, cluster.YearsDiffer ? 1 : 0),
        };
        foreach (var a in rep.Authors) doc.Add(new StoredField(F.Author, a));
        doc.Add(new BinaryDocValuesField(WorkIdValues, new BytesRef(cluster.Id)));
        doc.Add(new BinaryDocValuesField(WorkLabelValues, new BytesRef(WorkRecord.MakeLabel(rep.Authors, year, title))));
        if (year is { } y) doc.Add(new StoredField(F.Year, y));
        if (rep.Container is { } c) doc.Add(new StoredField(F.Container, c));
        if (rep.Publisher is { } p) doc.Add(new StoredField(F.Publisher, p));
        doc.Add(new StoredField(F.Type, rep.Type));
        foreach (var b in citedBy) doc.Add(new StringField(F.CitedBy, b, Field.Store.NO));
        doc.Add(new StoredField(F.CitedByIds, JsonSerializer.Serialize(citedBy, IndexJson.Default.ListString)));

        var seen = new HashSet<string>(StringComparer.Ordinal);
        void Text(string field, string? value)
        {
            if (!string.IsNullOrWhiteSpace(value) && seen.Add(field + "\u0001" + value)) doc.Add(new TextField(field, value, Field.Store.NO));
        }
        var years = new SortedSet<int>();
        foreach (var (_, d) in members)
        {
            if (d.Title != title) Text(F.Title, d.Title);
            foreach (var a in d.Authors) Text(F.Author, a);
            Text(F.Container, d.Container);
            Text(F.Publisher, d.Publisher);
            Text(F.Type, d.Type);
            Text(F.Url, d.Url);
            Text(F.Note, d.Note);
            if (d.Doi is { } doi && WorkIdentity.NormaliseDoi(doi) is { } nd && seen.Add("doi\u0001" + nd)) doc.Add(new StringField(F.Doi, nd, Field.Store.YES));
            if (seen.Add("key\u0001" + d.Key)) doc.Add(new StringField("ref_key", d.Key.ToLowerInvariant(), Field.Store.NO));
            if (d.Year is { } dy) years.Add(dy);
        }
        foreach (var yy in years) doc.Add(new Int32Field(F.Year, yy, Field.Store.NO));
        var variants = members.Select(m => new WorkVariant(m.Bib, m.Data.Key, m.Data.Title, string.Join("; ", m.Data.Authors), m.Data.Year, m.Data.Type))
            .OrderBy(v => v.Bibliography, StringComparer.Ordinal).ThenBy(v => v.Key, StringComparer.Ordinal).ToList();
        if (variants.Count < 2) return (doc, null);
        return (doc, new Document
        {
            new StringField(F.Kind, F.KindVariants, Field.Store.NO),
            new StringField(F.VariantsOf, cluster.Id, Field.Store.YES),
            new StoredField(F.Variants, JsonSerializer.Serialize(variants, IndexJson.Default.ListWorkVariant)),
        });
    }

    /// <summary>Collects every matching document id (in index order), without scores.</summary>
    private sealed class DocCollector(List<int> into) : ICollector
    {
        private int _base;
        public void SetScorer(Scorer scorer) { }
        public void Collect(int doc) => into.Add(_base + doc);
        public void SetNextReader(AtomicReaderContext context) => _base = context.DocBase;
        public bool AcceptsDocsOutOfOrder => true;
    }
}
