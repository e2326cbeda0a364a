using System.Globalization;
using System.Text;
using CiteWeb.Core.Parsing.BibTex;

namespace CiteWeb.Core.Text;

/// <summary>Folding for keys and comparison: diacritics removed, special letters spelled out, markup dropped.</summary>
public static class TextFolding
{
    /// <summary>"Kjøsen" -> "Kjosen", "Straße" -> "Strasse", "D’Ignazio" -> "D’Ignazio" (punctuation kept).</summary>
    public static string ToAscii(string s)
    {
        bool ascii = true;
        foreach (char c in s) if (c > 127) { ascii = false; break; }
        if (ascii) return s;
        var sb = new StringBuilder(s.Length);
        Span<char> parts = stackalloc char[5];
        foreach (char original in s)
        {
            // The project runs with invariant globalization, where string.Normalize does nothing; the codec's own
            // Unicode tables take "í" apart into "i" and its accent.
            char c = original;
            if (c > 127)
            {
                LatexComposition.Decompose(c, parts);
                c = parts[0];
            }
            if (c < 128) { sb.Append(c); continue; }
            if (LatexComposition.IsMark(c) || CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark) continue;
            sb.Append(c switch
            {
                'ø' => "o", 'Ø' => "O", 'ß' => "ss", 'æ' => "ae", 'Æ' => "AE", 'œ' => "oe", 'Œ' => "OE",
                'ł' => "l", 'Ł' => "L", 'đ' => "d", 'Đ' => "D", 'ð' => "d", 'Ð' => "D", 'þ' => "th", 'Þ' => "Th",
                'ı' => "i", 'ŋ' => "ng", '’' or '‘' => "'", '“' or '”' => "\"", '–' or '—' => "-", '\u00A0' => " ",
                _ => c.ToString(),
            });
        }
        return sb.ToString();
    }

    /// <summary>Lower-case ASCII letters and digits only: the stuff citation keys and match keys are made of.</summary>
    public static string KeyPart(string s)
    {
        var folded = ToAscii(RichTextPlain(s));
        var sb = new StringBuilder(folded.Length);
        foreach (char c in folded)
            if (char.IsAsciiLetterOrDigit(c)) sb.Append(char.ToLowerInvariant(c));
        return sb.ToString();
    }

    /// <summary>A title folded for comparison: plain, ASCII, lower case, punctuation to spaces, one leading article dropped.</summary>
    public static string NormaliseTitle(string title)
    {
        var folded = ToAscii(RichTextPlain(title)).ToLowerInvariant();
        var sb = new StringBuilder(folded.Length);
        bool space = false;
        foreach (char c in folded)
        {
            if (char.IsAsciiLetterOrDigit(c)) { if (space && sb.Length > 0) sb.Append(' '); sb.Append(c); space = false; }
            else space = true;
        }
        var s = sb.ToString();
        foreach (var article in (ReadOnlySpan<string>)["the ", "a ", "an "])
            if (s.StartsWith(article, StringComparison.Ordinal)) return s[article.Length..];
        return s;
    }

    private static string RichTextPlain(string s) => s.Contains('<') ? RichText.ToPlain(s) : s;
}
