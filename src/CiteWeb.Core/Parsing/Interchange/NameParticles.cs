using CiteWeb.Core.Model;

namespace CiteWeb.Core.Parsing.Interchange;

/// <summary>
/// Name particles typed into a family or given name ("van Dijck", "Ludwig van"), read as CSL processors (citeproc-js,
/// pandoc) and RIS readers read them: leading lower-case words of the family are its non-dropping particle,
/// trailing lower-case words of the given name its dropping particle; one word of each part always stays.
/// </summary>
internal static class NameParticles
{
    /// <summary>The name with its typed-in particles split out; the same instance when it has none to split (or
    /// gives its particles, or is a literal).</summary>
    public static PersonName Parse(PersonName name)
    {
        if (name.NonDroppingParticle is not null || name.DroppingParticle is not null || name.Literal is not null) return name;
        var (ndp, family) = name.Family is { } f ? Leading(f) : (null, null);
        var (given, dp) = name.Given is { } g ? Trailing(g) : (null, null);
        if (ndp is null && dp is null) return name;
        return name with { NonDroppingParticle = ndp, Family = family, DroppingParticle = dp, Given = given };
    }

    /// <summary>Lower-case words before the rest ("van der" in "van der Berg"); at least one word stays.</summary>
    public static (string? Particle, string Remainder) Leading(string text)
    {
        var words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        int n = 0;
        while (n < words.Length - 1 && IsParticleWord(words[n])) n++;
        return n == 0 ? (null, string.Join(' ', words)) : (string.Join(' ', words[..n]), string.Join(' ', words[n..]));
    }

    /// <summary>Lower-case words after the rest ("van" in "Ludwig van"); at least one word stays.</summary>
    public static (string Remainder, string? Particle) Trailing(string text)
    {
        var words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        int n = 0;
        while (n < words.Length - 1 && IsParticleWord(words[^(n + 1)])) n++;
        return n == 0 ? (string.Join(' ', words), null) : (string.Join(' ', words[..^n]), string.Join(' ', words[^n..]));
    }

    /// <summary>A lower-case word of letters ("van", "d'", "de-la"): not markup, a number or a symbol.</summary>
    private static bool IsParticleWord(string word) =>
        char.IsLower(word[0]) && word.All(c => char.IsLetter(c) || c is '\'' or '\u2019' or '-' or '.');
}
