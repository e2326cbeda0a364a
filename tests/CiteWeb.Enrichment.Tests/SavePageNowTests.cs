using System.Collections.Concurrent;
using CiteWeb.Core.Model;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CiteWeb.Enrichment.Tests;

/// <summary>Save Page Now 2 against a local fake: the capture protocol, its errors, rate limits, bounded polling, and
/// keys that go to the archive and nowhere else.</summary>
public sealed class SavePageNowTests(ArchivingServer spn) : IClassFixture<ArchivingServer>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private TestChecker Client(bool keys = true, Action<IServiceCollection>? configure = null) => new(spn.Settings(keys), configure: configure);

    [Fact]
    public async Task A_capture_is_submitted_polled_and_recorded_as_the_snapshot()
    {
        using var t = Client();
        var target = "http://example.org/spn-ok/paper";
        var outcome = await t.Get<SavePageNow>().SaveAsync(target, Ct);

        Assert.NotNull(outcome.Copy);
        Assert.Equal($"{spn.Origin}/web/{ArchivingServer.Stamp}/{target}", outcome.Copy.Url);
        Assert.Equal(new DateTimeOffset(2026, 11, 26, 12, 0, 0, TimeSpan.Zero), outcome.Copy.Timestamp);
        Assert.Equal("savepagenow", outcome.Copy.Source);
        var post = Assert.Single(spn.For("spn-ok/paper"));
        Assert.Equal(("POST", "/save", $"LOW {ArchivingServer.AccessKey}:{ArchivingServer.SecretKey}", "application/json"), (post.Method, post.Path, post.Authorization, post.Accept));
        // Pending once, then success: two status requests, each with the keys.
        var polls = spn.Requests.Where(r => r.Path.StartsWith("/save/status/spn2-ok-", StringComparison.Ordinal) && r.At >= post.At).ToList();
        Assert.True(polls.Count >= 2, $"{polls.Count} polls");
        Assert.All(polls, p => Assert.Equal("GET", p.Method));
    }

    [Theory]
    [InlineData("spn-error", "The server cannot find the requested resource")]
    [InlineData("spn-refused", "This URL is in the Save Page Now service block list")]
    public async Task A_capture_that_fails_says_why_and_records_nothing(string marker, string why)
    {
        using var t = Client();
        var outcome = await t.Get<SavePageNow>().SaveAsync($"http://example.org/{marker}/x", Ct);
        Assert.Null(outcome.Copy);
        Assert.Contains(why, outcome.Detail);
    }

    [Fact]
    public async Task A_job_that_stays_pending_is_given_up_after_the_maximum_wait()
    {
        using var t = new TestChecker(new(spn.Settings()) { ["SavePageNow:MaxWait"] = "00:00:02", ["SavePageNow:PollInterval"] = "00:00:00.100" });
        var started = DateTimeOffset.UtcNow;
        var outcome = await t.Get<SavePageNow>().SaveAsync("http://example.org/spn-never/x", Ct);
        Assert.Null(outcome.Copy);
        Assert.Contains("did not finish the capture within 2 s", outcome.Detail);
        Assert.InRange((DateTimeOffset.UtcNow - started).TotalSeconds, 1.9, 8);
        // At most one status request per poll interval while the wait lasts.
        Assert.InRange(spn.Requests.Count(r => r.Path.StartsWith("/save/status/spn2-never-", StringComparison.Ordinal) && r.At >= started), 1, 20);
    }

    [Fact]
    public async Task A_429_is_retried_after_its_Retry_After_and_then_holds_back_the_next_capture()
    {
        using var t = new TestChecker(new(spn.Settings()) { ["Network:MaxRetries"] = "1", ["Network:PerLinkTimeout"] = "00:00:05" });
        var save = t.Get<SavePageNow>();
        var outcome = await save.SaveAsync("http://example.org/spn-rate/one", Ct);
        Assert.Null(outcome.Copy);
        Assert.Contains("rate-limiting", outcome.Detail);
        var posts = spn.For("spn-rate/one");
        Assert.Equal(2, posts.Count); // the first and one retry
        Assert.True((posts[1].At - posts[0].At).TotalMilliseconds >= 900, $"retried after {(posts[1].At - posts[0].At).TotalMilliseconds:0} ms");

        var after = DateTimeOffset.UtcNow;
        await save.SaveAsync("http://example.org/spn-ok/after-rate", Ct);
        var next = Assert.Single(spn.For("spn-ok/after-rate"));
        Assert.True((next.At - after).TotalMilliseconds >= 800, $"next capture {(next.At - after).TotalMilliseconds:0} ms after the 429");
    }

    [Fact]
    public async Task Without_keys_nothing_is_sent()
    {
        using var t = Client(keys: false);
        var save = t.Get<SavePageNow>();
        Assert.False(save.HasKeys);
        var outcome = await save.SaveAsync("http://example.org/spn-ok/nokeys", Ct);
        Assert.Null(outcome.Copy);
        Assert.Contains("no keys are configured", outcome.Detail);
        Assert.Empty(spn.For("spn-ok/nokeys"));
    }

    [Fact]
    public void One_key_without_the_other_is_a_configuration_error_that_does_not_show_the_key()
    {
        var options = new EnrichmentOptions { SavePageNow = { AccessKey = ArchivingServer.AccessKey } };
        var result = new EnrichmentOptionsValidator().Validate(null, options);
        Assert.True(result.Failed);
        Assert.Contains("SavePageNow:AccessKey and SavePageNow:SecretKey go together", result.FailureMessage);
        Assert.DoesNotContain(ArchivingServer.AccessKey, result.FailureMessage);
        Assert.DoesNotContain(ArchivingServer.SecretKey, new EnrichmentOptions { SavePageNow = { AccessKey = "a", SecretKey = ArchivingServer.SecretKey } }.SavePageNow.ToString());
    }

    [Fact]
    public async Task The_keys_never_reach_the_log_even_at_trace_level()
    {
        var log = new ConcurrentQueue<string>();
        using var t = Client(configure: s => s.AddLogging(b => b.SetMinimumLevel(LogLevel.Trace).AddProvider(new Capture(log))));
        var save = t.Get<SavePageNow>();
        await save.SaveAsync("http://example.org/spn-ok/logged", Ct);
        await save.SaveAsync("http://example.org/spn-error/logged", Ct);
        await save.SaveAsync("http://example.org/spn-rate/logged", Ct);
        Assert.NotEmpty(log); // the HTTP client and the resilience pipeline did log
        Assert.DoesNotContain(log, line => line.Contains(ArchivingServer.SecretKey, StringComparison.Ordinal) || line.Contains(ArchivingServer.AccessKey, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Only_links_at_risk_are_submitted_and_a_drifted_page_keeps_the_copy_that_was_cited()
    {
        using var t = Client();
        var old = new ArchivedCopy("http://archive.example/web/2019/x", new DateTimeOffset(2019, 3, 1, 0, 0, 0, TimeSpan.Zero), "wayback");
        LinkCheck Check(string path, LinkStatus status, ArchivedCopy? copy = null, bool drifted = false) =>
            new() { Url = "http://example.org/" + path, Status = status, Archive = copy, Drifted = drifted, Detail = "Checked." };
        var checks = new[]
        {
            Check("spn-ok/dead-with-copy", LinkStatus.NotFound, old),
            Check("spn-ok/malformed", LinkStatus.Malformed),
            Check("spn-ok/unchecked", LinkStatus.Unchecked),
            Check("spn-ok/drifted", LinkStatus.Ok, old, drifted: true),
            Check("spn-ok/dead-no-copy", LinkStatus.Gone, old) with { Archive = null },
        };
        // The lookup is pointed at this server too, where no archive answers: links without a copy stay without one.
        var results = await t.Get<SavePageNow>().SaveAllAsync(checks, t.Archive, checks.Select(_ => (DateTimeOffset?)null).ToList(), null, Ct);

        Assert.Empty(spn.For("spn-ok/dead-with-copy"));
        Assert.Empty(spn.For("spn-ok/malformed"));
        Assert.Empty(spn.For("spn-ok/unchecked"));
        Assert.Equal(old, results[0].Archive);
        Assert.Equal(old, results[3].Archive);
        Assert.Contains("Save Page Now captured it", results[3].Detail);
        Assert.Equal(("savepagenow", $"{spn.Origin}/web/{ArchivingServer.Stamp}/http://example.org/spn-ok/dead-no-copy"), (results[4].Archive?.Source, results[4].Archive?.Url));
    }

    private sealed class Capture(ConcurrentQueue<string> lines) : ILoggerProvider
    {
        public ILogger CreateLogger(string category) => new Logger(lines, category);
        public void Dispose() { }

        private sealed class Logger(ConcurrentQueue<string> lines, string category) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
            public bool IsEnabled(LogLevel level) => true;
            public void Log<TState>(LogLevel level, EventId id, TState state, Exception? e, Func<TState, Exception?, string> format)
            {
                // The message and every structured value, as a sink that writes them all would.
                var values = state is IEnumerable<KeyValuePair<string, object?>> kv ? string.Join(" ", kv.Select(p => $"{p.Key}={p.Value}")) : "";
                lines.Enqueue($"{category} {level} {format(state, e)} {values} {e}");
            }
        }
    }
}
