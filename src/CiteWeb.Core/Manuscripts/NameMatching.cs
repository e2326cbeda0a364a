using CiteWeb.Core.Text;

namespace CiteWeb.Core.Manuscripts;

/// <summary>Name comparison that forgives what print varies: case, accents, hyphens, apostrophes, spaces.</summary>
public static class NameMatching
{
    /// <summary>"Kjøsen" → "kjosen", "D’Ignazio" → "dignazio", "Costanza-Chock" → "costanzachock".</summary>
    public static string Fold(string name) => TextFolding.KeyPart(name);

    /// <summary>Levenshtein distance, stopping early once it exceeds <paramref name="limit"/>.</summary>
    public static int Distance(string a, string b, int limit = int.MaxValue)
    {
        if (Math.Abs(a.Length - b.Length) > limit) return limit + 1;
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (int j = 0; j <= b.Length; j++) previous[j] = j;
        for (int i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            int best = current[0];
            for (int j = 1; j <= b.Length; j++)
            {
                int cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
                best = Math.Min(best, current[j]);
            }
            if (best > limit) return limit + 1;
            (previous, current) = (current, previous);
        }
        return previous[b.Length];
    }

    /// <summary>A near miss: folded names of five letters or more within one edit, of eight or more within two.
    /// Shorter names are too close to each other by chance (Meta and Metz).</summary>
    public static bool IsNearMiss(string foldedA, string foldedB)
    {
        if (foldedA.Length < 5 || foldedB.Length < 5 || foldedA == foldedB) return false;
        int limit = Math.Max(foldedA.Length, foldedB.Length) >= 8 ? 2 : 1;
        return Distance(foldedA, foldedB, limit) <= limit;
    }
}
