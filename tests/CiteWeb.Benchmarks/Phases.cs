using CiteWeb.Core.Diagnostics;
using CiteWeb.Core.Parsing;
using CiteWeb.Core.Parsing.BibTex;
namespace CiteWeb.Benchmarks;
public static class Phases
{
    public static void Run(string text)
    {
        long A() => GC.GetAllocatedBytesForCurrentThread();
        var a0 = A();
        var diags = new List<Diagnostic>();
        var lines = new LineMap(text, "x");
        var sc = new BibTexScanner(text, lines, BibTexReaderOptions.Default, diags);
        sc.Scan();
        var a1 = A();
        int n = 0; long nameChars = 0;
        foreach (var e in sc.Entries) foreach (var f in e.Fields) { if (f.Name is "author" or "editor") { BibTexNames.Parse(f.Value(text)); n++; nameChars += f.Value(text).Length; } }
        var a2 = A();
        long chars = 0, raw = 0; int decoded = 0;
        foreach (var e in sc.Entries) foreach (var f in e.Fields) { var v = f.Value(text); if (f.Name is not ("author" or "editor")) { var d = LatexDecoder.Decode(v, f.Name == "title"); chars += d.Length; raw += v.Length; decoded++; } }
        var a3 = A();
        var mapper = new BibTexMapper(text, lines, diags);
        foreach (var e in sc.Entries) mapper.Map(e);
        var a4 = A();
        Console.Error.WriteLine($"alloc MB: scan {(a1-a0)/1e6:F0} names {(a2-a1)/1e6:F0} ({n} lists, {nameChars} chars) decode {(a3-a2)/1e6:F0} ({decoded} values, {raw} raw chars -> {chars}) map {(a4-a3)/1e6:F0}; entries {sc.Entries.Count}, fields {sc.Entries.Sum(e => e.Fields.Count)}");
    }
}
