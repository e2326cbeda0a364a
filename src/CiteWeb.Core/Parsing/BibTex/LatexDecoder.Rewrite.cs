using System.Buffers;
using System.Text;

namespace CiteWeb.Core.Parsing.BibTex;

public static partial class LatexDecoder
{
    // What the rewrite below cannot copy as it stands: the decoder's stops (LaTeX, ligature halves, white space other
    // than a space, combining marks), and the characters the encoder escapes (LatexEncoder.Specials).
    private static readonly SearchValues<char> RewriteStops =
        SearchValues.Create("\\{}~$`-'\t\n\r\f\v%&#_^<\u2013\u2014\u201C\u201D\u00A0" + Marks);

    /// <summary>
    /// Writes <paramref name="source"/> into <paramref name="buffer"/> from <paramref name="at"/> on exactly as
    /// <see cref="LatexEncoder.EncodeTo"/> would encode what <see cref="Decode"/> decodes it to, without either, when
    /// the value is of the one common kind this can tell from the source: plain text (no LaTeX command, nothing the
    /// encoder escapes, single spaces) with ties (<c>Section~3</c>), escaped specials (<c>\&amp;</c>, <c>\%</c>, not <c>\$</c>, which the encoder may take for math), dashes and
    /// quotes written as TeX ligatures (<c>--</c>, <c>``</c>), and brace groups around plain text (<c>{BERT}</c>, a whole title braced as <c>{{The {BERT} Paper}}</c>). Such a value comes back as it is, the outermost braces kept where case is protected
    /// (titles) and every brace dropped where not (notes, abstracts). False for anything else (<paramref name="end"/> is then <paramref name="at"/>): decode and encode it.
    /// </summary>
    private const int MaxRewriteDepth = 8;

    internal static bool TryRewrite(ReadOnlySpan<char> source, bool protectCase, bool ascii, ref char[] buffer, int at, out int end)
    {
        end = at;
        if (source.IsEmpty || source[0] == ' ' || source[^1] == ' ' || (ascii && !Ascii.IsValid(source)) || source.Contains("  ", StringComparison.Ordinal))
            return false;
        if (buffer.Length - at < source.Length) Array.Resize(ref buffer, Math.Max(buffer.Length * 2, at + source.Length));
        var output = buffer.AsSpan();
        int w = at, i = 0, depth = 0;
        while (true)
        {
            int hit = source[i..].IndexOfAny(RewriteStops);
            var run = hit < 0 ? source[i..] : source.Slice(i, hit);
            run.CopyTo(output[w..]);
            w += run.Length;
            if (hit < 0) break;
            i += hit;
            char c = source[i];
            char before = i > 0 ? source[i - 1] : '\0', after = i + 1 < source.Length ? source[i + 1] : '\0';
            char previous = w > at ? output[w - 1] : '\0';
            switch (c)
            {
                // A group opens, not empty, not right after another, with no space inside its edge. Where case is
                // protected, not on a command either: {\&} is then a special character, written \&. Only the
                // outermost braces of a protected value are written: braces inside them protect nothing more.
                case '{' when depth < MaxRewriteDepth && after is not ('}' or ' ' or '\0') && !(protectCase && after == '\\') && before != '}':
                    if (protectCase && depth == 0) output[w++] = c;
                    depth++;
                    break;
                case '}' when depth > 0 && before != ' ':
                    depth--;
                    if (protectCase && depth == 0) output[w++] = c;
                    break;
                // A tie between two words.
                case '~' when previous is not ('\0' or ' ' or '~') && after is not ('\0' or ' ' or '~' or '{' or '}'):
                    output[w++] = c;
                    break;
                // An escaped character, which the encoder escapes again.
                case '\\' when after is '&' or '%' or '#' or '_':
                    output[w++] = c;
                    output[w++] = after;
                    i++;
                    break;
                // A hyphen, an en or em dash (-- ---), an apostrophe or closing quotes (''), opening quotes (``):
                // written as they are, but not runs the ligatures do not cover, not next to a run of the same
                // across a dropped brace, and no `` after ! or ? (which would read as ¡ ¿).
                case '-' or '\'' or '`':
                    int n = 1;
                    while (i + n < source.Length && source[i + n] == c) n++;
                    if (previous == c || n > (c == '-' ? 3 : 2) || (c == '`' && (n != 2 || previous is '!' or '?'))) return false;
                    source.Slice(i, n).CopyTo(output[w..]);
                    w += n;
                    i += n - 1;
                    break;
                default:
                    return false;
            }
            i++;
        }
        if (depth != 0 || w == at) return false;
        end = w;
        return true;
    }
}
