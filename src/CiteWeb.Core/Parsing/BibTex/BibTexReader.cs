using CiteWeb.Core.Diagnostics;
using CiteWeb.Core.Model;

namespace CiteWeb.Core.Parsing.BibTex;

/// <summary>
/// Reads BibTeX and BibLaTeX into the model: scan, give every entry a unique key, resolve crossref and xdata,
/// map fields to CSL variables. Never throws on bad input: problems are diagnostics with file, line and column,
/// and every well-formed entry survives.
/// </summary>
public static class BibTexReader
{
    public static Bibliography Parse(string text, string fileName, BibTexReaderOptions? options = null)
    {
        options ??= BibTexReaderOptions.Default;
        var bibliography = new Bibliography(fileName) { Format = "bibtex" };
        var diagnostics = bibliography.Diagnostics;
        var lines = new LineMap(text, fileName);
        var scanner = new BibTexScanner(text, lines, options, diagnostics);
        scanner.Scan();
        bibliography.Preambles.AddRange(scanner.Preambles);

        var entries = scanner.Entries;
        var byKey = new Dictionary<string, RawEntry>(entries.Count, StringComparer.OrdinalIgnoreCase);
        bool biblatex = false;
        foreach (var e in entries)
        {
            if (e.Key.Length == 0) e.Key = UniqueKey(byKey, $"{e.Type}-line{lines.At(e.Start).Line}");
            else if (byKey.TryGetValue(e.Key, out var first))
            {
                var renamed = UniqueKey(byKey, e.Key);
                diagnostics.Add(new Diagnostic(DiagnosticCodes.DuplicateKey, Severity.Error,
                    $"duplicate key '{e.Key}' (first at line {lines.At(first.Start).Line}); this entry is kept as '{renamed}'",
                    lines.At(e.Start)));
                e.Key = renamed;
            }
            byKey[e.Key] = e;
            biblatex = biblatex || BibTexVocabulary.BibLaTeXOnlyTypes.Contains(e.Type) || HasBibLaTeXField(e);
        }
        if (options.ResolveInheritance) new BibTexInheritance(text, lines, diagnostics, options).Resolve(entries, byKey);

        var mapper = new BibTexMapper(text, lines, diagnostics);
        var references = bibliography.References;
        references.Capacity = entries.Count;
        foreach (var e in entries)
            if (e.Type != "xdata") references.Add(mapper.Map(e));
        if (biblatex) bibliography.Format = "biblatex";
        // Diagnostics were found scan-first, map-second; readers of the report expect file order.
        var ordered = diagnostics.OrderBy(static d => d.Span.Offset).ToList();
        diagnostics.Clear();
        diagnostics.AddRange(ordered);
        return bibliography;
    }

    /// <summary>Reads a stream, detecting its encoding (a non-UTF-8 file is decoded and reported, never mangled silently).</summary>
    public static Bibliography Read(Stream stream, string fileName, BibTexReaderOptions? options = null)
    {
        var decoded = TextDecoding.Decode(stream, fileName);
        var bibliography = Parse(decoded.Text, fileName, options);
        bibliography.Diagnostics.InsertRange(0, decoded.Diagnostics);
        return bibliography;
    }

    private static bool HasBibLaTeXField(RawEntry e)
    {
        foreach (var f in e.Fields)
            if (BibTexVocabulary.BibLaTeXOnlyFields.Contains(f.Name)) return true;
        return false;
    }

    private static string UniqueKey(Dictionary<string, RawEntry> byKey, string key)
    {
        if (!byKey.ContainsKey(key)) return key;
        for (int n = 2; ; n++)
        {
            var candidate = $"{key}-{n}";
            if (!byKey.ContainsKey(candidate)) return candidate;
        }
    }
}
