using System.Text.Json;
using Lucene.Net.Index;
using Lucene.Net.Search;
using F = CiteWeb.Index.IndexFields;

namespace CiteWeb.Index;

/// <summary>
/// The index as an OpenSearch / Elasticsearch <c>_bulk</c> file: one action line and one document line per work and
/// per bibliography, and the index mapping whose analyser matches <see cref="CiteAnalyzer"/> (whitespace tokens,
/// asciifolding, word_delimiter joining the parts, lowercase), so the same queries find the same works in a cluster.
/// </summary>
public static class OpenSearchExport
{
    private static readonly JsonWriterOptions Compact = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Writes the bulk NDJSON; returns the number of documents.</summary>
    public static int WriteBulk(CitationIndex index, Stream output, string indexName = "citeweb")
    {
        int count = 0;
        var reader = index.Reader;
        var searcher = new IndexSearcher(reader);
        using var w = new Utf8JsonWriter(output, Compact);
        void Action(string id)
        {
            w.WriteStartObject();
            w.WriteStartObject("index");
            w.WriteString("_index", indexName);
            w.WriteString("_id", id);
            w.WriteEndObject();
            w.WriteEndObject();
            w.Flush();
            output.WriteByte((byte)'\n');
            w.Reset();
        }
        void End()
        {
            w.Flush();
            output.WriteByte((byte)'\n');
            w.Reset();
            count++;
        }
        foreach (var b in index.Bibliographies())
        {
            Action("bibliography:" + b.Id);
            w.WriteStartObject();
            w.WriteString("kind", "bibliography");
            w.WriteString("bibliography", b.Id);
            w.WriteString("label", b.Label);
            w.WriteString("path", b.Path);
            w.WriteString("format", b.Format);
            w.WriteNumber("references", b.References);
            w.WriteEndObject();
            End();
        }
        var hits = searcher.Search(new TermQuery(new Term(F.Kind, F.KindWork)), Math.Max(1, reader.MaxDoc));
        foreach (var hit in hits.ScoreDocs.OrderBy(h => h.Doc))
        {
            var doc = searcher.Doc(hit.Doc);
            var work = doc.Get(F.Work);
            Action("work:" + work);
            w.WriteStartObject();
            w.WriteString("kind", "work");
            w.WriteString("work", work);
            w.WriteString("key", doc.Get(F.Key));
            w.WriteString("title", doc.Get(F.Title));
            Strings("authors", doc.GetValues(F.Author));
            if (doc.GetField(F.Year)?.GetInt32Value() is { } y) w.WriteNumber("year", y);
            foreach (var field in new[] { F.Type, F.Container, F.Publisher })
                if (doc.Get(field) is { } v) w.WriteString(field, v);
            Strings("doi", doc.GetValues(F.Doi));
            Strings("citedBy", CitationIndex.CitedByOf(doc));
            w.WriteNumber("citations", doc.GetField(F.Citations)?.GetInt32Value() ?? 0);
            w.WriteEndObject();
            End();
        }
        return count;

        void Strings(string name, IEnumerable<string> values)
        {
            w.WriteStartArray(name);
            foreach (var v in values) w.WriteStringValue(v);
            w.WriteEndArray();
        }
    }

    /// <summary>The index settings and mapping (PUT /citeweb with this body before the bulk load).</summary>
    public static string Mapping() => """
        {
          "settings": {
            "analysis": {
              "filter": {
                "citeweb_word_delimiter": {
                  "type": "word_delimiter",
                  "generate_word_parts": true,
                  "generate_number_parts": true,
                  "catenate_words": true,
                  "catenate_numbers": false,
                  "catenate_all": false,
                  "preserve_original": false,
                  "split_on_case_change": false,
                  "split_on_numerics": false,
                  "stem_english_possessive": true
                }
              },
              "analyzer": {
                "citeweb": {
                  "type": "custom",
                  "tokenizer": "whitespace",
                  "filter": ["asciifolding", "citeweb_word_delimiter", "lowercase"]
                }
              }
            }
          },
          "mappings": {
            "properties": {
              "kind": { "type": "keyword" },
              "work": { "type": "keyword" },
              "key": { "type": "keyword" },
              "bibliography": { "type": "keyword" },
              "title": { "type": "text", "analyzer": "citeweb" },
              "authors": { "type": "text", "analyzer": "citeweb" },
              "container": { "type": "text", "analyzer": "citeweb" },
              "publisher": { "type": "text", "analyzer": "citeweb" },
              "type": { "type": "text", "analyzer": "citeweb" },
              "label": { "type": "text", "analyzer": "citeweb" },
              "path": { "type": "keyword" },
              "format": { "type": "keyword" },
              "year": { "type": "integer" },
              "doi": { "type": "keyword" },
              "citedBy": { "type": "keyword" },
              "citations": { "type": "integer" },
              "references": { "type": "integer" }
            }
          }
        }
        """;
}
