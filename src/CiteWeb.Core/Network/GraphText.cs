namespace CiteWeb.Core.Network;

/// <summary>Names and sizes shared by the writers and the SVG, so every format says the same thing.</summary>
internal static class GraphText
{
    /// <summary>What a node's weight counts, as a column or attribute title.</summary>
    public static string WeightName(GraphKind kind) => kind == GraphKind.Coupling ? "references" : "citations";

    public static string Description(GraphKind kind) => kind switch
    {
        GraphKind.Authors => "Author co-citation network (CiteWeb)",
        GraphKind.Coupling => "Bibliographic coupling network (CiteWeb)",
        _ => "Co-citation network of works (CiteWeb)",
    };

    /// <summary>Node radius from weight: area proportional to weight, between 4 and 24 units.</summary>
    public static double Radius(int weight, int maxWeight) =>
        4 + 20 * Math.Sqrt(Math.Max(0, weight) / (double)Math.Max(1, maxWeight));
}
