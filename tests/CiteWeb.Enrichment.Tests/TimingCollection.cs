namespace CiteWeb.Enrichment.Tests;

/// <summary>Tests that measure time on the server side (intervals between requests) run alone: on two shared cores,
/// other tests' requests in parallel would make the measured gaps say more about the machine than about the code.</summary>
[CollectionDefinition(nameof(TimingCollection), DisableParallelization = true)]
public sealed class TimingCollection;
