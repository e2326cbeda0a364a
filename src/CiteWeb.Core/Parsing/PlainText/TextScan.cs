using System.Text;

namespace CiteWeb.Core.Parsing.PlainText;

/// <summary>
/// Cuts an entry into the elements styles separate with full stops and commas, never inside quotation marks,
/// italics or brackets, and never after an initial or an abbreviation ("vol.", "pp.", "eds.", "Oct.", "M.").
/// </summary>
internal static class TextScan
{
    private static readonly HashSet<string> Abbreviations = new(StringComparer.OrdinalIgnoreCase)
    {
        "vol", "vols", "no", "nos", "pp", "p", "ed", "eds", "edn", "trans", "rev", "repr", "st", "inc", "ltd", "co",
        "corp", "jr", "sr", "dr", "mr", "mrs", "ms", "prof", "univ", "dept", "vs", "cf", "e.g", "i.e", "al", "ca", "c",
        "n.d", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "mass", "calif",
        "u.s", "u.k", "ch", "chap", "fig", "orig", "pt", "ser", "suppl", "approx", "comp", "assn", "natl", "intl",
        // Journal and proceedings abbreviations (IEEE, ISO 4): "Proc. IEEE Winter Conf. Applications ..."
        "proc", "conf", "symp", "int", "j", "annu", "acad", "sci", "soc", "assoc", "inst", "technol", "comput",
        "commun", "inf", "res", "appl", "eng", "lett", "mag", "stud", "bull", "q", "amer", "eur", "phil", "hum",
    };

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> AbbreviationLookup = Abbreviations.GetAlternateLookup<ReadOnlySpan<char>>();

    public static bool IsOpeningQuote(char c) => c is '“' or '"' or '‘' or '„' or '«' or '\'';

    public static char ClosingFor(char open) => open switch
    {
        '“' => '”', '„' => '“', '«' => '»', '‘' => '’', '\'' => '\'', _ => '"',
    };

    /// <summary>The index of the quotation mark that closes the one at <paramref name="open"/>, or -1.</summary>
    public static int FindClosingQuote(string s, int open)
    {
        char o = s[open];
        char close = ClosingFor(o);
        for (int i = open + 1; i < s.Length; i++)
        {
            char c = s[i];
            if (c == close || (o == '“' && c == '"') || (o == '"' && c == '”'))
            {
                // A single quote closes only where a word ends: "Weizenbaum's Secretary" keeps its apostrophe.
                if (o is '\'' or '‘' && i + 1 < s.Length && char.IsLetter(s[i + 1])) continue;
                return i;
            }
        }
        return -1;
    }

    /// <summary>Splits at sentence-ending full stops (and '?', '!' before italics) outside quotes, italics and brackets.</summary>
    public static List<string> Elements(string s)
    {
        var result = new List<string>();
        int start = 0;
        int depth = 0;
        bool italic = false;
        for (int i = 0; i < s.Length; i++)
        {
            char c = s[i];
            if (c == InlineMarkup.ItalicStart) italic = true;
            else if (c == InlineMarkup.ItalicEnd) italic = false;
            else if (c is '(' or '[') depth++;
            else if (c is ')' or ']' && depth > 0) depth--;
            else if (!italic && depth == 0 && (c == '“' || c == '"' && (i == 0 || s[i - 1] == ' ')))
            {
                int close = FindClosingQuote(s, i);
                if (close > 0)
                {
                    i = close;
                    continue;
                }
            }
            if (italic || depth > 0) continue;
            bool atEnd = i + 1 >= s.Length || s[i + 1] == ' ';
            if (c == '.' && atEnd && !IsAbbreviationBefore(s, i)) Flush(i + 1);
            else if (c is '?' or '!' && i + 2 < s.Length && s[i + 1] == ' ' && (s[i + 2] == InlineMarkup.ItalicStart || s.AsSpan(i + 2).StartsWith("In ", StringComparison.Ordinal))) Flush(i + 1);
        }
        Flush(s.Length);
        return result;

        void Flush(int end)
        {
            var t = s.AsSpan(start, end - start).Trim();
            if (t.Length > 0 && !(t.Length == 1 && t[0] == '.')) result.Add(t.ToString());
            start = end;
        }
    }

    /// <summary>Is the full stop at <paramref name="dot"/> the end of an initial or an abbreviation, not of a sentence?</summary>
    public static bool IsAbbreviationBefore(string s, int dot)
    {
        int start = dot;
        while (start > 0 && !char.IsWhiteSpace(s[start - 1]) && s[start - 1] is not '(' and not ',' and not '“' and not '"') start--;
        var word = s.AsSpan(start, dot - start);
        if (word.IsEmpty) return false;
        // Initials: "M.", "A.S.", "L.-J."
        if (word.Length == 1 && char.IsUpper(word[0])) return true;
        if (word.Length <= 5 && word.IndexOf('.') > 0 && char.IsUpper(word[0]) && !word.ContainsAny("0123456789")) return true;
        if (!AbbreviationLookup.Contains(word)) return false;
        // "3rd ed." ends the edition element.
        if (word.Equals("ed", StringComparison.OrdinalIgnoreCase) || word.Equals("edn", StringComparison.OrdinalIgnoreCase))
        {
            var before = s.AsSpan(0, start).TrimEnd();
            int w = before.LastIndexOf(' ');
            var prev = before[(w + 1)..];
            if (prev.Length > 2 && char.IsDigit(prev[0])) return false;
        }
        return true;
    }

    /// <summary>Splits an element at commas outside quotes, italics and brackets.</summary>
    public static List<string> Parts(string element)
    {
        var result = new List<string>();
        int depth = 0, start = 0;
        bool italic = false, quoted = false;
        for (int i = 0; i < element.Length; i++)
        {
            char c = element[i];
            if (c == InlineMarkup.ItalicStart) italic = true;
            else if (c == InlineMarkup.ItalicEnd) italic = false;
            else if (c is '“') quoted = true;
            else if (c is '”') quoted = false;
            else if (c is '(' or '[') depth++;
            else if (c is ')' or ']' && depth > 0) depth--;
            else if (c == ',' && !italic && !quoted && depth == 0 && !(i > 0 && char.IsDigit(element[i - 1]) && i + 1 < element.Length && char.IsDigit(element[i + 1])))
            {
                Add(element[start..i]);
                start = i + 1;
            }
        }
        Add(element[start..]);
        return result;

        void Add(string part)
        {
            var t = part.Trim();
            if (t.Length > 0) result.Add(t);
        }
    }

    /// <summary>Text without italic marks.</summary>
    public static string Plain(string s) =>
        s.Replace(InlineMarkup.ItalicStart.ToString(), "", StringComparison.Ordinal).Replace(InlineMarkup.ItalicEnd.ToString(), "", StringComparison.Ordinal);

    /// <summary>A value as it goes into the model: no italic marks, no enclosing or trailing punctuation of the element.</summary>
    public static string Value(string s)
    {
        var t = Plain(s).Trim();
        t = t.TrimEnd(',', ';', ':', ' ');
        // The element's closing full stop goes; an ellipsis stays.
        if (t.EndsWith('.') && !t.EndsWith("..", StringComparison.Ordinal)) t = t[..^1].TrimEnd(',', ' ');
        return CollapseSpaces(t);
    }

    public static string CollapseSpaces(string s)
    {
        if (!s.Contains("  ", StringComparison.Ordinal)) return s;
        var sb = new StringBuilder(s.Length);
        foreach (var c in s)
            if (c != ' ' || sb.Length == 0 || sb[^1] != ' ') sb.Append(c);
        return sb.ToString();
    }

    /// <summary>Does the text (after any italic mark) start with an italic run, and where does it end?</summary>
    public static bool StartsItalic(string s, out string italic, out string rest)
    {
        italic = rest = "";
        var t = s.TrimStart();
        if (t.Length == 0 || t[0] != InlineMarkup.ItalicStart) return false;
        int end = t.IndexOf(InlineMarkup.ItalicEnd);
        if (end < 0) end = t.Length;
        italic = t[1..end];
        rest = end + 1 < t.Length ? t[(end + 1)..] : "";
        return true;
    }
}
