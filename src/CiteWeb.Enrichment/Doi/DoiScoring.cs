using CiteWeb.Core.Model;
using CiteWeb.Core.Text;

namespace CiteWeb.Enrichment;

/// <summary>A work Crossref offered for a reference, with what it says about itself.</summary>
public sealed record CrossrefWork(string Doi, string? Title, string? Subtitle, string? FirstAuthorFamily, int? Year, string? Container, double CrossrefScore);

/// <summary>A candidate DOI with the score it earned and why, in words.</summary>
public sealed record DoiCandidate(string Doi, string? Title, double Score, string Why);

/// <summary>
/// How a Crossref candidate is scored against a reference (search-then-validate, precision first).
/// <list type="bullet">
/// <item><b>Title</b> T: Dice coefficient of the token sets of the normalised titles
/// (<see cref="TextFolding.NormaliseTitle"/>), the better of the title alone and title plus subtitle.</item>
/// <item><b>First author</b> A: 1 when the folded family names are equal (with or without a particle: "van Dijck"
/// and "Dijck" with the particle "van"), 0 when they differ, 0.5 when either side has none (an organisation, an
/// anonymous work, an edited volume).</item>
/// <item><b>Year</b> Y: 1 when equal, 0.8 when one apart (online-first versus issue), 0 when further apart, 0.5 when
/// either side has none.</item>
/// <item><b>Container</b> C: Dice of the normalised container titles, a bonus only (0 when either side has none).</item>
/// </list>
/// Score = 0.6·T + 0.25·A + 0.15·Y + 0.05·C, capped at 1. A DOI is attached only when the score reaches
/// <see cref="Threshold"/> <i>and</i> T ≥ <see cref="MinTitle"/>, the authors do not differ, the years are not more
/// than one apart, and a year apart is not in a venue sharing no word with the cited one (a reprint) — each a veto
/// on its own — and no other candidate comes within <see cref="AmbiguityMargin"/>.
/// An exact match scores 1.0; a perfect title and year with no author to compare scores 0.875.
/// </summary>
public static class DoiScoring
{
    /// <summary>The least score for a DOI to be attached. The default is 0.85.</summary>
    public const double Threshold = 0.85;

    /// <summary>The least title similarity for a DOI to be attached, whatever else agrees.</summary>
    public const double MinTitle = 0.8;

    /// <summary>Two candidates above the threshold with different DOIs closer than this: neither is attached.</summary>
    public const double AmbiguityMargin = 0.05;

    public static (double Score, bool Acceptable, string Why) Score(Reference r, CrossrefWork w)
    {
        var title = r.Title is { } t ? NormaliseTitle(t) : [];
        var t1 = Dice(title, w.Title is { } wt ? NormaliseTitle(wt) : []);
        var t2 = w.Subtitle is { } sub && w.Title is { } wt2 ? Dice(title, NormaliseTitle(wt2 + " " + sub)) : 0;
        var T = Math.Max(t1, t2);

        var family = FirstFamily(r);
        double A = family is null || w.FirstAuthorFamily is null ? 0.5 : SameFamily(r, w.FirstAuthorFamily) ? 1 : 0;

        var year = r.Issued?.Year;
        double Y = year is null || w.Year is null ? 0.5 : Math.Abs(year.Value - w.Year.Value) switch { 0 => 1, 1 => 0.8, _ => 0 };

        double C = r.ContainerTitle is { } c && w.Container is { } wc ? Dice(NormaliseTitle(c), NormaliseTitle(wc)) : 0;

        var score = Math.Min(1, 0.6 * T + 0.25 * A + 0.15 * Y + 0.05 * C);
        var vetoes = new List<string>();
        if (T < MinTitle) vetoes.Add($"title similarity {T:0.00} < {MinTitle:0.00}");
        if (A == 0) vetoes.Add($"first author {w.FirstAuthorFamily}, not {family}");
        if (Y == 0) vetoes.Add($"year {w.Year}, not {year}");
        // A year apart is allowed for online-first versus the issue, which is the same venue; a year apart in a venue
        // that shares no word with the cited one is another publication of the text (a reprint), not the work cited.
        if (Y is > 0 and < 1 && r.ContainerTitle is not null && w.Container is not null && C == 0)
            vetoes.Add($"year {w.Year} in {w.Container}, not {year} in {r.ContainerTitle}");
        var why = $"title {T:0.00}, author {Word(A)}, year {Word(Y)}" + (C > 0 ? $", container {C:0.00}" : "")
            + (vetoes.Count > 0 ? "; " + string.Join("; ", vetoes) : "");
        return (Math.Round(score, 3), vetoes.Count == 0 && score >= Threshold, why);
    }

    private static string Word(double v) => v switch { 1 => "equal", 0 => "differs", 0.5 => "unknown", _ => "one apart" };

    /// <summary>The first creator's family name equals <paramref name="other"/> once folded, with or without its
    /// particle ("van Dijck" is "Dijck" with the particle "van" to one reader and the family "van Dijck" to another).</summary>
    private static bool SameFamily(Reference r, string other)
    {
        var n = r.Creators.First(n => !n.IsOthers);
        var key = TextFolding.KeyPart(other);
        if (TextFolding.KeyPart(n.Family ?? n.Literal ?? "") == key) return true;
        var particle = n.NonDroppingParticle ?? n.DroppingParticle;
        return particle is not null && n.Family is not null && TextFolding.KeyPart(particle + " " + n.Family) == key;
    }

    internal static string? FirstFamily(Reference r) =>
        r.Creators.FirstOrDefault(n => !n.IsOthers) is { } n ? n.Family ?? n.Literal : null;

    internal static string[] NormaliseTitle(string s) =>
        TextFolding.NormaliseTitle(s).Split(' ', StringSplitOptions.RemoveEmptyEntries).Distinct(StringComparer.Ordinal).ToArray();

    /// <summary>Dice coefficient of two token sets: 2|A∩B| / (|A|+|B|).</summary>
    internal static double Dice(string[] a, string[] b)
    {
        if (a.Length == 0 || b.Length == 0) return 0;
        var common = a.Intersect(b, StringComparer.Ordinal).Count();
        return 2.0 * common / (a.Length + b.Length);
    }
}
