using System.Text.Json;
using static CiteWeb.Index.Tests.Corpus;

namespace CiteWeb.Index.Tests;

public sealed class OpenSearchExportTests
{
    [Fact]
    public void Bulk_file_has_an_action_and_a_document_line_per_work_and_bibliography()
    {
        using var temp = new TempIndex();
        using var index = temp.Open();
        index.AddBatch([Bib("one", Ref("a", "Kjøsen", "Atle", 2019, "Inhuman Power"), Ref("b", "Noble", "Safiya", 2018, "Algorithms of Oppression")),
            Bib("two", Ref("c", "Noble", "S.", 2018, "ALGORITHMS OF OPPRESSION"))]);
        index.RebuildWorks();
        using var buffer = new MemoryStream();
        int documents = OpenSearchExport.WriteBulk(index, buffer);
        var lines = System.Text.Encoding.UTF8.GetString(buffer.ToArray()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(4, documents); // two bibliographies, two works
        Assert.Equal(8, lines.Length);
        var works = lines.Where((_, i) => i % 2 == 1).Select(l => JsonDocument.Parse(l).RootElement).Where(e => e.GetProperty("kind").GetString() == "work").ToList();
        var noble = works.Single(e => e.GetProperty("citations").GetInt32() == 2);
        Assert.Equal(["one", "two"], noble.GetProperty("citedBy").EnumerateArray().Select(e => e.GetString()));
        Assert.Contains(works, e => e.GetProperty("authors")[0].GetString() == "Kjøsen, Atle");
        Assert.All(lines.Where((_, i) => i % 2 == 0), l => Assert.Equal("citeweb", JsonDocument.Parse(l).RootElement.GetProperty("index").GetProperty("_index").GetString()));
    }

    [Fact]
    public void The_mapping_analyser_folds_like_ours()
    {
        using var mapping = JsonDocument.Parse(OpenSearchExport.Mapping());
        var analyzer = mapping.RootElement.GetProperty("settings").GetProperty("analysis").GetProperty("analyzer").GetProperty("citeweb");
        Assert.Equal("whitespace", analyzer.GetProperty("tokenizer").GetString());
        Assert.Equal(["asciifolding", "citeweb_word_delimiter", "lowercase"], analyzer.GetProperty("filter").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal("integer", mapping.RootElement.GetProperty("mappings").GetProperty("properties").GetProperty("year").GetProperty("type").GetString());
    }
}
