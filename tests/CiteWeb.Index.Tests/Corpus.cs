using CiteWeb.Core.Model;
using CiteWeb.Index;

namespace CiteWeb.Index.Tests;

/// <summary>Builds references and throw-away indexes in a temporary folder for the tests.</summary>
internal static class Corpus
{
    public static Reference Ref(string key, string family, string? given, int? year, string title, string type = "book", string? doi = null, string? container = null)
    {
        var r = new Reference(key, type) { Title = title, Doi = doi, ContainerTitle = container };
        r.SetNames("author", [new PersonName { Family = family, Given = given }]);
        if (year is { } y) r.Issued = PartialDate.FromYear(y);
        return r;
    }

    public static BibliographyInput Bib(string id, params Reference[] refs) => new(id, id, id + ".bib", "hash-" + id + "-" + refs.Length, "bibtex", refs);

    public sealed class TempIndex : IDisposable
    {
        public string Dir { get; } = Path.Combine(Path.GetTempPath(), "citeweb-index-tests-" + Guid.NewGuid().ToString("N"));
        public CitationIndex Open() => CitationIndex.Open(Dir);
        public void Dispose() { try { Directory.Delete(Dir, recursive: true); } catch (IOException) { } }
    }
}
