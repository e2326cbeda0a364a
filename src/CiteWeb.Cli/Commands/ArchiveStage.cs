using CiteWeb.Core.Model;
using CiteWeb.Enrichment;
using Microsoft.Extensions.DependencyInjection;

namespace CiteWeb.Cli.Commands;

/// <summary>
/// The archive step of <c>linkrot</c> and <c>enrich</c> after the links are checked. <c>lookup</c>: the snapshot nearest
/// the access date for every link that is not ok. <c>save</c>: that, then every link at risk without a copy (or drifted)
/// submitted to Save Page Now. <c>local</c>: the lookup, then every live page stored as a WARC file under
/// <c>WORKSPACE/archive/</c>.
/// </summary>
internal static class ArchiveStage
{
    public static readonly string[] Modes = ["none", "lookup", "save", "local"];

    public const string KeysMissing = "--archive save needs Save Page Now keys: set SavePageNow:AccessKey and SavePageNow:SecretKey in citeweb.json, "
        + "or CITEWEB_SAVEPAGENOW__ACCESSKEY and CITEWEB_SAVEPAGENOW__SECRETKEY (the keys of an archive.org account); nothing was checked";

    /// <summary>Refuses <c>--archive save</c> without keys before any link is checked.</summary>
    public static void Require(IServiceProvider provider, string mode)
    {
        if (mode == "save" && !provider.GetRequiredService<SavePageNow>().HasKeys) throw new UserError(KeysMissing);
    }

    public static async Task<IReadOnlyList<LinkCheck>> RunAsync(CliIO io, IServiceProvider provider, IReadOnlyList<LinkCheck> results,
        IReadOnlyList<DateTimeOffset?> near, string mode, bool drift, string workspace, CancellationToken ct)
    {
        if (mode != "none" || drift)
        {
            var wanted = ArchiveLookup.CountWanted(results, drift);
            results = await provider.GetRequiredService<ArchiveLookup>().AttachAllAsync(results, near, Lines(io, "archive", wanted), ct, drift);
        }
        if (mode == "save")
        {
            var wanted = results.Count(SavePageNow.Wants);
            results = await provider.GetRequiredService<SavePageNow>().SaveAllAsync(results, provider.GetRequiredService<ArchiveLookup>(), near,
                Lines(io, "save page now", wanted), ct);
        }
        if (mode == "local")
        {
            var wanted = results.Count(LocalArchive.Wants);
            results = await provider.GetRequiredService<LocalArchive>().StoreAllAsync(results, Path.Combine(io.Resolve(workspace), "archive"),
                Lines(io, "warc", wanted), ct);
        }
        return results;
    }

    /// <summary>One line on the copies: how many links have one, and how many this run made.</summary>
    public static string Describe(IReadOnlyList<LinkCheck> results, string mode)
    {
        var fresh = results.Count(r => r.Archive?.Source is SavePageNow.Source or LocalArchive.Source);
        return $"archive: {results.Count(r => r.Archive is not null)} of {results.Count} link(s) have an archived copy"
            + (mode is "save" or "local" ? $", {fresh} made in this run ({(mode == "save" ? "Save Page Now" : "WARC files under index/archive/")})." : ".");
    }

    private static Progress<int> Lines(CliIO io, string what, int total) => new(done =>
    {
        if (done % 25 == 0 || done == total) io.Error.WriteLine($"{what}: {done}/{total}");
    });
}
