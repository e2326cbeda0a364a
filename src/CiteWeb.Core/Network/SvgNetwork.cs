namespace CiteWeb.Core.Network;

/// <summary>Options of <see cref="SvgNetwork"/>.</summary>
public sealed record SvgOptions
{
    /// <summary>View box width. The default is 960.</summary>
    public int Width { get; init; } = 960;
    /// <summary>View box height. The default is 720.</summary>
    public int Height { get; init; } = 720;
    /// <summary>At most this many labels, heaviest nodes first, skipping any that would overlap one already
    /// placed; every node keeps its tooltip. The default is 40.</summary>
    public int MaxLabels { get; init; } = 40;
    /// <summary>The SVG's own title (accessible name), or null.</summary>
    public string? Title { get; init; }
}

/// <summary>A laid-out network as one self-contained SVG document (no scripts, no external references).</summary>
public static class SvgNetwork
{
    /// <summary>Draws <paramref name="layout"/>'s graph: circles sized by citations, edges faded by weight,
    /// labels for the heaviest nodes, a &lt;title&gt; tooltip on every node and edge.</summary>
    public static string Render(GraphLayout layout, SvgOptions? options = null) => throw new NotImplementedException();
}
