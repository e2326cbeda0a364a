using System.Text;
using CiteWeb.Core.Model;

namespace CiteWeb.Core.Transforms;

/// <summary>
/// Protects the case of words a style must never lower-case: acronyms ("AI", "GAN"), words with a capital after
/// the first letter ("iPhone", "McDonald", "YouTube") and words with digits and capitals ("GPT-3"). They are
/// wrapped as CSL nocase spans, written as braces in BibTeX. Ordinary capitalised words are left alone: braces on
/// every word would stop styles from sentence-casing titles at all.
/// </summary>
public sealed class ProtectCapitals : ITransform
{
    private static readonly string[] TitleVariables = [Csl.Title, Csl.ContainerTitle, Csl.CollectionTitle, Csl.EventTitle];

    public string Name => "capitals";
    public IReadOnlyList<string> DependsOn => ["whitespace"];

    public IEnumerable<FieldChange> Apply(IList<Reference> references, TransformContext context)
    {
        var changes = new List<FieldChange>();
        foreach (var variable in TitleVariables)
            changes.AddRange(FieldTransform.Each(Name, references, variable, Protect));
        return changes;
    }

    public static string Protect(string title)
    {
        if (!AnyWordNeedsProtection(title)) return title;
        var sb = new StringBuilder(title.Length + 32);
        int i = 0;
        while (i < title.Length)
        {
            // Leave existing markup (spans, <i>) and math as they are.
            if (title[i] == '<')
            {
                int end = title.IndexOf('>', i);
                if (title.AsSpan(i).StartsWith("<span class=\"nocase\">"))
                {
                    int close = title.IndexOf("</span>", i, StringComparison.Ordinal);
                    end = close < 0 ? -1 : close + 6;
                }
                if (end < 0) { sb.Append(title, i, title.Length - i); break; }
                sb.Append(title, i, end + 1 - i);
                i = end + 1;
                continue;
            }
            if (title[i] == '$')
            {
                int end = title.IndexOf('$', i + 1);
                if (end > i) { sb.Append(title, i, end + 1 - i); i = end + 1; continue; }
            }
            int start = i;
            while (i < title.Length && !IsBoundary(title[i])) i++;
            if (i == start) { sb.Append(title[i++]); continue; }
            var word = title.AsSpan(start, i - start);
            if (NeedsProtection(word)) sb.Append("<span class=\"nocase\">").Append(word).Append("</span>");
            else sb.Append(word);
        }
        return sb.ToString();
    }

    // Most titles have no acronym: one pass without building anything. Markup is skipped by Protect itself.
    private static bool AnyWordNeedsProtection(string title)
    {
        if (!HasCapitalInsideAWord(title)) return false;
        int i = 0;
        while (i < title.Length)
        {
            int start = i;
            while (i < title.Length && !IsBoundary(title[i])) i++;
            if (i > start && NeedsProtection(title.AsSpan(start, i - start))) return true;
            i++;
        }
        return false;
    }

    // What NeedsProtection looks for at the least, found with one comparison for most characters: a capital that
    // follows a character of the same word other than a hyphen or an apostrophe. Most titles have none.
    private static bool HasCapitalInsideAWord(string title)
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
