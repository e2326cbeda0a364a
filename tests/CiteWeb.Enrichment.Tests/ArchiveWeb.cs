using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace CiteWeb.Enrichment.Tests;

/// <summary>
/// The archives on 127.0.0.1 (Kestrel, a free port): the Wayback availability API, the CDX API and Memento
/// TimeTravel, answering by what the looked-up URL contains (<c>cdx-only</c>, <c>memento-only</c>, <c>nowhere</c>,
/// <c>malformed-availability</c>, <c>malformed-cdx</c>, <c>slow-availability</c>; anything else has a Wayback
/// snapshot of 2019-03-01, whose page (<c>/web/20190301000000id_/URL</c>) it serves for the drift pages of
/// <see cref="DriftPages"/>). It also serves <c>/alive</c> (200) and, like every other path, 404, so a link to it is
/// dead. Every request is recorded as it arrived.
/// </summary>
public sealed class ArchiveWeb : IAsyncLifetime
{
    private WebApplication? _app;
    private readonly ConcurrentQueue<string> _requests = new();

    public string Origin { get; private set; } = "";
    /// <summary>Path and query of every request, as they arrived.</summary>
    public IReadOnlyList<string> Requests => _requests.ToList();
    public IReadOnlyList<string> RequestsFor(string marker) => Requests.Where(r => r.Contains(marker, StringComparison.Ordinal)).ToList();

    public async ValueTask InitializeAsync()
    {
        (_app, Origin) = await LocalKestrel.StartAsync(Serve);
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null) await _app.DisposeAsync();
    }

    private Task Json(HttpContext c, string json)
    {
        c.Response.ContentType = "application/json";
        return c.Response.WriteAsync(json, c.RequestAborted);
    }

    private async Task Serve(HttpContext c)
    {
        var path = c.Request.Path.Value ?? "/";
        var raw = path + c.Request.QueryString.Value;
        _requests.Enqueue(raw);
        var url = c.Request.Query["url"].ToString();
        bool Is(string marker) => url.Contains(marker, StringComparison.Ordinal);
        switch (path)
        {
            case "/wayback/available":
                if (Is("slow-availability")) await Task.Delay(TimeSpan.FromSeconds(5), c.RequestAborted);
                if (Is("malformed-availability")) await Json(c, "{\"archived_snapshots\": {\"closest\": ");
                else if (Is("cdx-only") || Is("memento-only") || Is("nowhere") || Is("malformed-cdx") || Is("slow-availability"))
                    await Json(c, $"{{\"url\":\"{url}\",\"archived_snapshots\":{{}}}}");
                else
                    await Json(c, $"{{\"url\":\"{url}\",\"archived_snapshots\":{{\"closest\":{{\"status\":\"200\",\"available\":true,"
                        + $"\"url\":\"{Origin}/web/20190301000000/{url}\",\"timestamp\":\"20190301000000\"}}}}}}");
                return;
            case "/cdx/search/cdx":
                if (Is("malformed-cdx")) await Json(c, "[[\"timestamp\",\"original\"],[20190301,null],\"row\"]");
                else if (Is("cdx-only") || Is("malformed-availability") || Is("slow-availability"))
                    // Not sorted by closeness: the client picks the nearest itself.
                    await Json(c, $"[[\"timestamp\",\"original\"],[\"20100101000000\",\"{url}\"],[\"20190305000000\",\"{url}\"],[\"20250101000000\",\"{url}\"]]");
                else await Json(c, "[]");
                return;
            case "/alive":
                c.Response.ContentType = "text/html";
                await c.Response.WriteAsync("<html><head><title>Alive</title></head><body><h1>Alive</h1></body></html>", c.RequestAborted);
                return;
        }
        if (path.StartsWith("/web/20190301000000id_/", StringComparison.Ordinal) && path.Contains("/drift/", StringComparison.Ordinal))
        {
            c.Response.ContentType = "text/html; charset=utf-8";
            await c.Response.WriteAsync(DriftPages.Snapshot(), c.RequestAborted);
            return;
        }
        if (DriftPages.Live(path) is { } live) // the live pages too, for the CLI tests that have only this server
        {
            c.Response.ContentType = "text/html; charset=utf-8";
            await c.Response.WriteAsync(live, c.RequestAborted);
            return;
        }
        if (path.StartsWith("/api/json/", StringComparison.Ordinal))
        {
            if (raw.Contains("memento-only", StringComparison.Ordinal) || raw.Contains("malformed-cdx", StringComparison.Ordinal))
                await Json(c, $"{{\"mementos\":{{\"closest\":{{\"uri\":[\"{Origin}/memento/20190304100000\"],\"datetime\":\"2019-03-04T10:00:00Z\"}}}}}}");
            else c.Response.StatusCode = 404; // TimeTravel's answer when no archive has the page
            return;
        }
        c.Response.StatusCode = 404;
    }
}
