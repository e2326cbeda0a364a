using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace CiteWeb.Enrichment.Tests;

/// <summary>
/// A web of its own for one test (Kestrel on 127.0.0.1, a free port) that counts every request it gets, so a test can
/// say "no request at all" without other tests' traffic in the count. <c>/page/NAME</c> is a page (200),
/// <c>/missing/NAME</c> 404, <c>/error/NAME</c> 500, <c>/moved/NAME</c> a 301 to its page, <c>/slow/MS/NAME</c> a page after MS milliseconds
/// (HEAD too), <c>/held/NAME</c> a page or a wait (<see cref="HoldAfter"/>); anything else 404.
/// </summary>
public sealed class CountingWeb : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, int> _hits = new(StringComparer.Ordinal);
    private WebApplication _app = null!;
    private int _total;
    private readonly ConcurrentDictionary<string, bool> _served = new(StringComparer.Ordinal);
    private readonly TaskCompletionSource _release = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _holdAfter = int.MaxValue;

    /// <summary><c>/held/NAME</c> pages answer for the first <paramref name="names"/> names; the others wait until
    /// <see cref="Release"/>, so a client can be stopped with exactly that much done, however slow the machine.</summary>
    public void HoldAfter(int names) => _holdAfter = names;

    public void Release() => _release.TrySetResult();

    public string Origin { get; private set; } = "";
    public int Total => Volatile.Read(ref _total);
    public int Hits(string path) => _hits.GetValueOrDefault(path);
    public string Url(string path) => Origin + path;

    public static async Task<CountingWeb> StartAsync()
    {
        var web = new CountingWeb();
        (web._app, web.Origin) = await LocalKestrel.StartAsync(web.Serve);
        return web;
    }

    private async Task Serve(HttpContext c)
    {
        var path = c.Request.Path.Value ?? "/";
        Interlocked.Increment(ref _total);
        _hits.AddOrUpdate(path, 1, (_, n) => n + 1);
        var parts = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        switch (parts)
        {
            case ["page", var name]:
                await Page(c, name);
                return;
            case ["missing", _]:
                c.Response.StatusCode = 404;
                return;
            case ["error", _]:
                c.Response.StatusCode = 500;
                return;
            case ["moved", var name]:
                c.Response.StatusCode = 301;
                c.Response.Headers.Location = "/page/" + name;
                return;
            case ["held", var name]:
                if (_served.Count >= _holdAfter && !_served.ContainsKey(name)) await _release.Task.WaitAsync(c.RequestAborted);
                _served.TryAdd(name, true);
                await Page(c, name);
                return;
            case ["slow", var ms, var name] when int.TryParse(ms, out var delay):
                await Task.Delay(delay, c.RequestAborted);
                await Page(c, name);
                return;
            default:
                c.Response.StatusCode = 404;
                return;
        }
    }

    private static Task Page(HttpContext c, string name)
    {
        c.Response.ContentType = "text/html; charset=utf-8";
        return HttpMethods.IsHead(c.Request.Method) ? Task.CompletedTask
            : c.Response.WriteAsync($"<!doctype html><html><head><title>Page {name}</title></head><body><h1>Page {name}</h1><p>What page {name} says.</p></body></html>", c.RequestAborted);
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
