using CiteWeb.Core.Model;
using CiteWeb.Core.Text;

namespace CiteWeb.Core.Manuscripts;

/// <summary>How a cited work was matched to the works-cited list.</summary>
public sealed record WorkMatch(CitedWork Work, IReadOnlyList<Reference> Entries)
{
    /// <summary>Names spelled differently in the citation and in the list (a near miss, a missing hyphen or accent): the
    /// citation's spelling and the list's, to suggest.</summary>
    public IReadOnlyList<(string Cited, string Listed)> Spellings { get; init; } = [];
    /// <summary>An organisation cited by a shorter form of its listed name ("Meta" for "Meta AI").</summary>
    public bool ShortOrganisationName { get; init; }
    /// <summary>The citation's title matched no title of the author's entries exactly (only loosely, or not at all).</summary>
    public bool TitleDiffers { get; init; }
    /// <summary>Several entries by the author and nothing (title, year) to choose between them.</summary>
    public bool Ambiguous { get; init; }
    public Reference? Entry => Entries.Count == 1 ? Entries[0] : null;
}

/// <summary>
/// The works-cited list, indexed for matching citations: by the folded family names of each entry's creators
/// (accents, case, hyphens and apostrophes ignored), organisations by their whole name, and by key.
/// </summary>
public sealed class WorksIndex
{
    private readonly Dictionary<string, List<Reference>> _byFirstName = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Reference> _byKey = new(StringComparer.Ordinal);
    private readonly List<(string Folded, string Printed)> _names = [];
    // Asked for every parenthesis of a manuscript, so made once: each printed name once, in list order, with its
    // ASCII form (the same string when it has no accents); and the folded names as a set and once each.
    private readonly List<(string Printed, string Ascii)> _printedNames = [];
    private readonly HashSet<string> _foldedNames = new(StringComparer.Ordinal);
    private readonly List<string> _distinctFoldedNames = [];
    // Each entry's title as compared (TextFolding.NormaliseTitle), and its main title (up to the subtitle) as looked for
    // in a sentence; made on first use, as matching asks about the same entries for every citation.
    private readonly Dictionary<Reference, string> _normalisedTitles = new(ReferenceEqualityComparer.Instance);
    private string?[]? _mainTitles;
    // The answers to the questions asked for every parenthesis, which a manuscript asks again and again of the same
    // names ("(Benjamin 183)" ... "(Benjamin 190)"); as many as the manuscript has different names and titles.
    private readonly Dictionary<string, bool> _knownNames = new(StringComparer.Ordinal);
    private readonly Dictionary<string, WorkMatch> _matches = new(StringComparer.Ordinal);
    private readonly Dictionary<string, bool> _oneWork = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Name, string Title), bool> _authorTitles = [];

    public WorksIndex(IReadOnlyList<Reference> references)
    {
        References = references;
        foreach (var r in references)
        {
            _byKey.TryAdd(r.Id, r);
            var creators = r.Creators;
            if (creators.Count == 0) continue;
            var first = NameMatching.Fold(creators[0].FamilyWithParticles);
            if (first.Length == 0) continue;
            if (!_byFirstName.TryGetValue(first, out var list)) _byFirstName[first] = list = [];
            list.Add(r);
            foreach (var c in creators)
                if (!c.IsOthers) _names.Add((NameMatching.Fold(c.FamilyWithParticles), c.FamilyWithParticles));
        }
        var printed = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (folded, name) in _names)
        {
            if (printed.Add(name)) _printedNames.Add((name, TextFolding.ToAscii(name)));
            if (_foldedNames.Add(folded)) _distinctFoldedNames.Add(folded);
        }
    }

    public IReadOnlyList<Reference> References { get; }

    /// <summary>Is <paramref name="name"/> (as printed) the family name of a creator in the list, exactly or nearly?</summary>
    public bool KnowsName(string name)
    {
        if (!_knownNames.TryGetValue(name, out bool known)) _knownNames[name] = known = Knows(name);
        return known;
    }

    private bool Knows(string name)
    {
        var f = NameMatching.Fold(name);
        if (f.Length == 0) return false;
        if (_foldedNames.Contains(f)) return true;
        foreach (var folded in _distinctFoldedNames)
            if (NameMatching.IsNearMiss(folded, f)) return true;
        return false;
    }

    /// <summary>Is <paramref name="title"/> (a short title) the title of a work by <paramref name="name"/>?</summary>
    public bool AuthorHasTitle(string name, string title)
    {
        if (_authorTitles.TryGetValue((name, title), out bool has)) return has;
        var m = Match(new CitedWork { Author = name, Names = [name], Title = title });
        return _authorTitles[(name, title)] = m.Entries.Count > 0 && !m.TitleDiffers;
    }

    /// <summary>The entry whose title (up to its subtitle) is named last in <paramref name="text"/>, if any.</summary>
    public Reference? TitleNamedIn(string text)
    {
        var folded = " " + TextFolding.NormaliseTitle(text) + " ";
        _mainTitles ??= [.. References.Select(MainTitle)];
        Reference? best = null;
        int bestAt = -1;
        for (int i = 0; i < References.Count; i++)
        {
            if (_mainTitles[i] is not { } main) continue;
            int at = folded.LastIndexOf(main, StringComparison.Ordinal);
            if (at > bestAt) { best = References[i]; bestAt = at; }
        }
        return best;
    }

    // " main title " (normalised, up to its subtitle, between spaces), or null when it is a single word:
    // "Introduction" or "About" alone are words of any sentence.
    private static string? MainTitle(Reference r)
    {
        var title = Text.RichText.ToPlain(r.Title ?? "");
        int cut = title.IndexOfAny(SubtitleMarks);
        var main = TextFolding.NormaliseTitle(cut > 0 ? title[..cut] : title);
        return main.Split(' ').Length < 2 ? null : " " + main + " ";
    }

    private static readonly char[] SubtitleMarks = ['.', ':', '?'];

    /// <summary>Does one entry have all these creators (co-authors), or are they separate works?</summary>
    public bool IsOneWork(IReadOnlyList<string> names)
    {
        if (names.Count < 2) return true;
        var signature = string.Join('\u001f', names);
        if (_oneWork.TryGetValue(signature, out bool known)) return known;
        return _oneWork[signature] = HasAll(Match(new CitedWork { Names = names }).Entries, names);
    }

    // Apart from IsOneWork, whose remembered answers would otherwise each allocate this lambda's captured names.
    private static bool HasAll(IReadOnlyList<Reference> entries, IReadOnlyList<string> names) =>
        entries.Any(r => names.All(n => r.Creators.Any(c => NameMatching.Fold(c.FamilyWithParticles) == NameMatching.Fold(n) || NameMatching.IsNearMiss(NameMatching.Fold(c.FamilyWithParticles), NameMatching.Fold(n)))));

    /// <summary>The creators' family names as printed in the list, for finding an author named in a sentence.</summary>
    public IEnumerable<string> PrintedNames => _printedNames.Select(n => n.Printed);

    /// <summary><see cref="PrintedNames"/> with each one's ASCII form (<see cref="TextFolding.ToAscii"/>; the same
    /// string when it has no accents), in the same order.</summary>
    internal IReadOnlyList<(string Printed, string Ascii)> PrintedNamesWithAscii => _printedNames;

    /// <summary>Is there an entry with the key <paramref name="key"/>?</summary>
    public bool HasKey(string key) => _byKey.ContainsKey(key);

    /// <summary>The entries <paramref name="work"/> can denote. The answer depends only on the citation's key, names,
    /// year and title, and is remembered by them: a manuscript cites the same work again and again.</summary>
    public WorkMatch Match(CitedWork work)
    {
        var signature = Signature(work);
        if (_matches.TryGetValue(signature, out var known)) return known with { Work = work };
        return _matches[signature] = MatchAnew(work);
    }

    // The key, year, title and names joined by U+001F, written straight into one string: asked for every citation.
    private static string Signature(CitedWork work)
    {
        string key = work.Key ?? "\u0001", year = work.Year ?? "", title = work.Title ?? "";
        int length = key.Length + year.Length + title.Length + 2;
        foreach (var n in work.Names) length += n.Length + 1;
        return string.Create(length, (key, year, title, work.Names), static (span, w) =>
        {
            int at = 0;
            void Put(Span<char> span, string s, ref int at, bool separator)
            {
                if (separator) span[at++] = '\u001f';
                s.CopyTo(span[at..]);
                at += s.Length;
            }
            Put(span, w.key, ref at, false);
            Put(span, w.year, ref at, true);
            Put(span, w.title, ref at, true);
            foreach (var n in w.Names) Put(span, n, ref at, true);
        });
    }

    private WorkMatch MatchAnew(CitedWork work)
    {
        if (work.Key is { } key)
            return new WorkMatch(work, _byKey.TryGetValue(key, out var byKey) ? [byKey] : []);
        if (work.Names.Count == 0) return new WorkMatch(work, []);

        var first = NameMatching.Fold(work.Names[0]);
        bool shortOrganisation = false;
        _byFirstName.TryGetValue(first, out var candidates);
        if (candidates is null && first.Length >= 3)
        {
            // An organisation by the first words of its name: "Meta" for "Meta AI", "Microsoft" for "Microsoft News Center".
            foreach (var (name, list) in _byFirstName)
            {
                if (list[0].Creators[0].Literal is not { } literal || !name.StartsWith(first, StringComparison.Ordinal)) continue;
                if (!literal.StartsWith(work.Names[0].Trim() + " ", StringComparison.OrdinalIgnoreCase)) continue;
                candidates = list;
                shortOrganisation = true;
                break;
            }
        }
        if (candidates is null)
        {
            // A near miss: "Verdegen" for Verdegem is a misspelling to report.
            foreach (var (name, list) in _byFirstName)
            {
                if (!NameMatching.IsNearMiss(name, first)) continue;
                candidates = list;
                break;
            }
        }
        if (candidates is null) return new WorkMatch(work, []);

        // Co-authors named in the citation narrow the choice ("Apprich, Chun ...").
        var narrowed = candidates;
        if (work.Names.Count > 1)
        {
            var withCoauthors = candidates.Where(r => work.Names.Skip(1).All(n => r.Creators.Any(c => NameMatching.Fold(c.FamilyWithParticles) == NameMatching.Fold(n)))).ToList();
            if (withCoauthors.Count > 0) narrowed = withCoauthors;
        }
        if (work.Year is { } year)
        {
            var sameYear = narrowed.Where(r => r.Issued?.Year?.ToString(System.Globalization.CultureInfo.InvariantCulture) == year[..Math.Min(4, year.Length)]).ToList();
            if (sameYear.Count > 0) narrowed = sameYear;
        }
        bool titleDiffers = false;
        if (work.Title is { } title)
        {
            var t = TextFolding.NormaliseTitle(title);
            var exact = narrowed.Where(r => TitleStarts(r, t)).ToList();
            if (exact.Count > 0) narrowed = exact;
            else
            {
                titleDiffers = true;
                var loose = narrowed.Where(r => TitleShares(r, t)).ToList();
                if (loose.Count > 0) narrowed = loose;
            }
        }
        bool ambiguous = narrowed.Count > 1 && work.Title is null;
        return new WorkMatch(work, narrowed)
        {
            Spellings = shortOrganisation ? [] : Spellings(work, narrowed[0]),
            ShortOrganisationName = shortOrganisation,
            TitleDiffers = titleDiffers,
            Ambiguous = ambiguous,
        };
    }

    // Each name of the citation against the entry's: the same once folded but printed otherwise (a hyphen, an
    // accent), or a near miss ("Ohnsman" for Ohsman). Case and the style of apostrophe are not spelling.
    private static List<(string, string)> Spellings(CitedWork work, Reference entry)
    {
        var result = new List<(string, string)>();
        foreach (var cited in work.Names)
        {
            var folded = NameMatching.Fold(cited);
            var listed = entry.Creators.Where(c => !c.IsOthers).Select(c => c.FamilyWithParticles)
                .FirstOrDefault(n => NameMatching.Fold(n) == folded)
                ?? entry.Creators.Where(c => !c.IsOthers).Select(c => c.FamilyWithParticles).FirstOrDefault(n => NameMatching.IsNearMiss(NameMatching.Fold(n), folded));
            if (listed is not null && Printed(listed) != Printed(cited)) result.Add((cited.Trim(), listed));
        }
        return result;
    }

    private static string Printed(string name) => name.Trim().Replace('’', '\'').Replace('‘', '\'').ToLowerInvariant();

    private string NormalisedTitle(Reference r)
    {
        if (!_normalisedTitles.TryGetValue(r, out var normalised)) _normalisedTitles[r] = normalised = TextFolding.NormaliseTitle(r.Title ?? "");
        return normalised;
    }

    // A short title is the title's beginning (MLA shortens from the front), or the whole title.
    private bool TitleStarts(Reference r, string normalisedShort)
    {
        var full = NormalisedTitle(r);
        return normalisedShort.Length > 0 && (full.StartsWith(normalisedShort, StringComparison.Ordinal) || full.Contains(normalisedShort, StringComparison.Ordinal));
    }

    // A loose match: most of the short title's words are in the entry's title.
    private bool TitleShares(Reference r, string normalisedShort)
    {
        var words = normalisedShort.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length == 0) return false;
        var full = " " + NormalisedTitle(r) + " ";
        int found = words.Count(w => full.Contains(" " + w + " ", StringComparison.Ordinal));
        return found * 2 >= words.Length;
    }
}
