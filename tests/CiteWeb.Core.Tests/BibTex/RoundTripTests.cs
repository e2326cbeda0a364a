using CiteWeb.Core.Export;
using CiteWeb.Core.Model;
using CiteWeb.Core.Parsing.BibTex;
using CiteWeb.Core.Parsing.Interchange;
using CiteWeb.Core.Transforms;

namespace CiteWeb.Core.Tests.BibTex;

/// <summary>
/// parse(write(parse(x))) equals parse(x) for every fixture, in every format: the corpus files, every spec
/// example (printed lists included), every printed list in bib/ as `export --clean` leaves it, and the cleaned corpus. BibTeX is written in the dialect it was read in (a BibLaTeX-only type has
/// no classic BibTeX form); CSL-JSON keeps everything; RIS keeps what RIS has tags for.
/// </summary>
public sealed class RoundTripTests
{
    public static TheoryData<string> Fixtures()
    {
        var data = new TheoryData<string>();
        foreach (var f in Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "Corpus"), "*.bib").Order()) data.Add("corpus:" + Path.GetFileName(f));
        foreach (var e in SpecTests.Examples()) data.Add("spec:" + e.Data.File + ": " + e.Data.Title);
        foreach (var f in Directory.GetFiles(Path.Combine(Architecture.DependencyTests.RepoRoot(), "bib"), "*.txt").Order()) data.Add("list:" + Path.GetFileName(f));
        return data;
    }

    private static Bibliography Load(string fixture)
    {
        if (fixture.StartsWith("corpus:", StringComparison.Ordinal))
        {
            var name = fixture["corpus:".Length..];
            return BibTexReader.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Corpus", name)), name);
        }
        if (fixture.StartsWith("list:", StringComparison.Ordinal))
        {
            // A printed list as `export --clean` leaves it: what a scholar keeps as their BibTeX.
            var name = fixture["list:".Length..];
            var list = Core.Parsing.PlainText.PlainTextReader.Read(File.ReadAllText(Path.Combine(Architecture.DependencyTests.RepoRoot(), "bib", name)), name);
            new Cleaner().Run(list.References, new TransformContext());
            return list;
        }
        var example = SpecTests.Examples().Select(e => e.Data).Single(e => "spec:" + e.File + ": " + e.Title == fixture);
        return example.PlainText
            ? Core.Parsing.PlainText.PlainTextReader.Read(example.Input, "spec.txt")
            : BibTexReader.Parse(example.Input, "spec.bib");
    }

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void BibTeX_round_trips(string fixture)
    {
        var first = Load(fixture);
        // A printed list has no dialect of its own: its types (webpage, speech, ...) need BibLaTeX's.
        bool biblatex = first.Format is "biblatex" or "text" || first.References.Any(r => r.Custom["entrytype"] is { } t && BibTexVocabulary.BibLaTeXOnlyTypes.Contains(t));
        var written = BibTexWriter.Write(first.References, new BibTexWriterOptions { BibLaTeX = biblatex });
        var second = BibTexReader.Parse(written, "written.bib");
        // A fixture whose errors are in its data (a crossref cycle) keeps them; a clean one must stay clean.
        if (!first.HasErrors) Assert.DoesNotContain(second.Diagnostics, d => d.Severity == Core.Diagnostics.Severity.Error);
        AssertSame(first.References, second.References, written);
    }

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void BibLaTeX_in_ascii_round_trips(string fixture)
    {
        var first = Load(fixture);
        var written = BibTexWriter.Write(first.References, new BibTexWriterOptions { BibLaTeX = true, Ascii = true });
        Assert.All(written, c => Assert.True(c < 128, $"non-ASCII '{c}' in --ascii output"));
        var second = BibTexReader.Parse(written, "written.bib");
        AssertSame(first.References, second.References, written);
    }

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void Csl_json_round_trips(string fixture)
    {
        var first = Load(fixture);
        var written = CslJsonWriter.Write(first.References);
        var second = CslJsonReader.Read(written, "written.json");
        Assert.DoesNotContain(second.Diagnostics, d => d.Severity == Core.Diagnostics.Severity.Error);
        AssertSame(first.References, second.References, written);
    }

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void Cleaned_output_round_trips_and_cleaning_again_changes_nothing(string fixture)
    {
        var refs = Load(fixture).References;
        new Cleaner().Run(refs, new TransformContext());
        var written = BibTexWriter.Write(refs, new BibTexWriterOptions { BibLaTeX = true });
        var again = BibTexReader.Parse(written, "clean.bib").References;
        AssertSame(refs, again, written);
        var changes = new Cleaner().Run(again, new TransformContext());
        Assert.True(changes.Count == 0, "second clean changed: " + string.Join("; ", changes));
    }

    [Fact]
    public void Ris_round_trips_the_corpus_for_the_fields_ris_has()
    {
        foreach (var fixture in new[] { "corpus:fairlearn-docs-refs.bib", "corpus:lim-2019-machines-gone-wrong-bias-i.bib" })
        {
            var first = Load(fixture).References;
            var written = RisWriter.Write(first);
            var second = RisReader.Read(written, "written.ris").References;
            Assert.Equal(first.Count, second.Count);
            for (int i = 0; i < first.Count; i++)
            {
                var (a, b) = (first[i], second[i]);
                Assert.Equal(a.Id, b.Id);
                Assert.Equal(a.Author.Select(n => n.FamilyWithParticles), b.Author.Select(n => n.FamilyWithParticles));
                Assert.Equal(a.Issued?.Year, b.Issued?.Year);
                Assert.Equal(Text.RichText.ToPlain(a.Title ?? ""), b.Title ?? "");
                Assert.Equal(a.Page?.Replace('-', '–'), b.Page);
                Assert.Equal(a.Doi, b.Doi);
                Assert.Equal(a.Url, b.Url);
            }
        }
    }

    private static void AssertSame(IReadOnlyList<Reference> expected, IReadOnlyList<Reference> actual, string written)
    {
        Assert.True(expected.Count == actual.Count, $"{expected.Count} references became {actual.Count}:\n{written}");
        for (int i = 0; i < expected.Count; i++)
        {
            var back = actual[i];
            // A record read from a printed list has no BibTeX entry type; the one the BibTeX reader notes is bookkeeping.
            if (expected[i].Custom["entrytype"] is null && back.Custom["entrytype"] is not null)
            {
                back = back.Clone();
                back.Custom["entrytype"] = null;
            }
            Assert.True(ReferenceComparer.ContentEquals(expected[i], back, out var difference), $"{expected[i].Id}: {difference}\n--- written:\n{written}");
        }
    }
}
