using System.Collections.Concurrent;

namespace CiteWeb.Enrichment;

/// <summary>
/// Politeness per host: at most <c>PerHostConcurrency</c> requests in flight to one host, and starts at least
/// <c>MinIntervalPerHost</c> apart. Every request of a link passes here (each redirect hop, the GET after a HEAD,
/// the soft-404 probe), so the limits hold for the host that is actually contacted.
/// </summary>
public sealed class HostGate
{
    private readonly int _perHost;
    private readonly TimeSpan _minInterval;
    private readonly TimeProvider _time;

    internal HostGate(int perHost, TimeSpan minInterval, TimeProvider time) => (_perHost, _minInterval, _time) = (perHost, minInterval, time);

    private sealed class Host(int perHost)
    {
        public readonly SemaphoreSlim Slots = new(perHost, perHost);
        public readonly Lock Lock = new();
        public DateTimeOffset NextStart = DateTimeOffset.MinValue;
    }

    private readonly ConcurrentDictionary<string, Host> _hosts = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Waits for a slot and for the host's next start time; dispose the result when the response is read.</summary>
    internal async Task<IDisposable> EnterAsync(string host, CancellationToken ct)
    {
        var h = _hosts.GetOrAdd(host, _ => new Host(_perHost));
        await h.Slots.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            TimeSpan wait;
            lock (h.Lock)
            {
                var now = _time.GetUtcNow();
                var start = h.NextStart > now ? h.NextStart : now;
                h.NextStart = start + _minInterval;
                wait = start - now;
            }
            if (wait > TimeSpan.Zero) await Task.Delay(wait, _time, ct).ConfigureAwait(false);
            return new Release(h.Slots);
        }
        catch
        {
            h.Slots.Release();
            throw;
        }
    }

    private sealed class Release(SemaphoreSlim slots) : IDisposable
    {
        private int _done;
        public void Dispose()
        {
            if (Interlocked.Exchange(ref _done, 1) == 0) slots.Release();
        }
    }
}
