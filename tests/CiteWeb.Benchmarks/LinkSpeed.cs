using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using CiteWeb.Core.Model;
using CiteWeb.Enrichment;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CiteWeb.Benchmarks;

/// <summary>
/// `speed [RUNS] [--pages html|pdf] [--links N] [--hosts H] [--linkinator PATH]`: checks N links (default 1,000) spread
/// evenly over H hosts (default 50: the loopback addresses 127.0.0.2 .. 127.0.0.51, which Linux routes to one
/// Kestrel) whose every answer takes 200 ms, with CiteWeb's default limits (global 16, per host 2, 250 ms between two
/// starts at one host), and prints the wall time of each run, the median, and the least time those limits allow for
/// the requests the checker has to make. With <c>--linkinator</c> the same links, listed on one page, are checked by
/// linkinator (npm) with the same global concurrency, in the same run. Every request is counted on the server, so
/// what each tool asked for is printed beside its time.
/// </summary>
internal static class LinkSpeed
{
    private static readonly TimeSpan Delay = TimeSpan.FromMilliseconds(200);

    public static async Task<int> RunAsync(string[] args)
    {
        var runs = args.Length > 1 && int.TryParse(args[1], CultureInfo.InvariantCulture, out var r) ? r : 3;
        var pages = Option(args, "--pages") ?? "html";
        var n = int.Parse(Option(args, "--links") ?? "1000", CultureInfo.InvariantCulture);
        var hosts = int.Parse(Option(args, "--hosts") ?? "50", CultureInfo.InvariantCulture);
        var linkinator = Option(args, "--linkinator");
        if (pages is not ("html" or "pdf") || hosts is < 1 or > 250 || n < hosts)
        {
            Console.Error.WriteLine("usage: speed [RUNS] [--pages html|pdf] [--links N] [--hosts H<=250] [--linkinator PATH]");
            return 2;
        }

        await using var server = await Server.StartAsync(hosts, pages == "pdf", n);
        var links = Enumerable.Range(0, n).Select(i => server.Link(i)).ToList();
        var defaults = new NetworkOptions();
        Console.WriteLine($"{n} links on {hosts} hosts ({n / hosts} per host), {pages} pages, every answer after {Delay.TotalMilliseconds:0} ms; "
            + $"limits: global {defaults.GlobalConcurrency}, per host {defaults.PerHostConcurrency}, {defaults.MinIntervalPerHost.TotalMilliseconds:0} ms between starts per host");

        // What the checker must ask, whatever its speed: an HTML page takes a HEAD, then a GET for its body (a 200 may be
        // an error page), and each host of HTML pages once a random path (HEAD, 404) for the soft-404 comparison; a PDF
        // takes the HEAD alone.
        var perLink = pages == "html" ? 2 : 1;
        var probes = pages == "html" ? 1 : 0; // the soft-404 comparison is made for HTML pages only
        var minimum = Minimum(n, hosts, perLink, probes, defaults);
        var oneRequest = Minimum(n, hosts, 1, 0, defaults);
        Console.WriteLine($"least time the limits allow: {minimum.TotalSeconds:0.00} s for {perLink} request(s) per link and {probes} probe(s) per host "
            + $"(1.2x = {1.2 * minimum.TotalSeconds:0.00} s); with a single request per link and no probe it would be {oneRequest.TotalSeconds:0.00} s");

        var times = new List<double>();
        for (int run = 0; run < runs; run++)
        {
            server.Reset();
            using var services = Services();
            var checker = services.GetRequiredService<LinkChecker>();
            var clock = Stopwatch.StartNew();
            var results = await checker.CheckAllAsync(links.Select(u => (u, (string?)null, (string?)null, (int?)null)), null, CancellationToken.None);
            clock.Stop();
            var notOk = results.Where(x => x.Status != LinkStatus.Ok).ToList();
            times.Add(clock.Elapsed.TotalSeconds);
            Console.WriteLine($"citeweb run {run + 1}: {clock.Elapsed.TotalSeconds:0.00} s, {server.Describe()}, {results.Count - notOk.Count}/{results.Count} ok"
                + (notOk.Count > 0 ? $" (first not ok: {notOk[0].Url} {notOk[0].Status} {notOk[0].Detail})" : ""));
        }
        var median = Median(times);
        Console.WriteLine($"citeweb median of {runs}: {median:0.00} s = {median / minimum.TotalSeconds:0.00}x the least time");

        if (linkinator is not null)
        {
            var lt = new List<double>();
            for (int run = 0; run < runs; run++)
            {
                server.Reset();
                var (seconds, exit, summary) = await RunLinkinatorAsync(linkinator, server.ListingUrl, defaults.GlobalConcurrency);
                lt.Add(seconds);
                Console.WriteLine($"linkinator run {run + 1}: {seconds:0.00} s (exit {exit}), {server.Describe()}; {summary}");
            }
            Console.WriteLine($"linkinator median of {runs}: {Median(lt):0.00} s (--concurrency {defaults.GlobalConcurrency}, no per-host limit or interval)");
        }
        return 0;
    }

    /// <summary>The least wall time: no link can finish before its own requests have been answered one after the other
    /// (each started the host's interval after the one before), at most <c>GlobalConcurrency</c> links are in flight
    /// (a probe runs inside the link that needed it), and one host sees at most <c>PerHostConcurrency</c> requests at
    /// once, started <c>MinIntervalPerHost</c> apart.</summary>
    internal static TimeSpan Minimum(int links, int hosts, int requestsPerLink, int probesPerHost, NetworkOptions limits)
    {
        var d = Delay.TotalSeconds;
        // The requests of one link go to one host one after the other, so each after the first starts no sooner than
        // the answer before it (d) and the host's interval after the previous start: a step of max(d, interval).
        var step = Math.Max(d, limits.MinIntervalPerHost.TotalSeconds);
        var link = (requestsPerLink - 1) * step + d;
        // A host's probe runs after the first link's last request, inside that link's global slot.
        var global = (links * link + hosts * probesPerHost * step) / limits.GlobalConcurrency;
        var perHostLinks = (int)Math.Ceiling(links / (double)hosts);
        var perHostRequests = perHostLinks * requestsPerLink + probesPerHost;
        var interval = (perHostRequests - 1) * limits.MinIntervalPerHost.TotalSeconds + d;
        var slots = Math.Ceiling(perHostRequests / (double)limits.PerHostConcurrency) * d;
        return TimeSpan.FromSeconds(Math.Max(link + probesPerHost * step, Math.Max(global, Math.Max(interval, slots))));
    }

    private static ServiceProvider Services()
    {
        // The CLI's wiring with the default limits; only the loopback network is let through the address guard.
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Network:AllowedNetworks:0"] = "127.0.0.0/8",
            ["Contact:Email"] = "bench@citeweb.invalid",
        }).Build();
        return new ServiceCollection().AddCiteWebEnrichment(configuration).BuildServiceProvider();
    }

    private static async Task<(double Seconds, int Exit, string Summary)> RunLinkinatorAsync(string path, string url, int concurrency)
    {
        var start = new ProcessStartInfo(path) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in new[] { url, "--concurrency", concurrency.ToString(CultureInfo.InvariantCulture), "--format", "json", "--timeout", "15000" })
            start.ArgumentList.Add(a);
        var clock = Stopwatch.StartNew();
        using var p = Process.Start(start)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        await p.WaitForExitAsync();
        clock.Stop();
        var text = await stdout;
        _ = await stderr;
        int ok = 0, broken = 0;
        try
        {
            using var json = System.Text.Json.JsonDocument.Parse(text);
            foreach (var link in json.RootElement.GetProperty("links").EnumerateArray())
                if (link.GetProperty("url").GetString() != url)
                    _ = link.GetProperty("state").GetString() == "OK" ? ok++ : broken++;
        }
        catch (Exception e) when (e is System.Text.Json.JsonException or KeyNotFoundException or InvalidOperationException)
        {
            return (clock.Elapsed.TotalSeconds, p.ExitCode, "its report could not be read");
        }
        return (clock.Elapsed.TotalSeconds, p.ExitCode, $"it reports {ok} links ok, {broken} not ok");
    }

    private static double Median(List<double> xs)
    {
        var s = xs.Order().ToList();
        return s.Count % 2 == 1 ? s[s.Count / 2] : (s[s.Count / 2 - 1] + s[s.Count / 2]) / 2;
    }

    private static string? Option(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }

    /// <summary>One Kestrel listening on 127.0.0.1 (the listing page) and on 127.0.0.2.. (the hosts), each on its own
    /// free port; every answer after 200 ms. <c>/p/K</c> is a page (HTML or PDF), anything else 404.</summary>
    private sealed class Server : IAsyncDisposable
    {
        private readonly WebApplication _app;
        private readonly string[] _origins;
        private readonly bool _pdf;
        private readonly int _links;
        private readonly ConcurrentDictionary<string, int> _methods = new();
        private int _inFlight, _maxInFlight;

        private Server(WebApplication app, string[] origins, bool pdf, int links) => (_app, _origins, _pdf, _links) = (app, origins, pdf, links);

        public string ListingUrl => _origins[0] + "/";
        public string Link(int i) => $"{_origins[1 + i % (_origins.Length - 1)]}/p/{i}";

        public void Reset()
        {
            _methods.Clear();
            _maxInFlight = 0;
        }

        public string Describe() =>
            string.Join(", ", _methods.OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => $"{kv.Value} {kv.Key}")) + $", at most {_maxInFlight} in flight";

        public static async Task<Server> StartAsync(int hosts, bool pdf, int links)
        {
            var builder = WebApplication.CreateSlimBuilder();
            builder.Logging.ClearProviders();
            builder.WebHost.ConfigureKestrel(k =>
            {
                for (int h = 0; h <= hosts; h++) k.Listen(IPAddress.Parse($"127.0.0.{h + 1}"), 0);
            });
            var app = builder.Build();
            Server? self = null;
            app.Run(c => self!.ServeAsync(c));
            await app.StartAsync();
            var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses
                .Select(a => a.TrimEnd('/')).OrderBy(a => IPAddress.Parse(new Uri(a).Host).GetAddressBytes()[3]).ToArray();
            self = new Server(app, addresses, pdf, links);
            return self;
        }

        private async Task ServeAsync(HttpContext c)
        {
            var now = Interlocked.Increment(ref _inFlight);
            int seen;
            while (now > (seen = Volatile.Read(ref _maxInFlight)) && Interlocked.CompareExchange(ref _maxInFlight, now, seen) != seen) { }
            _methods.AddOrUpdate(c.Request.Method + (c.Request.Path == "/" ? " listing" : c.Request.Path.StartsWithSegments("/p") ? "" : " other"), 1, (_, v) => v + 1);
            try
            {
                await Task.Delay(Delay, c.RequestAborted);
                var path = c.Request.Path.Value ?? "/";
                if (path == "/")
                {
                    var html = new StringBuilder("<!doctype html><html><head><title>Links</title></head><body><ul>\n");
                    for (int i = 0; i < _links; i++) html.Append("<li><a href=\"").Append(Link(i)).Append("\">").Append(i).Append("</a></li>\n");
                    c.Response.ContentType = "text/html; charset=utf-8";
                    await c.Response.WriteAsync(html.Append("</ul></body></html>").ToString());
                }
                else if (path.StartsWith("/p/", StringComparison.Ordinal))
                {
                    if (_pdf)
                    {
                        c.Response.ContentType = "application/pdf";
                        await c.Response.WriteAsync("%PDF-1.4\n% a cited paper " + path + "\n%%EOF\n");
                    }
                    else
                    {
                        c.Response.ContentType = "text/html; charset=utf-8";
                        await c.Response.WriteAsync($"<!doctype html><html><head><title>Cited paper n{path[3..]}</title></head><body><h1>Cited paper n{path[3..]}</h1><p>The text of a cited page, number {path[3..]}.</p></body></html>");
                    }
                }
                else c.Response.StatusCode = 404;
            }
            finally
            {
                Interlocked.Decrement(ref _inFlight);
            }
        }

        public ValueTask DisposeAsync() => _app.DisposeAsync();
    }
}
