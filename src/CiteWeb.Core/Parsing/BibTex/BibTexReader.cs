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
        var (entries, biblatex, inheritance, scanners) = Scan(text, fileName, lines, options, diagnostics, bibliography.Preambles);
        var byKey = new Dictionary<string, RawEntry>(entries.Count, StringComparer.OrdinalIgnoreCase);
        var suffixes = new KeySuffixes(StringComparer.OrdinalIgnoreCase);
        // Each entry has its line from the scanner: asking the line map about a duplicate's first entry again would
        // step back over the file for every duplicate (28,000 duplicates in 600 KB took minutes).
        foreach (var e in entries)
        {
            if (e.Key.Length == 0) e.Key = suffixes.Unique($"{e.Type}-line{e.Line}", byKey.ContainsKey);
            else if (byKey.TryAdd(e.Key, e)) continue; // the usual case: one lookup
            else
            {
                var first = byKey[e.Key];
                var renamed = suffixes.Unique(e.Key, byKey.ContainsKey);
                diagnostics.Add(new Diagnostic(DiagnosticCodes.DuplicateKey, Severity.Error,
                    $"duplicate key '{e.Key}' (first at line {first.Line}); this entry is kept as '{renamed}'",
                    new SourceSpan(fileName, e.Line, e.Column, e.Start)));
                e.Key = renamed;
            }
            byKey[e.Key] = e;
        }
        if (options.ResolveInheritance && inheritance) new BibTexInheritance(text, lines, diagnostics, options).Resolve(entries, byKey);

        MapAll(text, fileName, entries, bibliography.References, diagnostics);
        foreach (var scanner in scanners) scanner.ReleaseFields();
        if (biblatex) bibliography.Format = "biblatex";
        // Diagnostics were found scan-first, map-second; readers of the report expect file order.
        var ordered = diagnostics.OrderBy(static d => d.Span.Offset).ToList();
        diagnostics.Clear();
        diagnostics.AddRange(ordered);
        return bibliography;
    }

    /// <summary>
    /// Scanning a large file is split in two at a line that starts an entry, and the halves are scanned at once.
    /// The second half needs the macros defined before it: it starts from those of the file's head (where @string
    /// definitions live), and is scanned again, after the first, in the rare file that defines more further on.
    /// </summary>
    private static (List<RawEntry> Entries, bool BibLaTeX, bool Inheritance, BibTexScanner[] Scanners) Scan(string text, string fileName, LineMap lines, BibTexReaderOptions options, List<Diagnostic> diagnostics, List<string> preambles)
    {
        const int MinParallel = 1 << 20;
        var first = new BibTexScanner(text, lines, options, diagnostics);
        first.Scan(int.MaxValue, untilFirstEntry: true);
        int split = text.Length - first.Position < MinParallel || Environment.ProcessorCount < 2 || !options.ParallelScan
            ? -1
            : BibTexScanner.NextEntryLine(text, first.Position + (text.Length - first.Position) / 2);
        if (split < 0)
        {
            first.Scan();
            preambles.AddRange(first.Preambles);
            return (first.Entries, first.SawBibLaTeX, first.SawInheritance, [first]);
        }
        int definitions = first.MacroDefinitions;
        var secondDiagnostics = new List<Diagnostic>();
        var second = new BibTexScanner(text, new LineMap(text, fileName), options, secondDiagnostics, split, first.Macros);
        Parallel.Invoke(() => first.Scan(split, untilFirstEntry: false), second.Scan);
        if (first.MacroDefinitions != definitions || first.Position > split)
        {
            second.ReleaseFields();
            first.Scan();
            preambles.AddRange(first.Preambles);
            return (first.Entries, first.SawBibLaTeX, first.SawInheritance, [first]);
        }
        diagnostics.AddRange(secondDiagnostics);
        preambles.AddRange(first.Preambles);
        preambles.AddRange(second.Preambles);
        first.Entries.AddRange(second.Entries);
        return (first.Entries, first.SawBibLaTeX || second.SawBibLaTeX, first.SawInheritance || second.SawInheritance, [first, second]);
    }

    /// <summary>
    /// Mapping (LaTeX decoding, names, dates) is most of the work and each entry's is independent, so large
    /// files are mapped in a few contiguous slices in parallel, each with its own line map and diagnostics;
    /// order is kept. Small files stay on one thread.
    /// </summary>
    private static void MapAll(string text, string fileName, List<RawEntry> entries, List<Reference> references, List<Diagnostic> diagnostics)
    {
        var mapped = new Reference?[entries.Count];
        diagnostics.AddRange(ParallelSlices.Collect<Diagnostic>(entries.Count, found =>
        {
            var mapper = new BibTexMapper(text, new LineMap(text, fileName), found);
            return i => { if (entries[i].Type != "xdata") mapped[i] = mapper.Map(entries[i]); };
        }));
        references.Capacity = entries.Count;
        foreach (var r in mapped) if (r is not null) references.Add(r);
    }

    /// <summary>Reads a stream, detecting its encoding (a non-UTF-8 file is decoded and reported, never mangled silently).</summary>
    public static Bibliography Read(Stream stream, string fileName, BibTexReaderOptions? options = null) =>
        TextDecoding.Read(stream, fileName, text => Parse(text, fileName, options));
}
