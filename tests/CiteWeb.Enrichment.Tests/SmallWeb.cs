using System.Collections.Concurrent;
using System.Text;
using Microsoft.AspNetCore.Http;

[assembly: AssemblyFixture(typeof(CiteWeb.Enrichment.Tests.SmallWeb))]

namespace CiteWeb.Enrichment.Tests;

/// <summary>
/// A small web on 127.0.0.1 (Kestrel, a free port) with one page per link status. Every path it does not know
/// answers the same 200 page, like sites that never say 404.
/// </summary>
public sealed class SmallWeb : IAsyncLifetime
{
    private Microsoft.AspNetCore.Builder.WebApplication? _app;
    private readonly ConcurrentDictionary<string, int> _hits = new();
    private readonly ConcurrentDictionary<string, (int Now, int Max)> _inFlight = new();
    private readonly ConcurrentDictionary<string, ConcurrentQueue<DateTimeOffset>> _starts = new();

    public string Origin { get; private set; } = "";
    public int Port { get; private set; }

    public string Url(string path) => Origin + path;
    public int Hits(string path) => _hits.GetValueOrDefault(path);
    /// <summary>Most requests of a group (<c>/c/GROUP/...</c>) the server was answering at the same moment.</summary>
    public int MaxInFlight(string group) => _inFlight.GetValueOrDefault(group).Max;
    public IReadOnlyList<DateTimeOffset> Starts(string group) => _starts.TryGetValue(group, out var q) ? q.ToList() : [];

    public async ValueTask InitializeAsync()
    {
        (_app, Origin) = await LocalKestrel.StartAsync(Serve);
        Port = new Uri(Origin).Port;
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null) await _app.DisposeAsync();
    }

    private static Task Page(HttpContext c, string title, string body = "", int status = 200)
    {
        c.Response.StatusCode = status;
        c.Response.ContentType = "text/html; charset=utf-8";
        return HttpMethods.IsHead(c.Request.Method) ? Task.CompletedTask
            : c.Response.WriteAsync($"<!doctype html><html><head><title>{title}</title></head><body><h1>{title}</h1><p>{body}</p></body></html>");
    }

    private static Task Redirect(HttpContext c, int status, string location)
    {
        c.Response.StatusCode = status;
        c.Response.Headers.Location = location;
        return Task.CompletedTask;
    }

    private static Task Status(HttpContext c, int status)
    {
        c.Response.StatusCode = status;
        return Task.CompletedTask;
    }

    private async Task Serve(HttpContext c)
    {
        var path = c.Request.Path.Value ?? "/";
        _hits.AddOrUpdate(path, 1, (_, n) => n + 1);
        var ct = c.RequestAborted;
        switch (path)
        {
            case "/": await Page(c, "Home", "Welcome to the small web."); return;
            case "/ok": await Page(c, "An essay on machine learning", new string('x', 3000)); return;
            case "/plain":
                c.Response.ContentType = "text/plain";
                await c.Response.WriteAsync("plain text", ct);
                return;
            case "/moved": await Redirect(c, 301, "/moved-again"); return;
            case "/moved-again": await Redirect(c, 308, Url("/ok")); return;
            case "/temp": await Redirect(c, 302, "/ok"); return;
            case "/loop/a": await Redirect(c, 302, "/loop/b"); return;
            case "/loop/b": await Redirect(c, 307, "/loop/a"); return;
            case "/missing": await Page(c, "Missing", status: 404); return;
            case "/gone": await Status(c, 410); return;
            case "/forbidden": await Status(c, 403); return;
            case "/rate":
                c.Response.Headers.RetryAfter = "1";
                await Status(c, 429);
                return;
            case "/error": await Status(c, 500); return;
            case "/unavailable": await Status(c, 503); return;
            case "/slow":
                await Task.Delay(TimeSpan.FromSeconds(5), ct);
                await Page(c, "Slow");
                return;
            case "/reset": c.Abort(); return;
            case "/soft/title": await Page(c, "Page not found", "Sorry, we could not find that page."); return;
            case "/soft/deep/article": await Redirect(c, 302, "/"); return;
            case "/head-refused":
                if (HttpMethods.IsHead(c.Request.Method)) await Status(c, 405);
                else await Page(c, "Answers GET only", "Some servers refuse HEAD.");
                return;
            case "/endless":
                c.Response.ContentType = "text/html";
                if (HttpMethods.IsHead(c.Request.Method)) return;
                await c.Response.WriteAsync("<html><head><title>Endless</title></head><body>", ct);
                var chunk = Encoding.ASCII.GetBytes(new string('z', 8192));
                while (!ct.IsCancellationRequested) await c.Response.Body.WriteAsync(chunk, ct);
                return;
            case "/to-private": await Redirect(c, 302, "http://10.0.0.1/"); return;
            case "/to-metadata": await Redirect(c, 302, "http://169.254.169.254/latest/meta-data/"); return;
            case "/to-ftp": await Redirect(c, 302, "ftp://127.0.0.1/file"); return;
        }
        if (path.StartsWith("/chain/", StringComparison.Ordinal) && int.TryParse(path["/chain/".Length..], out var n))
        {
            await (n == 0 ? Page(c, "End of the chain") : Redirect(c, 302, $"/chain/{n - 1}"));
            return;
        }
        if (DriftPages.Live(path) is { } live)
        {
            c.Response.ContentType = "text/html; charset=utf-8";
            if (!HttpMethods.IsHead(c.Request.Method)) await c.Response.WriteAsync(live, ct);
            return;
        }
        if (path.StartsWith("/c/", StringComparison.Ordinal))
        {
            await Concurrent(c, path.Split('/')[2], ct);
            return;
        }
        await Page(c, "Welcome", "Everything you look for is here."); // the catch-all of a site that never says 404
    }

    private async Task Concurrent(HttpContext c, string group, CancellationToken ct)
    {
        _starts.GetOrAdd(group, _ => new()).Enqueue(DateTimeOffset.UtcNow);
        _inFlight.AddOrUpdate(group, (1, 1), (_, v) => (v.Now + 1, Math.Max(v.Max, v.Now + 1)));
        try
        {
            await Task.Delay(100, ct);
            c.Response.ContentType = "text/plain";
        }
        finally
        {
            _inFlight.AddOrUpdate(group, (0, 0), (_, v) => (v.Now - 1, v.Max));
        }
    }
}
