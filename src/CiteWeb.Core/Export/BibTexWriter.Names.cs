using CiteWeb.Core.Model;
using CiteWeb.Core.Parsing.BibTex;

namespace CiteWeb.Core.Export;

// Name lists as the writer writes them: from the model, or straight from a BibTeX source list that was not changed.
public static partial class BibTexWriter
{
    /// <summary>Names as "von Last, Jr, First", joined with "and"; organisations braced so they stay whole.</summary>
    public static string FormatNames(IReadOnlyList<PersonName> names, bool ascii)
    {
        var scratch = new EntryScratch();
        FormatNames(names, ascii, scratch);
        return scratch.Span(0).ToString();
    }

    /// <summary>A BibTeX name list as the writer writes it when it was read from BibTeX and not changed since:
    /// the same text as <c>FormatNames(BibTexNames.Parse(source), ascii)</c>.</summary>
    internal static string FormatNames(ReadOnlySpan<char> source, bool ascii)
    {
        var scratch = new EntryScratch();
        FormatNames(source, ascii, scratch);
        return scratch.Span(0).ToString();
    }

    /// <summary>Writes <paramref name="names"/>; returns how many.</summary>
    private static int FormatNames(IReadOnlyList<PersonName> names, bool ascii, EntryScratch scratch)
    {
        for (int i = 0; i < names.Count; i++)
        {
            if (i > 0) scratch.Append(" and ");
            var n = names[i];
            if (n.IsOthers) scratch.Append("others");
            else if (n.Literal is not null) Literal(n.Literal, ascii, scratch);
            else
            {
                var particles = string.IsNullOrEmpty(n.DroppingParticle) ? n.NonDroppingParticle
                    : string.IsNullOrEmpty(n.NonDroppingParticle) ? n.DroppingParticle
                    : n.DroppingParticle + " " + n.NonDroppingParticle;
                Person(particles, n.Family, n.Suffix, n.Given, ascii, scratch);
            }
        }
        return names.Count;
    }

    /// <summary>Writes the BibTeX name list <paramref name="source"/> as <see cref="BibTexNames.Parse(ReadOnlySpan{char})"/>
    /// and the writer of the names it gives would write it, without making them: each part is decoded only where
    /// decoding changes it. Returns how many names were written.</summary>
    private static int FormatNames(ReadOnlySpan<char> source, bool ascii, EntryScratch scratch)
    {
        // A list with no LaTeX and nothing to escape (most lists) decodes and encodes to itself, and so does every
        // part of it: its parts are copied as they are, with no test of their own.
        bool asIs = LatexDecoder.DecodesToItself(source) && LatexEncoder.EncodesToItself(source, ascii);
        int count = 0;
        var list = new BibTexNames.NameList(source);
        while (list.Next(out var name))
        {
            var text = name.Text;
            var parts = scratch.Parts;
            parts.Clear();
            var literal = name.Kind == BibTexNames.NameKind.Literal ? parts.Decode(text[name.Literal]) : default;
            if (name.Kind == BibTexNames.NameKind.None || (name.Kind == BibTexNames.NameKind.Literal && literal.IsEmpty)) continue;
            if (count++ > 0) scratch.Append(" and ");
            if (name.Kind == BibTexNames.NameKind.Others || literal is "others") scratch.Append("others");
            else if (name.Kind == BibTexNames.NameKind.Literal) Literal(literal, ascii, scratch);
            else if (asIs) Person(text[name.Von], text[name.Family], text[name.Suffix], text[name.Given], ascii: null, scratch);
            else
                Person(parts.Decode(text[name.Von]), parts.Decode(text[name.Family]), parts.Decode(text[name.Suffix]),
                    parts.Decode(text[name.Given]), ascii, scratch);
        }
        return count;
    }

    /// <summary>An organisation, braced so that it stays whole.</summary>
    private static void Literal(ReadOnlySpan<char> name, bool ascii, EntryScratch scratch)
    {
        scratch.Append('{');
        scratch.EncodeInPlace(name, ascii);
        scratch.Append('}');
    }

    /// <summary>A person as "von Last, Jr, First"; an empty part is left out. Parts are encoded as
    /// <paramref name="ascii"/> says, or copied as they are when it is null.</summary>
    private static void Person(ReadOnlySpan<char> particles, ReadOnlySpan<char> family, ReadOnlySpan<char> suffix, ReadOnlySpan<char> given,
        bool? ascii, EntryScratch scratch)
    {
        if (!particles.IsEmpty) { NamePart(particles, ascii, keepCase: false, scratch); scratch.Append(' '); }
        NamePart(family, ascii, keepCase: true, scratch);
        if (!suffix.IsEmpty) { scratch.Append(", "); NamePart(suffix, ascii, keepCase: false, scratch); }
        if (!given.IsEmpty || !suffix.IsEmpty) { scratch.Append(", "); NamePart(given, ascii, keepCase: false, scratch); }
    }

    /// <summary>Writes a name part, braced where BibTeX would otherwise split it or read it as a von part.</summary>
    private static void NamePart(ReadOnlySpan<char> part, bool? ascii, bool keepCase, EntryScratch scratch)
    {
        int start = scratch.Position;
        if (ascii is { } a) scratch.EncodeInPlace(part, a);
        else scratch.Append(part);
        var encoded = scratch.Span(start);
        if (encoded.Contains(',') || ContainsAnd(encoded) || (keepCase && HasLowerWord(encoded))) scratch.Brace(start);
    }

    // Any word of a family name that starts in lower case would be read back as a von part.
    private static bool HasLowerWord(ReadOnlySpan<char> words)
    {
        foreach (var word in words.Split(' '))
            if (!words[word].IsEmpty && BibTexNames.IsLowerToken(words[word])) return true;
        return false;
    }

    // Each form needs a space, and most name parts are one word: those are answered by one search.
    private static bool ContainsAnd(ReadOnlySpan<char> s) =>
        s.Contains(' ') && (s.Contains(" and ", StringComparison.OrdinalIgnoreCase) || s.StartsWith("and ", StringComparison.OrdinalIgnoreCase) || s.EndsWith(" and", StringComparison.OrdinalIgnoreCase));
}
