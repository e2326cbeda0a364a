using System.Globalization;
using System.Net.Http.Headers;

namespace CiteWeb.Enrichment;

/// <summary>
/// Crossref etiquette: at most <see cref="MaxConcurrentQueries"/> list queries in flight, and starts spaced so
/// that no more than <c>x-rate-limit-limit</c> requests fall in one <c>x-rate-limit-interval</c>, as the last answer
/// announced them. Until the first answer only one request goes out, so the limit is known before any other starts.
/// </summary>
public sealed class CrossrefGate
{
    /// <summary>List queries in flight at once, Crossref's rule for the polite pool.</summary>
    public const int MaxConcurrentQueries = 3;

    private readonly SemaphoreSlim _slots = new(1, MaxConcurrentQueries);
    private int _opened;
    private readonly TimeProvider _time;
    private readonly Lock _lock = new();
    private TimeSpan _spacing = TimeSpan.FromMilliseconds(20);
    private DateTimeOffset _nextStart = DateTimeOffset.MinValue;

    public CrossrefGate(TimeProvider time) => _time = time;

    internal TimeSpan Spacing { get { lock (_lock) return _spacing; } }

    /// <summary>Waits for a slot and for the next start time; dispose the result when the answer is read.</summary>
    internal async Task<IDisposable> EnterAsync(CancellationToken ct)
    {
        await _slots.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            TimeSpan wait;
            lock (_lock)
            {
                var now = _time.GetUtcNow();
                var start = _nextStart > now ? _nextStart : now;
                _nextStart = start + _spacing;
                wait = start - now;
            }
            if (wait > TimeSpan.Zero) await Task.Delay(wait, _time, ct).ConfigureAwait(false);
            return new Slot(this);
        }
        catch
        {
            Leave();
            throw;
        }
    }

    /// <summary>Takes the limit an answer announces: <c>x-rate-limit-limit: 50</c>, <c>x-rate-limit-interval: 1s</c>.</summary>
    internal void Observe(HttpResponseHeaders headers)
    {
        if (!headers.TryGetValues("x-rate-limit-limit", out var limits) || !headers.TryGetValues("x-rate-limit-interval", out var intervals)) return;
        if (!int.TryParse(limits.FirstOrDefault(), NumberStyles.None, CultureInfo.InvariantCulture, out var limit) || limit < 1) return;
        if (ParseInterval(intervals.FirstOrDefault()) is not { } interval) return;
        lock (_lock)
        {
            // A tenth to spare: the server counts arrivals, and a busy machine or network can bunch two requests that
            // left here exactly one spacing apart.
            var spacing = interval / limit * 1.1;
            // A tighter limit applies from now on: the start already booked moves out with it, and no earlier than one
            // spacing after this answer (the request it answers reached the server later than it left here: a
            // connection was opened first), so the server never sees more than the limit in any interval.
            if (spacing > _spacing)
            {
                var now = _time.GetUtcNow();
                var moved = _nextStart + (spacing - _spacing);
                _nextStart = moved > now + spacing ? moved : now + spacing;
            }
            _spacing = spacing;
        }
    }

    internal static TimeSpan? ParseInterval(string? s)
    {
        if (string.IsNullOrWhiteSpace(s)) return null;
        s = s.Trim();
        var unit = s[^1];
        var number = char.IsAsciiDigit(unit) ? s : s[..^1];
        if (!double.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out var n) || n <= 0 || n > 3600) return null;
        return unit switch
        {
            'm' => TimeSpan.FromMinutes(n),
            'h' => TimeSpan.FromHours(n),
            _ => TimeSpan.FromSeconds(n),
        };
    }

    /// <summary>The first request to finish opens the other slots.</summary>
    private void Leave() => _slots.Release(Interlocked.Exchange(ref _opened, 1) == 0 ? MaxConcurrentQueries : 1);

    private sealed class Slot(CrossrefGate gate) : IDisposable
    {
        private int _left;
        public void Dispose()
        {
            if (Interlocked.Exchange(ref _left, 1) == 0) gate.Leave();
        }
    }
}
