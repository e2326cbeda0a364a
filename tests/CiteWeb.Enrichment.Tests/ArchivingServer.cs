using System.Collections.Concurrent;
using System.IO.Compression;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace CiteWeb.Enrichment.Tests;

/// <summary>
/// Save Page Now 2 and a few pages to store, on 127.0.0.1 (Kestrel, a free port). <c>POST /save</c> wants
/// <c>Authorization: LOW test-access:test-secret-0123</c> (else 401) and answers by the URL it is asked to capture:
/// <c>spn-ok</c> a job that is pending once and then succeeds (timestamp 20261126120000), <c>spn-error</c> a job that
/// ends in error, <c>spn-refused</c> an error without a job, <c>spn-rate</c> 429 with <c>Retry-After: 1</c>,
/// <c>spn-never</c> a job pending for ever. The pages: <c>/page</c> (HTML, sent gzip-compressed), <c>/big</c> (HTML
/// of 100,000 bytes), <c>/dead</c> (404). Every request is recorded with its method and Authorization header.
/// </summary>
public sealed class ArchivingServer : IAsyncLifetime
{
    public const string AccessKey = "test-access", SecretKey = "test-secret-0123";
    public const string Stamp = "20261126120000";

    /// <summary>The page <c>/page</c> serves, before compression.</summary>
    public static readonly byte[] PageBody = Encoding.UTF8.GetBytes(
        "<!doctype html><html><head><title>A cited page</title></head><body><h1>A cited page</h1><p>Stored as it was read, byte for byte: é ü ß.</p></body></html>");

    public static readonly byte[] BigBody = Encoding.ASCII.GetBytes("<html><head><title>Big</title></head><body>" + new string('b', 100_000 - 58) + "</body></html>");

    private Microsoft.AspNetCore.Builder.WebApplication? _app;
    private readonly ConcurrentQueue<(DateTimeOffset At, string Method, string Path, string Url, string Authorization, string Accept)> _requests = new();
    private readonly ConcurrentDictionary<string, int> _polls = new();
    private readonly ConcurrentDictionary<string, string> _jobs = new(); // job id -> the URL it captures

    public string Origin { get; private set; } = "";

    public IReadOnlyList<(DateTimeOffset At, string Method, string Path, string Url, string Authorization, string Accept)> Requests => _requests.ToList();

    /// <summary>Requests whose captured URL or job contains <paramref name="marker"/>.</summary>
    public IReadOnlyList<(DateTimeOffset At, string Method, string Path, string Url, string Authorization, string Accept)> For(string marker) =>
        Requests.Where(r => r.Url.Contains(marker, StringComparison.Ordinal) || r.Path.Contains(marker, StringComparison.Ordinal)).ToList();

    public Dictionary<string, string?> Settings(bool keys = true)
    {
        var s = new Dictionary<string, string?>
        {
            ["Endpoints:SavePageNow"] = Origin,
            // The lookup before a capture asks here too, where no archive has anything (404).
            ["Endpoints:Wayback"] = Origin, ["Endpoints:WaybackCdx"] = Origin, ["Endpoints:Memento"] = Origin,
            ["SavePageNow:PollInterval"] = "00:00:00.050",
            ["SavePageNow:MaxWait"] = "00:00:03",
            ["SavePageNow:MinInterval"] = "00:00:00",
        };
        if (keys)
        {
            s["SavePageNow:AccessKey"] = AccessKey;
            s["SavePageNow:SecretKey"] = SecretKey;
        }
        return s;
    }

    public async ValueTask InitializeAsync()
    {
        (_app, var origin) = await LocalKestrel.StartAsync(Serve);
        Origin = origin;
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null) await _app.DisposeAsync();
    }

    private async Task Serve(HttpContext c)
    {
        var path = c.Request.Path.Value ?? "/";
        var url = c.Request.HasFormContentType ? (await c.Request.ReadFormAsync(c.RequestAborted))["url"].ToString() : "";
        _requests.Enqueue((DateTimeOffset.UtcNow, c.Request.Method, path, url, c.Request.Headers.Authorization.ToString(), c.Request.Headers.Accept.ToString()));
        if (path == "/save" || path.StartsWith("/save/status/", StringComparison.Ordinal))
        {
            if (c.Request.Headers.Authorization.ToString() != $"LOW {AccessKey}:{SecretKey}")
            {
                await Json(c, 401, "{\"message\":\"You need to be logged in to use Save Page Now.\"}");
                return;
            }
            if (path == "/save") await Submit(c, url);
            else await Status(c, path["/save/status/".Length..]);
            return;
        }
        switch (path)
        {
            case "/page":
                c.Response.ContentType = "text/html; charset=utf-8";
                c.Response.Headers.ContentEncoding = "gzip";
                using (var packed = new MemoryStream())
                {
                    await using (var gz = new GZipStream(packed, CompressionLevel.Fastest, leaveOpen: true)) gz.Write(PageBody);
                    if (!HttpMethods.IsHead(c.Request.Method)) await c.Response.Body.WriteAsync(packed.ToArray(), c.RequestAborted);
                }
                return;
            case "/big":
                c.Response.ContentType = "text/html";
                if (!HttpMethods.IsHead(c.Request.Method)) await c.Response.Body.WriteAsync(BigBody, c.RequestAborted);
                return;
        }
        c.Response.StatusCode = 404;
    }

    private Task Submit(HttpContext c, string url)
    {
        bool Is(string marker) => url.Contains(marker, StringComparison.Ordinal);
        if (Is("spn-rate"))
        {
            c.Response.Headers.RetryAfter = "1";
            return Json(c, 429, "{\"message\":\"You have already reached the limit of active sessions.\"}");
        }
        if (Is("spn-refused"))
            return Json(c, 200, "{\"status\":\"error\",\"status_ext\":\"error:blocked-url\",\"message\":\"This URL is in the Save Page Now service block list.\"}");
        var kind = Is("spn-error") ? "error" : Is("spn-never") ? "never" : "ok";
        var job = $"spn2-{kind}-{Guid.NewGuid():N}";
        _jobs[job] = url;
        return Json(c, 200, $"{{\"url\":\"{url}\",\"job_id\":\"{job}\"}}");
    }

    private Task Status(HttpContext c, string job)
    {
        var polls = _polls.AddOrUpdate(job, 1, (_, n) => n + 1);
        if (job.StartsWith("spn2-never-", StringComparison.Ordinal) || polls == 1)
            return Json(c, 200, $"{{\"status\":\"pending\",\"job_id\":\"{job}\",\"resources\":[]}}");
        if (job.StartsWith("spn2-error-", StringComparison.Ordinal))
            return Json(c, 200, $"{{\"status\":\"error\",\"status_ext\":\"error:not-found\",\"job_id\":\"{job}\",\"message\":\"The server cannot find the requested resource.\"}}");
        return Json(c, 200, $"{{\"status\":\"success\",\"job_id\":\"{job}\",\"original_url\":\"{_jobs.GetValueOrDefault(job, "")}\",\"timestamp\":\"{Stamp}\",\"duration_sec\":1.2}}");
    }


    private static Task Json(HttpContext c, int status, string json)
    {
        c.Response.StatusCode = status;
        c.Response.ContentType = "application/json";
        return c.Response.WriteAsync(json, c.RequestAborted);
    }
}
