using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using CiteWeb.Core.Export;
using Microsoft.Extensions.Options;

namespace CiteWeb.Enrichment;

/// <summary>
/// Every network answer the enrichment services got, on disk (<see cref="CacheOptions.Directory"/>), one small JSON
/// file per answer: <c>KIND/ab/abcdef….json</c>, named by the SHA-256 of the kind and the question (the URL checked,
/// the archive request, the DOI, the Crossref query), holding the question itself, the time of the answer and the
/// answer. An answer is written as soon as it is known, to a temporary file that is then renamed over the entry, so a
/// run killed at any moment leaves whole entries or none, and the next run repeats only what was not finished. An
/// entry that cannot be read (truncated, not JSON, another question, another shape) is a miss: asked again and
/// rewritten, never an error. Without a directory the cache keeps nothing (the library's default; the CLI gives it
/// the workspace's <c>index/cache</c>).
/// </summary>
public sealed class AnswerCache
{
    /// <summary>The kinds of answer, each its own folder and time to live.</summary>
    public const string Links = "links", Archive = "archive", Snapshots = "snapshots", DoiHandles = "doi-handles", DoiMetadata = "doi-csl", Crossref = "crossref";

    private static readonly JsonSerializerOptions Json = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter() },
    };

    private readonly string? _root;
    private readonly CacheOptions _options;
    private readonly TimeProvider _time;
    private int _hits, _stored, _failedWrites;

    public AnswerCache(IOptions<EnrichmentOptions> options, TimeProvider time)
    {
        _options = options.Value.Cache;
        _root = string.IsNullOrWhiteSpace(_options.Directory) ? null : Path.GetFullPath(_options.Directory);
        _time = time;
        if (_root is not null) LeftoverFiles.Sweep(_root, recursive: true); // temporaries of a run that was killed mid-write
    }

    /// <summary>Where the entries are, or null when nothing is kept.</summary>
    public string? Directory => _root;

    /// <summary>Answers taken from the cache in this run.</summary>
    public int Hits => Volatile.Read(ref _hits);

    /// <summary>Answers written to the cache in this run.</summary>
    public int Stored => Volatile.Read(ref _stored);

    /// <summary>Answers that could not be written (a full disk, a read-only folder): the run goes on without them.</summary>
    public int FailedWrites => Volatile.Read(ref _failedWrites);

    /// <summary>The stored answer to <paramref name="key"/>, when there is one younger than the time to live that
    /// <paramref name="ttl"/> gives it and <see cref="CacheOptions.Refresh"/> is off. A stored null is an answer
    /// ("no snapshot"), so <paramref name="found"/> says whether there was one.</summary>
    internal T? Get<T>(string kind, string key, Func<T?, TimeSpan> ttl, out bool found)
    {
        found = false;
        if (_root is null || _options.Refresh) return default;
        var path = PathOf(kind, key);
        try
        {
            if (!File.Exists(path)) return default;
            var entry = JsonSerializer.Deserialize<Entry<T>>(File.ReadAllBytes(path), Json);
            if (entry is null || entry.Kind != kind || entry.Key != key) return default;
            var age = _time.GetUtcNow() - entry.FetchedAt;
            if (age < TimeSpan.Zero || age > ttl(entry.Value)) return default;
            found = true;
            Interlocked.Increment(ref _hits);
            return entry.Value;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException or NotSupportedException or ArgumentException)
        {
            return default; // a torn or foreign entry is a miss; the fresh answer replaces it
        }
    }

    /// <summary>Keeps <paramref name="value"/> as the answer to <paramref name="key"/>, fetched at
    /// <paramref name="fetchedAt"/>: a temporary file in the entry's folder, renamed over the entry.</summary>
    internal void Put<T>(string kind, string key, T? value, DateTimeOffset fetchedAt)
    {
        if (_root is null) return;
        var path = PathOf(kind, key);
        var temporary = LeftoverFiles.TemporaryName(path, Guid.NewGuid().ToString("N"));
        try
        {
            System.IO.Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllBytes(temporary, JsonSerializer.SerializeToUtf8Bytes(new Entry<T>(kind, key, fetchedAt, value), Json));
            File.Move(temporary, path, overwrite: true);
            Interlocked.Increment(ref _stored);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException)
        {
            Interlocked.Increment(ref _failedWrites);
            try { File.Delete(temporary); } catch (Exception f) when (f is IOException or UnauthorizedAccessException) { }
        }
    }

    /// <summary>The stored answer, else <paramref name="fetch"/>'s, kept when <paramref name="keep"/> says it is an
    /// answer (not a failure to get one).</summary>
    internal async Task<T?> GetOrFetchAsync<T>(string kind, string key, TimeSpan ttl, Func<Task<T?>> fetch, Func<T?, bool> keep)
    {
        var cached = Get<T>(kind, key, _ => ttl, out var found);
        if (found) return cached;
        var fetchedAt = _time.GetUtcNow();
        var value = await fetch().ConfigureAwait(false);
        if (keep(value)) Put(kind, key, value, fetchedAt);
        return value;
    }

    /// <summary>The entry's file: <c>KIND/ab/HASH.json</c>, the hash of kind and key, so any question is a safe name.</summary>
    internal string PathOf(string kind, string key)
    {
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(kind + "\n" + key)));
        return Path.Combine(_root ?? "", kind, hash[..2], hash + ".json");
    }

    private sealed record Entry<T>(string Kind, string Key, DateTimeOffset FetchedAt, T? Value);
}
