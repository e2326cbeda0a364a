using System.Text.RegularExpressions;
using CiteWeb.Core.Model;

namespace CiteWeb.Core.Parsing.PlainText;

/// <summary>
/// Reads the author and editor lists of printed references, in every order the styles use:
/// "Last, First" (MLA, Chicago), "Last, First, and First Last", the essay's own "Last, First, Last, First and First
/// Last", APA's "Last, A. A., &amp; Last, B." and Harvard's "Last, A. &amp; Last, B.", "et al.", organisations kept
/// whole, particles ("van Dijck", "Oege de Moor"), hyphens and apostrophes.
/// </summary>
internal static partial class NameList
{
    private static readonly HashSet<string> Particles = new(StringComparer.Ordinal)
    {
        "van", "von", "de", "der", "den", "del", "della", "delle", "di", "da", "das", "dos", "du", "la", "le", "les",
        "ter", "ten", "zu", "zur", "vom", "bin", "ibn", "al", "el", "y", "st.", "af",
    };

    private static readonly string[] Suffixes = ["Jr.", "Jr", "Sr.", "Sr", "II", "III", "IV"];

    // Words that make a name an organisation's, not a person's.
    private static readonly string[] OrganisationWords =
    [
        "University", "Universität", "Institute", "Institut", "Office", "Center", "Centre", "Foundation", "Inc", "Ltd",
        "LLC", "Association", "Society", "Press", "Department", "Ministry", "Council", "Commission", "Committee", "Group",
        "Lab", "Labs", "Laboratory", "Company", "Corporation", "Corp", "Agency", "Organization", "Organisation", "News",
        "Network", "Project", "Initiative", "Collective", "School", "College", "Library", "Museum", "Government",
        "Bureau", "Board", "Union", "Alliance", "Coalition", "Forum", "Research", "Team", "AI", "Developers", "Google",
        "Microsoft", "Meta", "OpenAI", "Amazon", "Apple", "IBM", "Facebook", "Wikipedia", "Wikimedia", "Media",
        "Consulting", "Partners", "Trust", "Fund", "Service", "Services", "Systems", "Technologies", "Review",
    ];

    [GeneratedRegex(@"(?:,\s*|\s+)(?:et\.?\s*al\.?|and\s+others|&\s*others|(?-i:u\.\s*a\.))\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex EtAlRegex();

    // "A.", "A. D.", "L.-J.", "A.S.", "J" — given names printed as initials only.
    // Lower-case initials with their dots too, for names printed in lower case ("boyd, d.").
    [GeneratedRegex(@"^(?:\p{Lu}\.?(?:-\p{Lu}\.?)?\s*)+$|^(?:\p{Ll}\.\s*)+$", RegexOptions.CultureInvariant)]
    private static partial Regex InitialsRegex();

    // APA without a comma: "Brock A." / "Gitelman L."
    [GeneratedRegex(@"^(?<family>\p{Lu}[\p{L}'’-]+)\s+(?<given>(?:\p{Lu}\.\s*)+)$", RegexOptions.CultureInvariant)]
    private static partial Regex FamilyInitialsRegex();

    [GeneratedRegex(@"^(?:\p{Lu}\.(?:\s?-?\p{Lu}\.)*\s+)\p{Lu}[\p{L}'’\-]+(?:\s*,|\s*$|\s+and\s|\s*&)", RegexOptions.CultureInvariant)]
    private static partial Regex InitialsFirstRegex();

    [GeneratedRegex(@"\s*(?:,\s*(?:and|&)\s+|\s+(?:and|&)\s+|\s*&\s*)", RegexOptions.CultureInvariant)]
    private static partial Regex AndRegex();

    /// <summary>Parses a creators segment whose first name is inverted ("Last, First"), as lists print them.</summary>
    public static List<PersonName> ParseInverted(string segment)
    {
        var names = new List<PersonName>();
        var text = segment.Trim().TrimEnd(',', ';').Trim();
        bool etAl = false;
        var m = EtAlRegex().Match(text);
        if (m.Success) { etAl = true; text = text[..m.Index].Trim().TrimEnd(','); }
        if (text.Length == 0) return names;

        if (InitialsFirstRegex().IsMatch(text))
        {
            // IEEE and other numbered styles print every name in natural order: "A. Author, B. Author, and C. Author".
            names.AddRange(ParseNatural(text, out _));
        }
        else if (IsOrganisation(text))
        {
            names.Add(PersonName.Organisation(text));
        }
        else if (!text.Contains(','))
        {
            var fi = FamilyInitialsRegex().Match(text);
            if (fi.Success) names.Add(Person(fi.Groups["family"].Value, fi.Groups["given"].Value.Trim()));
            else names.Add(PersonName.Organisation(text));
        }
        else
        {
            var pieces = Pieces(text);
            names.Add(Inverted(pieces[0].Text, pieces.Count > 1 && !pieces[1].AfterAnd ? pieces[1].Text : null));
            int i = pieces.Count > 1 && !pieces[1].AfterAnd ? 2 : 1;
            while (i < pieces.Count)
            {
                var p = pieces[i];
                if (IsSuffix(p.Text) && names.Count > 0)
                {
                    names[^1] = names[^1] with { Suffix = p.Text };
                    i++;
                    continue;
                }
                bool hasNext = i + 1 < pieces.Count;
                if (hasNext && InitialsRegex().IsMatch(pieces[i + 1].Text) && !InitialsRegex().IsMatch(p.Text))
                {
                    names.Add(Inverted(p.Text, pieces[i + 1].Text)); // APA, Harvard: "Selbst, A. D."
                    i += 2;
                }
                else if (hasNext && !pieces[i + 1].AfterAnd && IsFamilyOnly(p.Text) && LooksLikeGiven(pieces[i + 1].Text))
                {
                    names.Add(Inverted(p.Text, pieces[i + 1].Text)); // the essay's "Apprich, Clemens and ..."
                    i += 2;
                }
                else
                {
                    names.Add(Natural(p.Text));
                    i++;
                }
            }
        }
        if (etAl) names.Add(PersonName.Others);
        return names;
    }

    /// <summary>Parses a list of names in natural order ("Clemens Apprich, Wendy Hui Kyong Chun and Hito Steyerl"),
    /// as "edited by" prints them; stops at the first piece that is not a person's name and returns the rest as printed.</summary>
    public static List<PersonName> ParseNatural(string text, out string rest)
    {
        var names = new List<PersonName>();
        rest = "";
        var t = text.Trim();
        bool etAl = false;
        int start = 0;
        while (start < t.Length)
        {
            int comma = t.IndexOf(',', start);
            int end = comma < 0 ? t.Length : comma;
            var part = t[start..end].Trim();
            var etAlMatch = EtAlRegex().Match(" " + part);
            if (etAlMatch.Success && etAlMatch.Index == 0) { etAl = true; start = end + 1; continue; }
            if (etAlMatch.Success) { etAl = true; part = (" " + part)[..etAlMatch.Index].Trim(); }
            var pieces = AndRegex().Split(part).Select(x => x.Trim()).Where(x => x.Length > 0 && x != "and").ToList();
            if (part.StartsWith("and ", StringComparison.Ordinal)) pieces = [part[4..].Trim()];
            if (pieces.Count == 0) { start = end + 1; continue; }
            if (!pieces.All(LooksLikePerson))
            {
                rest = t[start..].Trim();
                break;
            }
            foreach (var p in pieces)
            {
                if (IsSuffix(p) && names.Count > 0) names[^1] = names[^1] with { Suffix = p };
                else names.Add(Natural(p));
            }
            start = end + 1;
            // "A, B, and C" or "A and B" closes the list: what follows is the next element ("Stanford UP"), not a name.
            if ((pieces.Count > 1 || part.StartsWith("and ", StringComparison.Ordinal)) && start < t.Length)
            {
                rest = t[start..].Trim();
                break;
            }
        }
        if (etAl) names.Add(PersonName.Others);
        return names;
    }

    private readonly record struct Piece(string Text, bool AfterAnd);

    private static List<Piece> Pieces(string text)
    {
        var pieces = new List<Piece>();
        // Mark the separators "and"/"&" first, then cut at commas.
        var parts = AndRegex().Split(text);
        for (int p = 0; p < parts.Length; p++)
        {
            var commaParts = parts[p].Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            for (int c = 0; c < commaParts.Length; c++)
                pieces.Add(new Piece(commaParts[c], p > 0 && c == 0));
        }
        return pieces;
    }

    public static bool IsOrganisation(string text)
    {
        var first = text.Split(',')[0].Trim();
        var words = first.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length >= 4 && !text.Contains(',')) return true;
        foreach (var w in words)
        {
            var bare = w.Trim('.', ',', '(', ')');
            foreach (var o in OrganisationWords)
                if (bare.Equals(o, StringComparison.Ordinal)) return true;
        }
        if (words.Length >= 3 && words.Any(w => w is "of" or "for" or "the" or "and")) return true;
        return false;
    }

    private static bool IsSuffix(string piece) => Suffixes.Contains(piece.Trim(), StringComparer.Ordinal);

    private static bool IsFamilyOnly(string piece)
    {
        var words = piece.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length == 0) return false;
        // "Kjøsen", "Costanza-Chock", "van Dijck", "De Vynck": particles then one capitalised word.
        for (int i = 0; i < words.Length - 1; i++)
            if (!Particles.Contains(words[i].ToLowerInvariant())) return false;
        var last = words[^1];
        return char.IsUpper(last[0]) && !last.EndsWith('.');
    }

    private static bool LooksLikeGiven(string piece)
    {
        var words = piece.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return words.Length is > 0 and <= 4 && words.All(w => char.IsUpper(w[0]) || Particles.Contains(w));
    }

    public static bool LooksLikePerson(string piece)
    {
        var words = piece.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length is 0 or > 6) return false;
        if (piece.Any(char.IsDigit)) return false;
        if (IsSuffix(piece)) return true;
        if (words[0] is "The" or "A" && words.Length > 1) return false;
        foreach (var w in words)
        {
            if (Particles.Contains(w)) continue;
            if (!char.IsUpper(w[0])) return false;
            var bare = w.Trim('.', ',');
            foreach (var o in OrganisationWords)
                if (bare.Equals(o, StringComparison.Ordinal) && o is not ("AI" or "Research")) return false;
        }
        return true;
    }

    private static PersonName Inverted(string family, string? given)
    {
        family = family.Trim();
        given = string.IsNullOrWhiteSpace(given) ? null : given.Trim();
        return Person(family, given);
    }

    /// <summary>"Wendy Hui Kyong Chun", "Oege de Moor", "A. S. Abouhaswa", "Martin Luther King Jr."</summary>
    public static PersonName Natural(string text)
    {
        var words = text.Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList();
        string? suffix = null;
        if (words.Count > 1 && IsSuffix(words[^1])) { suffix = words[^1]; words.RemoveAt(words.Count - 1); }
        if (words.Count == 1) return new PersonName { Family = words[0], Suffix = suffix };
        int familyStart = words.Count - 1;
        // "Oege de Moor", "Younes El Hachimi": particles before the last word belong to the family name.
        while (familyStart > 1 && (Particles.Contains(words[familyStart - 1]) || words[familyStart - 1].Length <= 3 && Particles.Contains(words[familyStart - 1].ToLowerInvariant())))
            familyStart--;
        var given = string.Join(' ', words.Take(familyStart));
        var family = string.Join(' ', words.Skip(familyStart));
        return Person(family, given) with { Suffix = suffix };
    }

    private static PersonName Person(string family, string? given)
    {
        // Leading lower-case particles of the family name are kept apart, as CSL does: "van" of "van Dijck".
        var words = family.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        int k = 0;
        while (k < words.Length - 1 && Particles.Contains(words[k])) k++;
        if (k > 0)
            return new PersonName { NonDroppingParticle = string.Join(' ', words.Take(k)), Family = string.Join(' ', words.Skip(k)), Given = given };
        return new PersonName { Family = family, Given = given };
    }
}
