namespace CiteWeb.Core;

/// <summary>
/// Runs independent per-item work (mapping entries, per-reference cleanups) on every core, in a few contiguous
/// slices, so what it returns keeps input order: each slice collects into its own list and the lists are joined
/// slice by slice. Work given to it must touch only its own item (decoding a reference's deferred values on
/// first read is then safe too). Small inputs stay on one thread, where the hand-off costs more than it saves.
/// </summary>
internal static class ParallelSlices
{
    private const int MinSlice = 4096;

    /// <summary>Calls <paramref name="body"/> for each index.</summary>
    public static void For(int count, Action<int> body) => Collect<object>(count, _ => body);

    /// <summary>Calls <paramref name="body"/> for each index with a list to add results to; returns the results in index order.</summary>
    public static List<T> Collect<T>(int count, Action<int, List<T>> body) => Collect<T>(count, found => i => body(i, found));

    /// <summary>As <see cref="Collect{T}(int, Action{int, List{T}})"/>, where each slice first sets up state of its
    /// own: <paramref name="slice"/> gets the slice's result list and returns the work for one index.</summary>
    public static List<T> Collect<T>(int count, Func<List<T>, Action<int>> slice)
    {
        int slices = Math.Clamp(count / MinSlice, 1, Environment.ProcessorCount);
        var found = new List<T>[slices];
        void Run(int s)
        {
            var local = new List<T>();
            var body = slice(local);
            int from = (int)((long)count * s / slices), to = (int)((long)count * (s + 1) / slices);
            for (int i = from; i < to; i++) body(i);
            found[s] = local;
        }
        if (slices == 1)
        {
            Run(0);
            return found[0];
        }
        Parallel.For(0, slices, Run);
        var all = new List<T>(found.Sum(static l => l.Count));
        foreach (var list in found) all.AddRange(list);
        return all;
    }
}
