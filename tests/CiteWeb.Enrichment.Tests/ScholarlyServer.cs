using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace CiteWeb.Enrichment.Tests;

/// <summary>
/// Crossref and doi.org on 127.0.0.1 (Kestrel, a free port), answering from a handful of works. Crossref's
/// <c>/works?query.bibliographic=</c> ranks works by the title words they share with the query, as a search engine
/// would, so near-but-wrong candidates come back too. Under <c>/strict</c> it announces a limit of 2 requests per
/// second and records when each request came. doi.org answers the handle API and, through a redirect as the real
/// one does, content negotiation.
/// </summary>
public sealed class ScholarlyServer : IAsyncLifetime
{
    /// <summary>A work as Crossref lists it; <paramref name="Family"/> null for a work with editors only (an edited
    /// volume), <paramref name="Type"/> Crossref's type.</summary>
    public sealed record Work(string Doi, string Title, string? Family, int Year, string? Container = null, string? Subtitle = null, string Type = "book");

    public ScholarlyServer() : this(Works, Registered) { }

    /// <summary>A server answering from other works (the essay's replica, <see cref="EssayCrossref"/>).</summary>
    internal ScholarlyServer(IReadOnlyList<Work> works, IReadOnlySet<string> registered) => (_works, _registered) = (works, registered);

    private readonly IReadOnlyList<Work> _works;
    private readonly IReadOnlySet<string> _registered;

    public static readonly Work[] Works =
    [
        new("10.5555/exact.1", "Weapons of Math Destruction", "O'Neil", 2016, "Crown", "How Big Data Increases Inequality and Threatens Democracy"),
        new("10.5555/near.author", "Algorithms of Oppression", "Smith", 2018),
        new("10.5555/near.year", "Algorithms of Oppression", "Noble", 2015),
        new("10.5555/amb.1", "Data Feminism", "D'Ignazio", 2020),
        new("10.5555/amb.2", "Data Feminism", "D’Ignazio", 2020),
        new("10.5555/unregistered.match", "Race After Technology", "Benjamin", 2019),
    ];

    /// <summary>DOIs the resolver knows; <c>10.5555/unregistered.match</c> is in Crossref's answers but not here.</summary>
    public static readonly HashSet<string> Registered = new(StringComparer.OrdinalIgnoreCase)
        { "10.5555/exact.1", "10.5555/near.author", "10.5555/near.year", "10.5555/amb.1", "10.5555/amb.2", "10.5555/registered" };

    private Microsoft.AspNetCore.Builder.WebApplication? _app;
    private readonly ConcurrentQueue<DateTimeOffset> _strict = new();
    private readonly ConcurrentQueue<string> _queries = new();
    private readonly ConcurrentQueue<string> _requests = new();

    public string Origin { get; private set; } = "";
    public IReadOnlyList<DateTimeOffset> StrictStarts => _strict.ToList();
    /// <summary>Every Crossref request's query string and User-Agent, as received.</summary>
    public IReadOnlyList<string> Queries => _queries.ToList();
    /// <summary>Every request's path and query string (unescaped), as received.</summary>
    public IReadOnlyList<string> Requests => _requests.ToList();

    /// <summary>Configuration keys pointing both endpoints at this server.</summary>
    public Dictionary<string, string?> Settings(string crossrefPath = "") => new()
    {
        ["Endpoints:Crossref"] = Origin + crossrefPath,
        ["Endpoints:DoiResolver"] = Origin + "/resolver",
    };

    public async ValueTask InitializeAsync()
    {
        (_app, var origin) = await LocalKestrel.StartAsync(Serve);
        Origin = origin;
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null) await _app.DisposeAsync();
    }

    private Task Serve(HttpContext c)
    {
        var path = Uri.UnescapeDataString(c.Request.Path.Value ?? "/");
        _requests.Enqueue(path + Uri.UnescapeDataString(c.Request.QueryString.Value ?? ""));
        if (path is "/works" or "/strict/works") return Search(c, strict: path.StartsWith("/strict", StringComparison.Ordinal));
        if (path.StartsWith("/resolver/api/handles/", StringComparison.Ordinal)) return Handle(c, path["/resolver/api/handles/".Length..]);
        if (path.StartsWith("/resolver/10.", StringComparison.Ordinal))
        {
            c.Response.StatusCode = 302; // doi.org hands content negotiation on to the registration agency
            c.Response.Headers.Location = "/agency" + c.Request.Path.Value!["/resolver".Length..];
            return Task.CompletedTask;
        }
        if (path.StartsWith("/agency/", StringComparison.Ordinal)) return Csl(c, path["/agency/".Length..]);
        c.Response.StatusCode = 404;
        return Task.CompletedTask;
    }

    private Task Search(HttpContext c, bool strict)
    {
        if (strict) _strict.Enqueue(DateTimeOffset.UtcNow);
        _queries.Enqueue(c.Request.QueryString.Value + " UA=" + c.Request.Headers.UserAgent);
        c.Response.Headers["x-rate-limit-limit"] = strict ? "2" : "50";
        c.Response.Headers["x-rate-limit-interval"] = "1s";
        var words = Words(c.Request.Query["query.bibliographic"].ToString());
        var rows = int.TryParse(c.Request.Query["rows"], out var r) ? r : 20;
        var items = _works
            .Select(w => (w, shared: Words(w.Title).Count(words.Contains)))
            .Where(x => x.shared > 0).OrderByDescending(x => x.shared).Take(rows)
            .Select(x => new Dictionary<string, object?>
            {
                ["DOI"] = x.w.Doi, ["title"] = new[] { x.w.Title }, ["score"] = 10.0 * x.shared,
                ["subtitle"] = x.w.Subtitle is null ? Array.Empty<string>() : new[] { x.w.Subtitle },
                ["author"] = x.w.Family is null ? Array.Empty<object>() : new object[] { new { given = "A.", family = x.w.Family, sequence = "first" } },
                ["type"] = x.w.Type,
                ["issued"] = new Dictionary<string, object> { ["date-parts"] = new[] { new[] { x.w.Year } } },
                ["container-title"] = x.w.Container is null ? Array.Empty<string>() : new[] { x.w.Container },
            });
        return Json(c, 200, new { status = "ok", message_type = "work-list", message = new { items = items.ToList() } });
    }

    private Task Handle(HttpContext c, string doi) => _registered.Contains(doi)
        ? Json(c, 200, new { responseCode = 1, handle = doi, values = new[] { new { index = 1, type = "URL" } } })
        : Json(c, 404, new { responseCode = 100, handle = doi });

    private Task Csl(HttpContext c, string doi)
    {
        if (!c.Request.Headers.Accept.ToString().Contains("application/vnd.citationstyles.csl+json", StringComparison.Ordinal))
            return Json(c, 406, new { error = "ask for CSL-JSON" });
        var w = _works.FirstOrDefault(w => w.Doi.Equals(doi, StringComparison.OrdinalIgnoreCase));
        if (w is null || !_registered.Contains(doi)) return Json(c, 404, new { error = "not found" });
        return Json(c, 200, new Dictionary<string, object?>
        {
            ["id"] = doi, ["type"] = "book", ["title"] = w.Title, ["DOI"] = doi, ["publisher"] = w.Container,
            ["author"] = w.Family is null ? Array.Empty<object>() : new object[] { new { family = w.Family, given = "A." } },
            ["issued"] = new Dictionary<string, object> { ["date-parts"] = new[] { new[] { w.Year } } },
        }, "application/vnd.citationstyles.csl+json");
    }

    private static Task Json(HttpContext c, int status, object body, string type = "application/json")
    {
        c.Response.StatusCode = status;
        c.Response.ContentType = type;
        return c.Response.WriteAsync(JsonSerializer.Serialize(body));
    }

    private static HashSet<string> Words(string s) =>
        Core.Text.TextFolding.NormaliseTitle(s).Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(w => w.Length > 2).ToHashSet();
}
