using CiteWeb.Core.Model;
using CiteWeb.Index;

namespace CiteWeb.Benchmarks;

/// <summary>
/// A deterministic synthetic citation corpus: a pool of works whose popularity follows Zipf's law (the work of rank k
/// is drawn with probability proportional to 1/k^s), and bibliographies that each cite a fixed number of distinct
/// works drawn from it. One reference in ten is printed differently (title in capitals, a subtitle, the year one
/// off) so work identity has variants to join. Same seed, same corpus.
/// </summary>
public sealed class SyntheticCitations
{
    private static readonly string[] Syllables = ["ka", "ro", "mi", "ten", "sa", "lo", "ve", "dan", "bri", "ho", "nu", "gel", "tra", "po", "zi", "mer", "an", "el", "or", "us"];
    private readonly int _works;
    private readonly double[] _cumulative;
    private readonly string[] _vocabulary;

    public SyntheticCitations(int works, double exponent = 1.0)
    {
        _works = works;
        _cumulative = new double[works];
        double sum = 0;
        for (int k = 0; k < works; k++) _cumulative[k] = sum += 1.0 / Math.Pow(k + 1, exponent);
        for (int k = 0; k < works; k++) _cumulative[k] /= sum;
        var random = new Random(7);
        _vocabulary = Enumerable.Range(0, 3000).Select(_ => Word(random, 2, 4)).Distinct().ToArray();
    }

    private static string Word(Random random, int min, int max)
    {
        int n = random.Next(min, max + 1);
        return string.Concat(Enumerable.Range(0, n).Select(_ => Syllables[random.Next(Syllables.Length)]));
    }

    /// <summary>The work of rank <paramref name="k"/>: its canonical family name, given name, title and year.</summary>
    public (string Family, string Given, string Title, int Year) Work(int k)
    {
        var random = new Random(unchecked(k * 7919 + 13));
        var family = char.ToUpperInvariant(Syllables[k % 20][0]) + Word(random, 2, 3);
        var given = char.ToUpperInvariant(Syllables[(k / 20) % 20][0]) + Word(random, 1, 2);
        var words = Enumerable.Range(0, random.Next(3, 7)).Select(_ => _vocabulary[random.Next(_vocabulary.Length)]).ToArray();
        words[0] = char.ToUpperInvariant(words[0][0]) + words[0][1..];
        return (family, given, string.Join(' ', words) + " " + k.ToString(System.Globalization.CultureInfo.InvariantCulture), 1950 + random.Next(74));
    }

    public int SampleRank(Random random)
    {
        int i = Array.BinarySearch(_cumulative, random.NextDouble());
        return Math.Min(i < 0 ? ~i : i, _works - 1);
    }

    /// <summary>Bibliography <paramref name="b"/> with <paramref name="size"/> distinct works.</summary>
    public BibliographyInput Bibliography(int b, int size)
    {
        var random = new Random(unchecked(b * 104729 + 1));
        var ranks = new HashSet<int>();
        while (ranks.Count < Math.Min(size, _works)) ranks.Add(SampleRank(random));
        var refs = new List<Reference>(ranks.Count);
        foreach (int k in ranks)
        {
            var (family, given, title, year) = Work(k);
            int variant = random.Next(30);
            if (variant == 0) title = title.ToUpperInvariant();
            else if (variant == 1) title += ": A Study";
            else if (variant == 2) year += 1;
            var r = new Reference($"{family.ToLowerInvariant()}{year}w{k}", k % 3 == 0 ? "article-journal" : "book") { Title = title };
            r.SetNames("author", [new PersonName { Family = family, Given = given }]);
            r.Issued = PartialDate.FromYear(year);
            if (k % 3 == 0) r.ContainerTitle = "Journal of " + _vocabulary[k % _vocabulary.Length];
            else r.Publisher = "Press " + _vocabulary[(k * 7) % _vocabulary.Length];
            refs.Add(r);
        }
        return new BibliographyInput($"b{b:D6}", $"Bibliography {b}", $"synthetic/b{b:D6}.bib", $"h{b}", "bibtex", refs);
    }
}
