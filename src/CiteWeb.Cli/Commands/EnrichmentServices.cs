using CiteWeb.Enrichment;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CiteWeb.Cli.Commands;

/// <summary>The enrichment services as every network command builds them: <c>citeweb.json</c> in the working folder,
/// then <c>CITEWEB_*</c> environment variables; a bad key is a usage error naming it.</summary>
internal static class EnrichmentServices
{
    public static ServiceProvider Build(CliIO io, bool offline)
    {
        var configuration = new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(io.WorkingDirectory, "citeweb.json"), optional: true)
            .AddEnvironmentVariables(prefix: "CITEWEB_")
            .Build();
        var services = new ServiceCollection().AddCiteWebEnrichment(configuration);
        if (offline) services.PostConfigure<EnrichmentOptions>(o => o.Network.Offline = true);
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
}
