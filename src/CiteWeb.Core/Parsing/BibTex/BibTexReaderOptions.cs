namespace CiteWeb.Core.Parsing.BibTex;

/// <summary>How the BibTeX reader treats its input. Plain data with documented defaults.</summary>
public sealed record BibTexReaderOptions
{
    public static BibTexReaderOptions Default { get; } = new();

    /// <summary>Braces nested deeper than this are reported (CW117) and the field dropped. The default is 64.</summary>
    public int MaxNestingDepth { get; init; } = 64;

    /// <summary>Skip '%' to the end of the line between fields, as biber and pandoc do. The default is true.</summary>
    public bool PercentComments { get; init; } = true;

    /// <summary>Resolve crossref and xdata inheritance. The default is true.</summary>
    public bool ResolveInheritance { get; init; } = true;

    /// <summary>Inheritance chains longer than this are reported as cycles. The default is 16.</summary>
    public int MaxInheritanceDepth { get; init; } = 16;

    /// <summary>Scan files of a megabyte or more in two halves at once. The default is true; tests turn it off
    /// to check that both ways read the same.</summary>
    internal bool ParallelScan { get; init; } = true;
}
