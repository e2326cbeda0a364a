namespace CiteWeb.Enrichment.Tests;

/// <summary>The pages of the drift tests: <see cref="SmallWeb"/> serves them live under <c>/drift/...</c>,
/// <see cref="ArchiveWeb"/> serves the snapshot of 2019 of every URL containing <c>drift/</c>.</summary>
internal static class DriftPages
{
    private const string Article =
        "<h1>On reference rot</h1><p>Reference rot is the problem of links that stop working and of pages whose content "
        + "changes after they are cited. One in five science articles cites something that has rotted, and most law review "
        + "links no longer point to what the authors saw when they wrote.</p>";

    private static string Page(string year, string main) =>
        $"<!doctype html><html><head><title>Rot</title><script>var year = {year};</script></head><body>"
        + $"<nav><a href=/>Home {year}</a></nav><main>{main}</main><footer>&copy; {year} The Site</footer></body></html>";

    /// <summary>The page in 2019, as the archive has it.</summary>
    public static string Snapshot() => Page("2019", Article);

    /// <summary>The page today: <c>/drift/same</c> has a new theme around the same article, <c>/drift/changed</c>
    /// sells the domain.</summary>
    public static string? Live(string path) => path switch
    {
        "/drift/same" => Page("2026", Article.Replace("<p>", "<p class=\"lead\">")),
        "/drift/changed" => Page("2026", "<h1>This domain is for sale</h1><p>Buy this premium address today; contact our brokers for an offer on this and many other names.</p>"),
        _ => null,
    };
}
