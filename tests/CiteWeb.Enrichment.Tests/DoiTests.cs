using CiteWeb.Core.Diagnostics;
using CiteWeb.Core.Model;

[assembly: AssemblyFixture(typeof(CiteWeb.Enrichment.Tests.ScholarlyServer))]

namespace CiteWeb.Enrichment.Tests;

/// <summary>DOIs against a real server playing Crossref and doi.org, wired as the CLI wires them.</summary>
[Collection(nameof(TimingCollection))]
public sealed class DoiTests(ScholarlyServer server)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private TestChecker Services(string crossrefPath = "", Dictionary<string, string?>? more = null)
    {
        var settings = server.Settings(crossrefPath);
        foreach (var (k, v) in more ?? []) settings[k] = v;
        return new TestChecker(settings);
    }

    internal static Reference Ref(string id, string title, string? family, int? year, string? doi = null, int line = 1)
    {
        var r = new Reference(id, "book") { Title = title, Doi = doi, Source = new SourceSpan("refs.txt", line, 1) };
        if (family is not null) r.SetNames(Csl.Author, [new PersonName { Family = family, Given = "A." }]);
        if (year is not null) r.Issued = PartialDate.FromYear(year.Value);
        return r;
    }

    [Fact]
    public async Task An_exact_match_is_attached()
    {
        using var t = Services();
        var m = await t.Get<DoiService>().MatchAsync(Ref("oneil", "Weapons of math destruction: how big data increases inequality", "O’Neil", 2016), Ct);
        Assert.Equal("10.5555/exact.1", m.Doi);
        Assert.True(m.Score >= DoiScoring.Threshold, m.Detail);
    }

    [Fact]
    public async Task A_near_but_wrong_candidate_is_reported_not_attached()
    {
        using var t = Services();
        var m = await t.Get<DoiService>().MatchAsync(Ref("noble", "Algorithms of Oppression", "Noble", 2018), Ct);
        Assert.Null(m.Doi);
        Assert.True(m.Checked);
        var byDoi = m.Candidates.ToDictionary(c => c.Doi);
        Assert.Contains("first author Smith, not Noble", byDoi["10.5555/near.author"].Why);
        Assert.Contains("year 2015, not 2018", byDoi["10.5555/near.year"].Why);
        Assert.All(m.Candidates, c => Assert.InRange(c.Score, 0.5, 1));
    }

    [Fact]
    public async Task An_ambiguous_query_attaches_nothing_and_names_both()
    {
        using var t = Services();
        var m = await t.Get<DoiService>().MatchAsync(Ref("dignazio", "Data feminism", "D'Ignazio", 2020), Ct);
        Assert.Null(m.Doi);
        Assert.Equal(["10.5555/amb.1", "10.5555/amb.2"], m.Candidates.Select(c => c.Doi).Order());
        Assert.StartsWith("Ambiguous", m.Detail);
    }

    [Fact]
    public async Task A_match_the_resolver_does_not_know_is_not_attached()
    {
        using var t = Services();
        var m = await t.Get<DoiService>().MatchAsync(Ref("benjamin", "Race after technology", "Benjamin", 2019), Ct);
        Assert.Null(m.Doi);
        Assert.Contains("not registered", Assert.Single(m.Candidates).Why);
    }

    [Theory]
    [InlineData("10.5555/registered", DoiStatus.Registered)]
    [InlineData("https://doi.org/10.5555/exact.1", DoiStatus.Registered)]
    [InlineData("10.5555/never.registered", DoiStatus.NotRegistered)]
    [InlineData("10.55/too-short-prefix", DoiStatus.Malformed)]
    [InlineData("not a doi", DoiStatus.Malformed)]
    public async Task Validation(string doi, DoiStatus expected)
    {
        using var t = Services();
        Assert.Equal(expected, (await t.Get<DoiService>().ValidateAsync(doi, Ct)).Status);
    }

    [Fact]
    public async Task Content_negotiation_gives_csl_json_that_is_read()
    {
        using var t = Services();
        var r = await t.Get<DoiService>().FetchAsync("10.5555/exact.1", Ct);
        Assert.NotNull(r);
        Assert.Equal("Weapons of Math Destruction", r.Title);
        Assert.Equal("O'Neil", r.Author[0].Family);
        Assert.Equal(2016, r.Issued?.Year);
        Assert.Equal("10.5555/exact.1", r.Doi);
    }

    [Fact]
    public async Task The_announced_rate_limit_holds_on_the_server()
    {
        using var t = Services("/strict");
        var dois = t.Get<DoiService>();
        var titles = new[] { "Weapons of math", "Algorithms of oppression", "Data feminism", "Race after technology", "Feminism and data", "Math and oppression" };
        await Task.WhenAll(titles.Select((title, i) => dois.MatchAsync(Ref($"r{i}", title, "Nobody", 2000 + i), Ct)));
        var starts = server.StrictStarts.Order().ToList();
        Assert.Equal(titles.Length, starts.Count);
        // 2 per second announced: any three consecutive requests span at least a second.
        for (int i = 0; i + 2 < starts.Count; i++)
            Assert.True((starts[i + 2] - starts[i]).TotalMilliseconds >= 950, $"requests {i}..{i + 2} within {(starts[i + 2] - starts[i]).TotalMilliseconds:0} ms");
    }

    [Fact]
    public async Task Crossref_is_asked_politely_and_once_per_query()
    {
        using var t = Services();
        var dois = t.Get<DoiService>();
        var r = Ref("once", "Weapons of math destruction", "O'Neil", 2016);
        await dois.MatchAsync(r, Ct);
        await dois.MatchAsync(r, Ct);
        var mine = server.Queries.Where(q => q.Contains("Weapons%20of%20math%20destruction%20O%27Neil%202016", StringComparison.Ordinal)).ToList();
        var q = Assert.Single(mine);
        Assert.Contains("mailto=tests%40citeweb.invalid", q);
        Assert.Contains("UA=CiteWeb/0.1 (+https://github.com/citeweb; mailto:tests@citeweb.invalid)", q);
    }

    [Fact]
    public async Task Offline_or_unreachable_attaches_nothing()
    {
        using var off = Services(more: new() { ["Network:Offline"] = "true" });
        var m = await off.Get<DoiService>().MatchAsync(Ref("oneil", "Weapons of Math Destruction", "O'Neil", 2016), Ct);
        Assert.False(m.Checked);
        Assert.Null(m.Doi);

        using var closed = Services(more: new() { ["Endpoints:Crossref"] = "http://127.0.0.1:1", ["Endpoints:DoiResolver"] = "http://127.0.0.1:1" });
        var result = await closed.Get<DoiEnricher>().EnrichAsync([Ref("a", "Weapons of Math Destruction", "O'Neil", 2016), Ref("b", "Data feminism", null, 2020, "10.5555/amb.1")], null, Ct);
        Assert.Empty(result.Changes);
        Assert.Empty(result.Diagnostics);
        Assert.Equal(2, result.Unchecked);
    }

    [Fact]
    public async Task The_enricher_attaches_validates_and_reports_in_input_order()
    {
        using var t = Services();
        List<Reference> refs =
        [
            Ref("oneil", "Weapons of Math Destruction", "O'Neil", 2016, line: 1),
            Ref("noble", "Algorithms of Oppression", "Noble", 2018, line: 2),
            Ref("bad", "Something", "X", 2001, "10.12/x", line: 3),
            Ref("gone", "Something else", "Y", 2002, "10.5555/never.registered", line: 4),
            Ref("fine", "Registered", "Z", 2003, "10.5555/registered", line: 5),
        ];
        var result = await t.Get<DoiEnricher>().EnrichAsync(refs, null, Ct);
        Assert.Equal("10.5555/exact.1", refs[0].Doi);
        Assert.Null(refs[1].Doi);
        var change = Assert.Single(result.Changes);
        Assert.Equal(("oneil", "DOI", (string?)null, "10.5555/exact.1"), (change.ReferenceId, change.Field, change.Before, change.After));
        Assert.Equal(
            [DiagnosticCodes.DoiAttached, DiagnosticCodes.DoiCandidate, DiagnosticCodes.DoiCandidate, DiagnosticCodes.DoiMalformed, DiagnosticCodes.DoiNotRegistered],
            result.Diagnostics.Select(d => d.Code));
        Assert.StartsWith("refs.txt:1:1: info CW600: 'oneil': DOI 10.5555/exact.1 attached", result.Diagnostics[0].ToString());
        Assert.Equal(0, result.Unchecked);
    }
}
