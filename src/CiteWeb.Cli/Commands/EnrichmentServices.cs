using System.ComponentModel;
using CiteWeb.Cli.Rendering;
using CiteWeb.Core.Model;
using CiteWeb.Enrichment;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Spectre.Console;
using Spectre.Console.Cli;

namespace CiteWeb.Cli.Commands;

/// <summary>The switches every command that goes out to the network has: offline, and the answer cache.</summary>
public abstract class NetworkSettings : CommandSettings
{
    [CommandOption("--offline")]
    [Description("Look nothing up")]
    public bool Offline { get; init; }

    [CommandOption("--cache <DIR>")]
    [Description("Where network answers are kept and reused (default: Cache:Directory of citeweb.json, else index/cache)")]
    public string? Cache { get; init; }

    [CommandOption("--refresh")]
    [Description("Ask every question again and renew the cached answers")]
    public bool Refresh { get; init; }
}

/// <summary>The enrichment services as every network command builds them: <c>citeweb.json</c> in the working folder,
/// then <c>CITEWEB_*</c> environment variables, then the command line; a bad key is a usage error naming it.</summary>
internal static class EnrichmentServices
{
    /// <summary>The cache of the standard workspace, under the working folder.</summary>
    public static readonly string DefaultCache = Path.Combine("index", "cache");

    /// <param name="defaultCache">The cache when neither <c>--cache</c> nor <c>Cache:Directory</c> names one (run's
    /// workspace); <c>index/cache</c> when null.</param>
    public static ServiceProvider Build(CliIO io, NetworkSettings settings, string? defaultCache = null)
    {
        var configuration = new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(io.WorkingDirectory, "citeweb.json"), optional: true)
            .AddEnvironmentVariables(prefix: "CITEWEB_")
            .Build();
        var services = new ServiceCollection().AddCiteWebEnrichment(configuration);
        services.PostConfigure<EnrichmentOptions>(o =>
        {
            if (settings.Offline) o.Network.Offline = true;
            if (settings.Refresh) o.Cache.Refresh = true;
            // A relative folder is the working folder's, wherever it came from.
            o.Cache.Directory = io.Resolve(settings.Cache ?? (string.IsNullOrWhiteSpace(o.Cache.Directory) ? defaultCache ?? DefaultCache : o.Cache.Directory));
        });
        var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });
        try
        {
            _ = provider.GetRequiredService<IOptions<EnrichmentOptions>>().Value;
        }
        catch (OptionsValidationException e)
        {
            provider.Dispose();
            throw new UserError("configuration: " + string.Join("; ", e.Failures));
        }
        return provider;
    }

    /// <summary>Checks the links of <paramref name="cited"/> (each has a URL), with a progress bar on a terminal and
    /// plain lines otherwise, then runs the archive step of <paramref name="archive"/> (none, lookup, save, local).</summary>
    public static async Task<IReadOnlyList<LinkCheck>> CheckLinksAsync(CliIO io, IServiceProvider provider, IReadOnlyList<Reference> cited,
        string archive, bool drift, CancellationToken ct)
    {
        var links = cited.Select(r => (Url: r.Url!, Reference: (string?)r.Id, File: r.Source?.File, Line: r.Source?.Line)).ToList();
        var checker = provider.GetRequiredService<LinkChecker>();
        var results = await StageProgress.RunAsync(io, "checking links", links.Count,
            progress => checker.CheckAllAsync(links, progress, ct), StageProgress.Every(25, "linkrot", links.Count));

        return await ArchiveStage.RunAsync(io, provider, results, cited.Select(LinkRotCommand.Near).ToList(), archive, drift, "index", ct);
    }

    /// <summary>One line on what the cache gave and kept, when it did anything.</summary>
    public static void ReportCache(CliIO io, IServiceProvider provider)
    {
        var cache = provider.GetRequiredService<AnswerCache>();
        if (cache.Directory is null || cache.Hits + cache.Stored + cache.FailedWrites == 0) return;
        var where = Path.GetRelativePath(io.WorkingDirectory, cache.Directory);
        io.Error.WriteLine($"cache: {cache.Hits} answer(s) reused, {cache.Stored} stored in {where}"
            + (cache.FailedWrites > 0 ? $"; {cache.FailedWrites} could not be written" : ""));
    }
}
