using CiteWeb.Core.Text;

namespace CiteWeb.Core.Manuscripts;

/// <summary>
/// Finds the name of the works-cited list named last before a place in one paragraph, within
/// <see cref="LookBack"/> characters: the author of a narrative citation ("As Burkhardt details: “...” (211)").
/// Where each name occurs in the paragraph is found once, at the first question, and each question is then a
/// binary search per name: a paragraph with thousands of parentheses is read once per name, not once per
/// parenthesis (fuzz finding manuscript-slow-392E4D22B9BF).
/// </summary>
internal sealed class NameFinder(string text, WorksIndex works)
{
    /// <summary>How far back before a parenthesis an author's name is looked for.</summary>
    public const int LookBack = 600;

    private int[][]? _starts;
    // Without accents or apostrophe style ("Kjosen", "D'Ignazio"): the paragraph folded to ASCII, where each of its
    // characters begins in the folding (null when the paragraph is ASCII already), and each name's ASCII form's places.
    private string? _ascii;
    private int[]? _asciiAt;
    private int[]?[]? _asciiStarts;
    private bool _endSearched;
    private string? _atEnd;

    /// <summary>The name named last in the paragraph's closing <see cref="LookBack"/> characters (a block quotation's
    /// page follows a quotation introduced in the paragraph before); asked once.</summary>
    public string? AtEnd()
    {
        if (!_endSearched) (_atEnd, _endSearched) = (Before(text.Length), true);
        return _atEnd;
    }

    /// <summary>The last name of the list named in the <see cref="LookBack"/> characters before <paramref name="position"/>.</summary>
    public string? Before(int position) => Within(Math.Max(0, position - LookBack), position);

    /// <summary>The last name of the list named between <paramref name="from"/> and <paramref name="position"/>, as a word of that stretch.</summary>
    public string? Within(int from, int position)
    {
        var names = works.PrintedNamesWithAscii;
        _starts ??= [.. names.Select(n => n.Printed.Length < 2 ? [] : Occurrences(text, n.Printed))];
        var window = text.AsSpan(from, position - from);
        string? best = null;
        int bestAt = -1;
        for (int i = 0; i < names.Count; i++)
        {
            var (name, ascii) = names[i];
            if (name.Length < 2) continue;
            int at = LastWithin(_starts[i], from, position - name.Length), length = name.Length;
            if (at < 0 && !ReferenceEquals(ascii, name)) (at, length) = AsciiLastWithin(i, ascii, from, position);
            if (at >= 0) at -= from;
            if (at > bestAt && IsWordAt(window, at, length)) { best = name; bestAt = at; }
        }
        return best;
    }

    // The last place in the paragraph where name i's ASCII form occurs in the folded text between from and position, as
    // a place and length in the paragraph itself (so that the word boundaries checked are the paragraph's).
    private (int At, int Length) AsciiLastWithin(int i, string ascii, int from, int position)
    {
        if (_asciiStarts is null)
        {
            _ascii = TextFolding.ToAscii(text);
            if (!ReferenceEquals(_ascii, text))
            {
                _asciiAt = new int[text.Length + 1];
                for (int c = 0; c < text.Length; c++) _asciiAt[c + 1] = _asciiAt[c] + TextFolding.AsciiLength(text[c]);
            }
            _asciiStarts = new int[]?[works.PrintedNamesWithAscii.Count];
        }
        var starts = _asciiStarts[i] ??= Occurrences(_ascii!, ascii);
        if (_asciiAt is null) return (LastWithin(starts, from, position - ascii.Length), ascii.Length);
        int s = LastWithin(starts, _asciiAt[from], _asciiAt[position] - ascii.Length);
        if (s < 0) return (-1, 0);
        // The last character whose folding begins at or before s, and the first whose begins at or after the match's end.
        int start = UpperBound(_asciiAt, s) - 1, end = LowerBound(_asciiAt, s + ascii.Length);
        return (start, end - start);
    }

    private static int[] Occurrences(string text, string name)
    {
        int first = text.IndexOf(name, StringComparison.Ordinal);
        if (first < 0) return [];
        var found = new List<int> { first };
        for (int at = text.IndexOf(name, first + 1, StringComparison.Ordinal); at >= 0; at = text.IndexOf(name, at + 1, StringComparison.Ordinal))
            found.Add(at);
        return [.. found];
    }

    /// <summary>The last of the sorted <paramref name="starts"/> in [<paramref name="from"/>, <paramref name="last"/>], or -1.</summary>
    private static int LastWithin(int[] starts, int from, int last)
    {
        int i = UpperBound(starts, last) - 1;
        return i >= 0 && starts[i] >= from ? starts[i] : -1;
    }

    // The first index whose value is greater than (UpperBound) or not less than (LowerBound) value, in a sorted array
    // (which may repeat a value many times: characters that fold to nothing).
    private static int UpperBound(int[] sorted, int value)
    {
        int lo = 0, hi = sorted.Length;
        while (lo < hi)
        {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] <= value) lo = mid + 1; else hi = mid;
        }
        return lo;
    }

    private static int LowerBound(int[] sorted, int value)
    {
        int lo = 0, hi = sorted.Length;
        while (lo < hi)
        {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] < value) lo = mid + 1; else hi = mid;
        }
        return lo;
    }

    private static bool IsWordAt(ReadOnlySpan<char> s, int at, int length) =>
        at >= 0 && (at == 0 || !char.IsLetter(s[at - 1])) && (at + length >= s.Length || !char.IsLetter(s[at + length]));
}
