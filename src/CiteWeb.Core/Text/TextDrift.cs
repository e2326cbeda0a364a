using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace CiteWeb.Core.Text;

/// <summary>
/// Content drift: how much of a page's visible text is still what it was (Klein et al.: a link that answers 200
/// may no longer say what the author cited). The visible text of each page (scripts, styles, navigation, page
/// header and footer, comments and tags dropped; entities decoded; folded to lower-case ASCII words with
/// <see cref="TextFolding.ToAscii"/>) is cut into overlapping runs of <see cref="ShingleSize"/> words (shingles),
/// each hashed to 64 bits (FNV-1a); the similarity is the Jaccard index of the two sets,
/// |A ∩ B| / |A ∪ B|, 1 for the same text and 0 for texts sharing no run of five words. A text shorter than five
/// words is one shingle. Two empty pages are the same (1); an empty page against a non-empty one is not (0).
/// Pure: no I/O, no packages.
/// </summary>
public static partial class TextDrift
{
    /// <summary>Words per shingle.</summary>
    public const int ShingleSize = 5;

    /// <summary>Below this similarity a page counts as drifted unless configured otherwise: fewer than half of the
    /// five-word runs of the two versions are shared, so the page is mostly something else now.</summary>
    public const double DefaultThreshold = 0.5;

    /// <summary>The similarity (0..1) of two HTML pages' visible text.</summary>
    public static double Similarity(string? htmlA, string? htmlB) =>
        Similarity(Shingles(VisibleText(htmlA)), Shingles(VisibleText(htmlB)));

    /// <summary>The Jaccard index of two shingle sets; 1 when both are empty.</summary>
    public static double Similarity(IReadOnlySet<ulong> a, IReadOnlySet<ulong> b)
    {
        if (a.Count == 0 && b.Count == 0) return 1.0;
        if (a.Count == 0 || b.Count == 0) return 0.0;
        var (small, large) = a.Count <= b.Count ? (a, b) : (b, a);
        var shared = 0;
        foreach (var h in small) if (large.Contains(h)) shared++;
        return (double)shared / (a.Count + b.Count - shared);
    }

    /// <summary>What a reader sees of an HTML page: folded lower-case ASCII words separated by single spaces.</summary>
    public static string VisibleText(string? html)
    {
        if (string.IsNullOrEmpty(html)) return "";
        var text = Comments().Replace(html, " ");
        text = Hidden().Replace(text, " ");
        text = Tags().Replace(text, " ");
        text = TextFolding.ToAscii(WebUtility.HtmlDecode(text));
        var sb = new StringBuilder(text.Length);
        var space = false;
        foreach (var ch in text)
        {
            if (char.IsAsciiLetterOrDigit(ch))
            {
                if (space && sb.Length > 0) sb.Append(' ');
                sb.Append(char.ToLowerInvariant(ch));
                space = false;
            }
            else space = true;
        }
        return sb.ToString();
    }

    /// <summary>The hashed <see cref="ShingleSize"/>-word shingles of a text made by <see cref="VisibleText"/>.</summary>
    public static IReadOnlySet<ulong> Shingles(string visibleText)
    {
        var words = visibleText.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var set = new HashSet<ulong>();
        if (words.Length == 0) return set;
        var runs = Math.Max(1, words.Length - ShingleSize + 1);
        for (int i = 0; i < runs; i++)
        {
            ulong h = 14695981039346656037UL;
            for (int j = i; j < Math.Min(words.Length, i + ShingleSize); j++)
            {
                foreach (var ch in words[j]) h = (h ^ ch) * 1099511628211UL;
                h = (h ^ ' ') * 1099511628211UL;
            }
            set.Add(h);
        }
        return set;
    }

    [GeneratedRegex(@"<!--.*?(?:-->|$)", RegexOptions.Singleline)]
    private static partial Regex Comments();

    /// <summary>Elements whose content is not the page's text: code, styles, and the site's navigation, header and
    /// footer (the boilerplate that changes without the article changing). An element left open runs to the end.</summary>
    [GeneratedRegex(@"<(script|style|noscript|template|svg|nav|header|footer)\b[^>]*>.*?(?:</\1\s*>|$)", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex Hidden();

    [GeneratedRegex("<[^>]*>")]
    private static partial Regex Tags();
}
