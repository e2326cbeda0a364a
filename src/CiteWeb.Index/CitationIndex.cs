using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;
using F = CiteWeb.Index.IndexFields;

namespace CiteWeb.Index;

/// <summary>
/// The index on disk: one owner of its directory, writer and reader. Writes are crash-safe: each batch of
/// bibliographies is one Lucene commit (a process killed mid-batch leaves the previous commit, which is what the
/// next reader opens), and the works derived from them are rebuilt and committed after the last batch. Until then
/// the commit says <see cref="IndexFields.WorksStale"/>, and the next <c>citeweb index</c> rebuilds them.
/// </summary>
public sealed partial class CitationIndex : IDisposable
{
    private readonly FSDirectory _directory;
    private readonly CiteAnalyzer _analyzer = new();
    private IndexWriter? _writer;
    private DirectoryReader? _reader;
    private bool _readerBehind;

    /// <summary>What this instance added, by bibliography id: the work rebuild clusters these from memory and reads
    /// back from the index only the references of bibliographies indexed by an earlier run.</summary>
    private readonly Dictionary<string, ReferenceData[]> _added = new(StringComparer.Ordinal);

    private CitationIndex(string path, FSDirectory directory)
    {
        Path = path;
        _directory = directory;
    }

    public string Path { get; }

    /// <summary>Opens (or, for writing, creates) the index in <paramref name="path"/>.</summary>
    public static CitationIndex Open(string path) => new(path, FSDirectory.Open(new DirectoryInfo(path)));

    /// <summary>Whether <paramref name="path"/> holds a commit that can be read.</summary>
    public static bool Exists(string path) => System.IO.Directory.Exists(path) && HasCommit(FSDirectory.Open(new DirectoryInfo(path)));

    /// <summary>Whether the folder holds a readable commit. Lucene 4.8 writes <c>segments_N</c> in place, so a process
    /// killed during its commit leaves it torn; a reader then falls back to <c>segments_N-1</c>, but when the torn one
    /// is the first commit there is nothing to fall back to, and the folder holds no index at all, only debris.</summary>
    private static bool HasCommit(Lucene.Net.Store.Directory directory)
    {
        if (!DirectoryReader.IndexExists(directory)) return false;
        try
        {
            new SegmentInfos().Read(directory);
            return true;
        }
        catch (IOException) // torn or truncated (CorruptIndexException, EndOfStreamException are IOExceptions)
        {
            return false;
        }
    }

    private IndexWriter Writer => _writer ??= CreateWriter();

    /// <summary>The writer; over a folder without a readable commit it starts afresh, the torn <c>segments</c> files
    /// deleted first (nothing committed is lost: there was nothing), instead of failing on them for ever.</summary>
    private IndexWriter CreateWriter()
    {
        var append = HasCommit(_directory);
        if (!append && System.IO.Directory.Exists(_directory.Directory.FullName))
            foreach (var torn in _directory.ListAll().Where(f => f.StartsWith(IndexFileNames.SEGMENTS, StringComparison.Ordinal)))
                _directory.DeleteFile(torn);
        return new IndexWriter(_directory, new IndexWriterConfig(CiteAnalyzer.Version, _analyzer)
        {
            OpenMode = append ? OpenMode.APPEND : OpenMode.CREATE,
            RAMBufferSizeMB = 128,
            // Segments are written as separate files (no compound file to pack on every flush and commit).
            UseCompoundFile = false,
        });
    }

    /// <summary>A reader of the latest state: the writer's own view while writing, else the last commit. Reopened
    /// lazily: a batch only marks it behind, so a run of batches opens no reader between commits.</summary>
    internal DirectoryReader Reader
    {
        get
        {
            if (_readerBehind) Refresh();
            return _reader ??= _writer is null ? DirectoryReader.Open(_directory) : DirectoryReader.Open(_writer, applyAllDeletes: true);
        }
    }

    private void Refresh()
    {
        _readerBehind = false;
        if (_reader is null || _writer is null) return;
        var fresher = DirectoryReader.OpenIfChanged(_reader, _writer, true);
        if (fresher is null) return;
        _reader.Dispose();
        _reader = fresher;
    }

    /// <summary>The content hash of every bibliography in the index, by id.</summary>
    public Dictionary<string, string> IndexedHashes()
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        if (_writer is null && !HasCommit(_directory)) return result;
        Refresh();
        var searcher = new IndexSearcher(Reader);
        var hits = searcher.Search(new TermQuery(new Term(F.Kind, F.KindBibliography)), Math.Max(1, Reader.MaxDoc));
        foreach (var hit in hits.ScoreDocs)
        {
            var doc = searcher.Doc(hit.Doc);
            result[doc.Get(F.Bibliography)] = doc.Get(F.Hash);
        }
        return result;
    }

    /// <summary>Whether the last commit's works do not yet reflect its bibliographies (an interrupted run).</summary>
    public bool WorksStale
    {
        get
        {
            if (!HasCommit(_directory)) return false;
            var commit = Reader.IndexCommit;
            return commit.UserData.TryGetValue(F.WorksStale, out var v) && v == "true";
        }
    }

    /// <summary>Replaces the documents of each bibliography of <paramref name="batch"/> and commits once.</summary>
    public void AddBatch(IReadOnlyList<BibliographyInput> batch)
    {
        var writer = Writer;
        foreach (var b in batch)
        {
            writer.DeleteDocuments(new Term(F.Bibliography, b.Id));
            var docs = new List<Document>(b.References.Count + 1);
            var data = new ReferenceData[b.References.Count];
            for (int i = 0; i < data.Length; i++)
            {
                data[i] = ReferenceData.From(b.References[i]);
                docs.Add(new Document
                {
                    new StringField(F.Kind, F.KindReference, Field.Store.NO),
                    new StringField(F.Bibliography, b.Id, Field.Store.YES),
                    new StoredField("data", data[i].ToJson()),
                });
            }
            _added[b.Id] = data;
            docs.Add(new Document
            {
                new StringField(F.Kind, F.KindBibliography, Field.Store.NO),
                new StringField(F.Bibliography, b.Id, Field.Store.YES),
                new StoredField(F.Label, b.Label),
                new StoredField(F.Path, b.Path),
                new StoredField(F.Hash, b.Hash),
                new StoredField(F.Format, b.Format),
                new StoredField(F.Count, b.References.Count),
            });
            writer.AddDocuments(docs);
        }
        writer.SetCommitData(new Dictionary<string, string> { [F.WorksStale] = "true" });
        writer.Commit();
        _readerBehind = true;
    }

    /// <summary>Removes a bibliography's documents (committed with the next batch or rebuild).</summary>
    public void Remove(string bibliographyId)
    {
        Writer.DeleteDocuments(new Term(F.Bibliography, bibliographyId));
        _added.Remove(bibliographyId);
        _readerBehind = true;
    }

    public void Dispose()
    {
        _reader?.Dispose();
        _writer?.Dispose();
        _directory.Dispose();
        _analyzer.Dispose();
    }
}
