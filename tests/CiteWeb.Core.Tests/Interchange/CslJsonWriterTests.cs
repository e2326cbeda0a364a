using System.Text;
using System.Text.Json;
using CiteWeb.Core.Export;
using CiteWeb.Core.Model;
using CiteWeb.Core.Parsing.Interchange;

namespace CiteWeb.Core.Tests.Interchange;

public sealed class CslJsonWriterTests
{
    private static Reference Apprich()
    {
        var r = new Reference("apprich2018", "chapter")
        {
            Title = "Introduction",
            ContainerTitle = "Pattern Discrimination: <span class=\"nocase\">meson</span> & “Minnesota” <3",
            Publisher = "meson press",
            Page = "ix–xii",
            Issued = PartialDate.FromYear(2018),
            Source = new SourceSpan("bib/luchs.txt", 109, 1),
            RawText = "Apprich, Clemens. “Introduction.” Pattern Discrimination.".AsMemory(),
            Confidence = 0.8,
        };
        // Inserted out of CSL order on purpose: the writer orders keys, not the map.
        r.Names[Csl.Editor] = [new PersonName { Family = "Dijck", Given = "José", NonDroppingParticle = "van" }];
        r.Names[Csl.Author] = [new PersonName { Family = "Apprich", Given = "Clemens" }];
        r.Custom["organization"] = "meson press";
        return r;
    }

    [Fact]
    public void Writes_keys_in_csl_order_two_space_indented_and_readable()
    {
        const string expected = """
            [
              {
                "id": "apprich2018",
                "type": "chapter",
                "author": [
                  {
                    "family": "Apprich",
                    "given": "Clemens"
                  }
                ],
                "editor": [
                  {
                    "family": "Dijck",
                    "given": "José",
                    "non-dropping-particle": "van"
                  }
                ],
                "issued": {
                  "date-parts": [[2018]]
                },
                "title": "Introduction",
                "container-title": "Pattern Discrimination: <span class=\"nocase\">meson</span> & “Minnesota” <3",
                "publisher": "meson press",
                "page": "ix–xii",
                "custom": {
                  "source": {
                    "file": "bib/luchs.txt",
                    "line": 109,
                    "column": 1
                  },
                  "raw": "Apprich, Clemens. “Introduction.” Pattern Discrimination.",
                  "confidence": 0.8,
                  "organization": "meson press"
                }
              }
            ]

            """;
        Assert.Equal(expected, CslJsonWriter.Write([Apprich()]));
    }

    [Fact]
    public void Without_provenance_custom_fields_are_still_written()
    {
        var json = CslJsonWriter.Write([Apprich()], new CslJsonWriterOptions { IncludeProvenance = false });
        Assert.EndsWith("""
                "page": "ix–xii",
                "custom": {
                  "organization": "meson press"
                }
              }
            ]

            """, json);
        Assert.DoesNotContain("\"raw\"", json);
    }

    [Theory]
    [InlineData("Hugging Face 🤗", "\"Hugging Face 🤗\"")]
    [InlineData("line\nbreak\ttab", "\"line\\nbreak\\ttab\"")]
    [InlineData("a \"quoted\" \\ back", "\"a \\\"quoted\\\" \\\\ back\"")]
    [InlineData("\u0001", "\"\\u0001\"")]
    public void Escapes_only_what_json_requires(string title, string expected)
    {
        var json = CslJsonWriter.Write([new Reference("a", "book") { Title = title }]);
        Assert.Contains("\"title\": " + expected + "\n", json);
    }

    [Fact]
    public void Escapes_a_lone_surrogate_so_the_output_stays_valid_utf8_and_reads_back()
    {
        // Built at run time: attribute arguments are stored as UTF-8, which cannot hold a lone surrogate.
        string title = "lone " + (char)0xD800 + " surrogate";
        var json = CslJsonWriter.Write([new Reference("a", "book") { Title = title }]);
        Assert.Contains("\"title\": \"lone \\uD800 surrogate\"\n", json);
        Assert.Equal(title, CslJsonReader.Read(json, "x.json").References[0].Title);
    }

    [Theory]
    [InlineData("2019-03-02", "\"date-parts\": [[2019, 3, 2]]")]
    [InlineData("2019-03/2019-05", "\"date-parts\": [[2019, 3], [2019, 5]]")]
    [InlineData("2019~", "\"date-parts\": [[2019]],\n      \"circa\": true")]
    [InlineData("2019-23", "\"date-parts\": [[2019]],\n      \"season\": 3")]
    [InlineData("2019?", "\"date-parts\": [[2019]],\n      \"raw\": \"2019?\"")]
    [InlineData("2019/..", "\"date-parts\": [[2019]],\n      \"raw\": \"2019/..\"")]
    public void Writes_dates_as_date_parts(string edtf, string expected)
    {
        var reference = new Reference("a", "book") { Issued = PartialDate.TryParseIso(edtf) };
        Assert.Contains("\"issued\": {\n      " + expected + "\n    }", CslJsonWriter.Write([reference]));
    }

    [Fact]
    public void Writes_a_literal_date_and_unmodelled_csl_variables_at_the_top_level()
    {
        var reference = new Reference("a", "book") { Issued = PartialDate.FromLiteral("forthcoming") };
        reference.Custom["composer"] = "[{\"family\":\"Apprich\"}]";
        reference.Custom["citation-key"] = "apprich";
        var json = CslJsonWriter.Write([reference], new CslJsonWriterOptions { IncludeProvenance = false });
        using var document = JsonDocument.Parse(json);
        var item = document.RootElement[0];
        Assert.Equal("forthcoming", item.GetProperty("issued").GetProperty("literal").GetString());
        Assert.Equal("Apprich", item.GetProperty("composer")[0].GetProperty("family").GetString());
        Assert.Equal("apprich", item.GetProperty("citation-key").GetString());
        Assert.False(item.TryGetProperty("custom", out _));
    }

    [Fact]
    public void Writes_to_a_stream_as_utf8_with_a_final_newline()
    {
        using var stream = new MemoryStream();
        CslJsonWriter.Write([new Reference("a", "book") { Title = "Ä" }], stream);
        var bytes = stream.ToArray();
        Assert.NotEqual(0xEF, bytes[0]); // no BOM
        Assert.Equal("[\n  {\n    \"id\": \"a\",\n    \"type\": \"book\",\n    \"title\": \"Ä\"\n  }\n]\n", Encoding.UTF8.GetString(bytes));
    }

    [Fact]
    public void An_empty_list_is_an_empty_array()
    {
        Assert.Equal("[]\n", CslJsonWriter.Write([]));
    }

    [Fact]
    public void Reading_the_sample_back_after_writing_it_gives_the_same_references()
    {
        var first = CslJsonReader.Read(InterchangeSamples.CslJson, "refs.json");
        var second = CslJsonReader.Read(CslJsonWriter.Write(first.References), "out.json");
        Assert.Equal(first.References.Count, second.References.Count);
        for (int i = 0; i < first.References.Count; i++)
            Assert.True(ReferenceComparer.ContentEquals(first.References[i], second.References[i], out var difference), difference);
        // Provenance survives too: it travels in "custom".
        // custom.source carries file, line and column (not the offset, which means nothing in another file).
        Assert.Equal(first.References.Select(r => r.Source?.ToString()), second.References.Select(r => r.Source?.ToString()));
        Assert.Equal(first.References.Select(r => r.Raw), second.References.Select(r => r.Raw));
        Assert.Equal(first.References.Select(r => r.Confidence), second.References.Select(r => r.Confidence));
    }
}
