using System.Globalization;
using System.Text;
using CiteWeb.Core.Parsing.BibTex;

namespace CiteWeb.Core.Text;

/// <summary>Folding for keys and comparison: diacritics removed, special letters spelled out, markup dropped.
/// Every fold goes through <see cref="Fold"/>, one character at a time, so keys are built in one buffer.</summary>
public static class TextFolding
{
    /// <summary>"Kjøsen" -> "Kjosen", "Straße" -> "Strasse", "D’Ignazio" -> "D’Ignazio" (punctuation kept).</summary>
    public static string ToAscii(string s)
    {
        bool ascii = true;
        foreach (char c in s) if (c > 127) { ascii = false; break; }
        if (ascii) return s;
        var sb = new StringBuilder(s.Length);
        Span<char> folded = stackalloc char[MaxFold];
        foreach (char original in s) sb.Append(folded[..Fold(original, folded)]);
        return sb.ToString();
    }

    /// <summary>Lower-case ASCII letters and digits only: the stuff citation keys and match keys are made of.</summary>
    public static string KeyPart(string s)
    {
        var plain = RichTextPlain(s);
        Span<char> buffer = plain.Length <= 256 ? stackalloc char[plain.Length * 2] : new char[plain.Length * 2];
        return new string(buffer[..KeyPart(plain, buffer)]);
    }

    /// <summary>Writes the key part of <paramref name="plain"/> (text without markup) to <paramref name="destination"/>,
    /// which must hold twice its length; returns the length written.</summary>
    internal static int KeyPart(ReadOnlySpan<char> plain, Span<char> destination)
    {
        Span<char> folded = stackalloc char[MaxFold];
        int length = 0;
        foreach (char original in plain)
        {
            if (original < 128)
            {
                // ASCII folds to itself: most text, taken without the general path.
                if (char.IsAsciiLetterOrDigit(original)) destination[length++] = char.ToLowerInvariant(original);
                continue;
            }
            foreach (char c in folded[..Fold(original, folded)])
                if (char.IsAsciiLetterOrDigit(c)) destination[length++] = char.ToLowerInvariant(c);
        }
        return length;
    }

    /// <summary>A title folded for comparison: plain, ASCII, lower case, punctuation to spaces, one leading article dropped.</summary>
    public static string NormaliseTitle(string title)
    {
        var plain = RichTextPlain(title);
        Span<char> buffer = plain.Length <= 256 ? stackalloc char[plain.Length * 2] : new char[plain.Length * 2];
        return new string(NormaliseTitle(plain, buffer));
    }

    /// <summary>As <see cref="NormaliseTitle(string)"/> for text without markup, into <paramref name="buffer"/>
    /// (twice the length of <paramref name="plain"/>); returns the normalised title, a slice of the buffer.</summary>
    internal static ReadOnlySpan<char> NormaliseTitle(ReadOnlySpan<char> plain, Span<char> buffer)
    {
        Span<char> folded = stackalloc char[MaxFold];
        int length = 0;
        bool space = false;
        foreach (char original in plain)
        {
            // ASCII folds to itself: most text, taken without the general path.
            if (original < 128) PutTitleChar(original, buffer, ref length, ref space);
            else foreach (char f in folded[..Fold(original, folded)]) PutTitleChar(f, buffer, ref length, ref space);
        }
        ReadOnlySpan<char> s = buffer[..length];
        foreach (var article in (ReadOnlySpan<string>)["the ", "a ", "an "])
            if (s.StartsWith(article, StringComparison.Ordinal)) return s[article.Length..];
        return s;
    }

    private static void PutTitleChar(char folded, Span<char> buffer, ref int length, ref bool space)
    {
        char c = char.ToLowerInvariant(folded);
        if (char.IsAsciiLetterOrDigit(c))
        {
            if (space && length > 0) buffer[length++] = ' ';
            buffer[length++] = c;
            space = false;
        }
        else space = true;
    }

    private const int MaxFold = 2;

    /// <summary>How many characters <paramref name="c"/> becomes in <see cref="ToAscii"/>: none (a combining accent),
    /// one, or two ("ß" → "ss").</summary>
    internal static int AsciiLength(char c)
    {
        Span<char> folded = stackalloc char[MaxFold];
        return Fold(c, folded);
    }

    /// <summary>Writes the ASCII folding of one character (none, one or two characters; a character with no
    /// folding stands for itself) and returns how many were written.</summary>
    private static int Fold(char original, Span<char> destination)
    {
        // The project runs with invariant globalization, where string.Normalize does nothing; the codec's own
        // Unicode tables take "í" apart into "i" and its accent.
        char c = original;
        if (c > 127)
        {
            Span<char> parts = stackalloc char[5];
            LatexComposition.Decompose(c, parts);
            c = parts[0];
        }
        if (c < 128)
        {
            destination[0] = c;
            return 1;
        }
        if (LatexComposition.IsMark(c) || CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark) return 0;
        var spelled = c switch
        {
            'ø' => "o", 'Ø' => "O", 'ß' => "ss", 'æ' => "ae", 'Æ' => "AE", 'œ' => "oe", 'Œ' => "OE",
            'ł' => "l", 'Ł' => "L", 'đ' => "d", 'Đ' => "D", 'ð' => "d", 'Ð' => "D", 'þ' => "th", 'Þ' => "Th",
            'ı' => "i", 'ŋ' => "ng", '’' or '‘' => "'", '“' or '”' => "\"", '–' or '—' => "-", '\u00A0' => " ",
            _ => null,
        };
        if (spelled is null)
        {
            destination[0] = c;
            return 1;
        }
        spelled.AsSpan().CopyTo(destination);
        return spelled.Length;
    }

    private static string RichTextPlain(string s) => s.Contains('<') ? RichText.ToPlain(s) : s;
}
