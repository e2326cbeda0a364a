using System.Text;
using CiteWeb.Core.Model;

namespace CiteWeb.Core.Transforms;

/// <summary>
/// Protects the case of words a style must never lower-case: acronyms ("AI", "GAN"), words with a capital after
/// the first letter ("iPhone", "McDonald", "YouTube") and words with digits and capitals ("GPT-3"). They are
/// wrapped as CSL nocase spans, written as braces in BibTeX. Ordinary capitalised words are left alone: braces on
/// every word would stop styles from sentence-casing titles at all.
/// </summary>
public sealed class ProtectCapitals : IReferenceCleanup
{
    private static readonly string[] TitleVariables = [Csl.Title, Csl.ContainerTitle, Csl.CollectionTitle, Csl.EventTitle];

    public string Name => "capitals";
    public IReadOnlyList<string> DependsOn => ["whitespace"];

    public IEnumerable<FieldChange> Apply(IList<Reference> references, TransformContext context) => ReferencePass.Run([this], references, context);

    // One list a title variable: a pass of its own once reported every title, then every container title ...
    int IReferenceCleanup.Lists => TitleVariables.Length;

    void IReferenceCleanup.Clean(Reference r, TransformContext context, CleanupOutput output)
    {
        for (int v = 0; v < TitleVariables.Length; v++)
            FieldTransform.Clean(Name, r, TitleVariables[v], Protect, NeedsNoProtection, output, v);
    }

    internal static bool NeedsNoProtection(ReadOnlySpan<char> title) => !HasCapitalInsideAWord(title) || !Walk(title, null);

    public static string Protect(string title)
    {
        // Most titles have no acronym, or only ones already protected: found without building anything.
        if (!HasCapitalInsideAWord(title) || !Walk(title, null)) return title;
        var sb = new StringBuilder(title.Length + 32);
        Walk(title, sb);
        return sb.ToString();
    }

    /// <summary>Goes through <paramref name="title"/> word by word, leaving markup and math as they are; with
    /// <paramref name="sb"/>, writes the title there with each word that needs it protected, and without, says
    /// at the first such word that there is one.</summary>
    private static bool Walk(ReadOnlySpan<char> title, StringBuilder? sb)
    {
        bool any = false;
        int i = 0;
        while (i < title.Length)
        {
            // Leave existing markup (spans, <i>) and math as they are.
            if (title[i] == '<')
            {
                int end = IndexFrom(title, i, ">");
                if (title[i..].StartsWith("<span class=\"nocase\">"))
                {
                    int close = IndexFrom(title, i, "</span>");
                    end = close < 0 ? -1 : close + 6;
                }
                if (end < 0) { sb?.Append(title[i..]); break; }
                sb?.Append(title[i..(end + 1)]);
                i = end + 1;
                continue;
            }
            if (title[i] == '$')
            {
                int end = IndexFrom(title, i + 1, "$");
                if (end > i) { sb?.Append(title[i..(end + 1)]); i = end + 1; continue; }
            }
            int start = i;
            while (i < title.Length && !IsBoundary(title[i])) i++;
            if (i == start) { sb?.Append(title[i]); i++; continue; }
            var word = title[start..i];
            if (NeedsProtection(word))
            {
                if (sb is null) return true;
                any = true;
                sb.Append("<span class=\"nocase\">").Append(word).Append("</span>");
            }
            else sb?.Append(word);
        }
        return any;
    }

    private static int IndexFrom(ReadOnlySpan<char> text, int from, string value)
    {
        int at = text[from..].IndexOf(value, StringComparison.Ordinal);
        return at < 0 ? -1 : from + at;
    }

    // What NeedsProtection looks for at the least, found with one comparison for most characters: a capital that
    // follows a character of the same word other than a hyphen or an apostrophe. Most titles have none.
    private static bool HasCapitalInsideAWord(ReadOnlySpan<char> title)
    {
        for (int i = 1; i < title.Length; i++)
        {
            char c = title[i];
            if (c < 128 ? char.IsAsciiLetterUpper(c) : char.IsUpper(c))
            {
                char previous = title[i - 1];
                if (!IsBoundary(previous) && previous is not ('-' or '\'' or '’')) return true;
            }
        }
        return false;
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    private static bool IsBoundary(char c) => char.IsWhiteSpace(c) || c is '<' or '$' or ':' or ',' or ';' or '(' or ')' or '"' or '“' or '”' or '?' or '!' or '/' or '.';

    internal static bool NeedsProtection(ReadOnlySpan<char> word)
    {
        int letters = 0, upper = 0;
        bool upperAfterFirst = false;
        for (int i = 0; i < word.Length; i++)
        {
            char c = word[i];
            if (!char.IsLetter(c)) continue;
            letters++;
            if (char.IsUpper(c))
            {
                upper++;
                if (i > 0 && word[i - 1] != '-' && word[i - 1] != '\'' && word[i - 1] != '’') upperAfterFirst = true;
            }
        }
        if (letters == 0) return false;
        // A lone capital ("A", "I") is an ordinary word.
        if (letters == 1) return false;
        return upperAfterFirst;
    }
}
