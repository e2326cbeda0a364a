using System.Globalization;
using System.Text;

namespace CiteWeb.Core.Network;

/// <summary>Text from untrusted bibliographies made safe for every network format: one line, no control
/// characters, nothing XML 1.0 forbids. Format-specific escaping (XML entities, Pajek quotes, JSON) comes after.</summary>
public static class NetworkText
{
    /// <summary>A label on one line: characters XML 1.0 forbids (most C0 controls, unpaired surrogates, U+FFFE,
    /// U+FFFF) are dropped; tabs, line breaks and other control characters become spaces; runs of spaces
    /// collapse to one; the ends are trimmed. Null becomes "".</summary>
    public static string Label(string? text)
    {
        if (string.IsNullOrEmpty(text)) return "";
        var sb = new StringBuilder(text.Length);
        bool space = false;
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (char.IsHighSurrogate(c))
            {
                if (i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                {
                    Flush(sb, ref space);
                    sb.Append(c).Append(text[++i]);
                }
                continue; // an unpaired surrogate is not a character
            }
            if (char.IsLowSurrogate(c) || c is '\uFFFE' or '\uFFFF') continue;
            if (c < ' ' && c is not ('\t' or '\n' or '\r')) continue; // forbidden in XML 1.0
            if (char.IsControl(c) || char.IsWhiteSpace(c))
            {
                space = sb.Length > 0;
                continue;
            }
            Flush(sb, ref space);
            sb.Append(c);
        }
        return sb.ToString();
    }

    private static void Flush(StringBuilder sb, ref bool space)
    {
        if (space) sb.Append(' ');
        space = false;
    }

    /// <summary>A coordinate or weight in invariant culture, at most four decimals, no exponent.</summary>
    internal static string Number(double value) =>
        double.IsFinite(value) ? Math.Round(value, 4).ToString("0.####", CultureInfo.InvariantCulture) : "0";

    internal static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);
}
