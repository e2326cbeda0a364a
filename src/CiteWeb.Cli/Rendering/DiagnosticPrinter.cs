using CiteWeb.Core.Diagnostics;

namespace CiteWeb.Cli.Rendering;

/// <summary>Prints diagnostics to stderr in compiler form, <c>file:line:column: severity CODE: message</c>.</summary>
public static class DiagnosticPrinter
{
    public static void Print(CliIO io, IEnumerable<Diagnostic> diagnostics)
    {
        foreach (var d in diagnostics) io.Error.WriteLine(d.ToString());
    }
}
