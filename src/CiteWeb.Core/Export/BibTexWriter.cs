using System.Globalization;
using System.Text;
using CiteWeb.Core.Model;
using CiteWeb.Core.Parsing.BibTex;

namespace CiteWeb.Core.Export;

/// <summary>How references are written as BibTeX or BibLaTeX.</summary>
public sealed record BibTexWriterOptions
{
    /// <summary>Write BibLaTeX (date, journaltitle, location, @online ...) instead of classic BibTeX. The default is false.</summary>
    public bool BibLaTeX { get; init; }
    /// <summary>Escape every non-ASCII character as LaTeX (<c>{\"o}</c>). The default is false: UTF-8 is written as is.</summary>
    public bool Ascii { get; init; }
    /// <summary>Write fields the model keeps in <c>custom</c> (organization, file, timestamp ...). The default is true.</summary>
    public bool IncludeCustom { get; init; } = true;
    /// <summary>Field indentation. The default is two spaces.</summary>
    public string Indent { get; init; } = "  ";
}

/// <summary>
/// Writes the model as BibTeX or BibLaTeX, in one field order, values brace-delimited and escaped, so that
/// reading the output gives back the same references (the round trip every fixture is tested with).
/// </summary>
public static class BibTexWriter
{
    private static readonly HashSet<string> ClassicTypes = new(StringComparer.Ordinal)
    {
        "article", "book", "booklet", "conference", "inbook", "incollection", "inproceedings", "manual",
        "mastersthesis", "misc", "phdthesis", "proceedings", "techreport", "unpublished",
    };

    // The CSL variables WriteEntry maps to BibTeX fields by name; any other is written under its CSL name.
    private static readonly HashSet<string> Written = new(StringComparer.Ordinal)
    {
        Csl.Title, Csl.TitleShort, Csl.ContainerTitle, Csl.ContainerTitleShort, Csl.CollectionTitle, Csl.EventTitle,
        Csl.OriginalTitle, Csl.Edition, Csl.Volume, Csl.NumberOfVolumes, Csl.Issue, Csl.Number, Csl.CollectionNumber,
        Csl.ChapterNumber, Csl.Page, Csl.NumberOfPages, Csl.Publisher, Csl.PublisherPlace, Csl.EventPlace, Csl.Genre,
        Csl.Status, Csl.Version, Csl.Doi, Csl.Isbn, Csl.Issn, Csl.Url, Csl.Language, Csl.Keyword, Csl.Abstract,
        Csl.Note, Csl.Annote,
    };

    // Custom keys the writer turns back into structure rather than writing as fields.
    private static readonly HashSet<string> Structural = new(StringComparer.Ordinal) { "entrytype", "source", "raw", "confidence" };

    public static string Write(IEnumerable<Reference> references, BibTexWriterOptions? options = null, IEnumerable<string>? preambles = null)
    {
        var sw = new StringWriter(CultureInfo.InvariantCulture) { NewLine = "\n" };
        Write(sw, references, options, preambles);
        return sw.ToString();
    }

    public static void Write(TextWriter writer, IEnumerable<Reference> references, BibTexWriterOptions? options = null, IEnumerable<string>? preambles = null)
    {
        options ??= new BibTexWriterOptions();
        bool first = true;
        foreach (var p in preambles ?? [])
        {
            writer.Write("@preamble{ {");
            writer.Write(p);
            writer.Write("} }\n");
            first = false;
        }
        if (references is IReadOnlyList<Reference> list && list.Count >= 2 * ChunkSize && Environment.ProcessorCount > 1)
        {
            WriteInParallel(writer, list, options, first);
            return;
        }
        var sb = new StringBuilder(1024);
        var fields = new List<(string Name, ReadOnlyMemory<char> Value)>(32);
        foreach (var r in references)
        {
            if (!first) writer.Write('\n');
            first = false;
            sb.Clear();
            fields.Clear();
            WriteEntry(sb, fields, r, options);
            writer.Write(sb);
        }
    }

    private const int ChunkSize = 512;

    /// <summary>
    /// A long list is formatted on every core, a round of chunks of <see cref="ChunkSize"/> entries at a time, each
    /// chunk into its own buffer, and the buffers are written in order: the text is exactly what the loop above
    /// writes. Formatting an entry reads only that entry (see FieldMap.Peek), so the chunks are independent.
    /// </summary>
    private static void WriteInParallel(TextWriter writer, IReadOnlyList<Reference> references, BibTexWriterOptions options, bool first)
    {
        int perRound = Environment.ProcessorCount * 2;
        var buffers = new StringBuilder[perRound];
        for (int i = 0; i < perRound; i++) buffers[i] = new StringBuilder(ChunkSize * 1024);
        int chunks = (references.Count + ChunkSize - 1) / ChunkSize;
        for (int round = 0; round < chunks; round += perRound)
        {
            int inRound = Math.Min(perRound, chunks - round);
            Parallel.For(0, inRound, () => new List<(string, ReadOnlyMemory<char>)>(32), (c, _, fields) =>
            {
                var buffer = buffers[c];
                buffer.Clear();
                int from = (round + c) * ChunkSize, to = Math.Min(references.Count, from + ChunkSize);
                for (int i = from; i < to; i++)
                {
                    if (i > 0 || !first) buffer.Append('\n');
                    fields.Clear();
                    WriteEntry(buffer, fields, references[i], options);
                }
                return fields;
            }, static _ => { });
            for (int c = 0; c < inRound; c++) writer.Write(buffers[c]);
        }
    }

    /// <summary>Appends one entry to <paramref name="sb"/>; <paramref name="fields"/> is empty scratch space, reused from entry to entry.</summary>
    private static void WriteEntry(StringBuilder sb, List<(string Name, ReadOnlyMemory<char> Value)> fields, Reference r, BibTexWriterOptions o)
    {
        string type = EntryType(r, o);
        foreach (var role in Csl.NameVariables)
            if (r.Names.Peek(role) is { Count: > 0 } names)
                fields.Add((NameField(role), FormatNames(names, o.Ascii).AsMemory()));

        void Add(string field, string variable, bool verbatim = false)
        {
            // A value still as the reader stored it is written from the source when encoding would give it back
            // unchanged; any other is decoded for this write only. Writing keeps nothing (see FieldMap.Peek).
            int at = r.Fields.IndexOfKey(variable);
            if (at < 0) return;
            if (r.Fields.TryPeekSource(at, out var source) && EncodesToItself(source.Span, verbatim, o.Ascii))
            {
                fields.Add((field, source));
                return;
            }
            var v = r.Fields.PeekAt(at);
            if (string.IsNullOrEmpty(v)) return;
            fields.Add((field, (verbatim ? LatexEncoder.EncodeVerbatim(v) : LatexEncoder.Encode(v, o.Ascii)).AsMemory()));
        }

        bool isArticle = type is "article" or "periodical";
        Add("title", Csl.Title);
        Add("shorttitle", Csl.TitleShort);
        Add(isArticle ? (o.BibLaTeX ? "journaltitle" : "journal") : "booktitle", Csl.ContainerTitle);
        Add("shortjournal", Csl.ContainerTitleShort);
        Add("series", Csl.CollectionTitle);
        Add("eventtitle", Csl.EventTitle);
        Add("origtitle", Csl.OriginalTitle);
        Add("edition", Csl.Edition);
        Add("volume", Csl.Volume);
        Add("volumes", Csl.NumberOfVolumes);
        if (isArticle)
        {
            bool both = r.Fields.ContainsKey(Csl.Issue) && r.Fields.ContainsKey(Csl.Number);
            Add(both ? "issue" : "number", Csl.Issue);
            Add("number", Csl.Number);
        }
        else
        {
            Add("number", r.Fields.ContainsKey(Csl.Number) ? Csl.Number : Csl.CollectionNumber);
            if (r.Fields.ContainsKey(Csl.Number)) Add("collection-number", Csl.CollectionNumber);
            Add("issue", Csl.Issue);
        }
        Add("chapter", Csl.ChapterNumber);
        Add("pages", Csl.Page);
        Add("pagetotal", Csl.NumberOfPages);
        Add(PublisherField(r, type, o), Csl.Publisher);
        Add(o.BibLaTeX && !r.Custom.ContainsKey("location") ? "location" : "address", Csl.PublisherPlace);
        Add("venue", Csl.EventPlace);
        AddDates(fields, r, o);
        Add("type", Csl.Genre);
        Add("pubstate", Csl.Status);
        Add("version", Csl.Version);
        Add("doi", Csl.Doi, verbatim: true);
        Add("isbn", Csl.Isbn);
        Add("issn", Csl.Issn);
        Add("url", Csl.Url, verbatim: true);
        Add("language", Csl.Language);
        Add("keywords", Csl.Keyword);
        Add("abstract", Csl.Abstract);
        Add("note", Csl.Note);
        Add("annote", Csl.Annote);
        // A CSL type that BibTeX folds into a wider one keeps its kind as BibLaTeX's entrysubtype, which the reader maps back.
        if (r.Custom["entrysubtype"] is null && SubtypeOf(r.Type, type) is { } subtype) fields.Add(("entrysubtype", subtype.AsMemory()));
        // Remaining CSL variables have no BibTeX field: they are written under their CSL names, which the reader maps back.
        for (int i = 0; i < r.Fields.Count; i++)
        {
            var name = r.Fields.KeyAt(i);
            if (Written.Contains(name)) continue;
            if (r.Fields.TryPeekSource(i, out var source) && LatexEncoder.EncodesToItself(source.Span, o.Ascii))
                fields.Add((name.ToLowerInvariant(), source));
            else if (r.Fields.PeekAt(i) is { Length: > 0 } value)
                fields.Add((name.ToLowerInvariant(), LatexEncoder.Encode(value, o.Ascii).AsMemory()));
        }
        if (o.IncludeCustom)
        {
            var custom = r.Custom;
            Span<int> order = custom.Count <= 64 ? stackalloc int[custom.Count] : new int[custom.Count];
            for (int i = 0; i < order.Length; i++) order[i] = i;
            order.Sort((a, b) => string.CompareOrdinal(custom.KeyAt(a), custom.KeyAt(b)));
            foreach (int i in order)
            {
                var name = custom.KeyAt(i);
                if (Structural.Contains(name) || !IsFieldName(name) || IsWritten(fields, name)) continue;
                fields.Add((name, Encoded(custom, i, verbatim: name == "file" || name.Contains("url", StringComparison.Ordinal), o.Ascii)));
            }
        }

        sb.Append('@').Append(type).Append('{').Append(SafeKey(r.Id)).Append(',').Append('\n');
        int width = 0;
        foreach (var f in fields) width = Math.Max(width, f.Name.Length);
        for (int i = 0; i < fields.Count; i++)
        {
            var (name, value) = fields[i];
            sb.Append(o.Indent).Append(name).Append(' ', width - name.Length).Append(" = ");
            if (name == "month" && value.Length == 3 && BibTexVocabulary.MonthMacros.ContainsKey(value.ToString())) sb.Append(value);
            else sb.Append('{').Append(value).Append('}');
            sb.Append(i < fields.Count - 1 ? ",\n" : "\n");
        }
        sb.Append("}\n");
    }

    /// <summary>The <paramref name="index"/>th value of <paramref name="map"/> as written: from the source where
    /// that is the same, else decoded for this write only and encoded.</summary>
    private static ReadOnlyMemory<char> Encoded(FieldMap map, int index, bool verbatim, bool ascii)
    {
        if (map.TryPeekSource(index, out var source) && EncodesToItself(source.Span, verbatim, ascii)) return source;
        var value = map.PeekAt(index);
        return (verbatim ? LatexEncoder.EncodeVerbatim(value) : LatexEncoder.Encode(value, ascii)).AsMemory();
    }

    private static bool EncodesToItself(ReadOnlySpan<char> text, bool verbatim, bool ascii) =>
        verbatim ? LatexEncoder.EncodesVerbatimToItself(text) : LatexEncoder.EncodesToItself(text, ascii);

    private static bool IsWritten(List<(string Name, ReadOnlyMemory<char> Value)> fields, string name)
    {
        foreach (var (written, _) in fields) if (written == name) return true;
        return false;
    }

    private static void AddDates(List<(string, ReadOnlyMemory<char>)> fields, Reference r, BibTexWriterOptions o)
    {
        if (r.Issued is { } issued)
        {
            if (issued.Start is { } s && o.BibLaTeX) fields.Add(("date", issued.ToString().AsMemory()));
            else if (issued.Start is { } d && issued.End is null && !issued.OpenEnd && !issued.Circa && !issued.Uncertain)
            {
                fields.Add(("year", d.Year.ToString(CultureInfo.InvariantCulture).AsMemory()));
                if (d.Month is int m and <= 12) fields.Add(("month", MonthMacro(m).AsMemory()));
                if (d.Day is int day) fields.Add(("day", day.ToString(CultureInfo.InvariantCulture).AsMemory()));
            }
            else if (issued.Start is { Month: int m1 and <= 12, Day: int d1 } a && issued.End is { Month: int m2, Day: int d2 } b
                && a.Year == b.Year && m1 == m2 && !issued.Circa && !issued.Uncertain)
            {
                // A range of days within a month, as proceedings have it: year = {2013}, month = {17--19 Jun}.
                fields.Add(("year", a.Year.ToString(CultureInfo.InvariantCulture).AsMemory()));
                fields.Add(("month", $"{d1}--{d2} {BibTexVocabulary.MonthNames[m1 - 1][..3]}".AsMemory()));
            }
            else fields.Add(("year", LatexEncoder.Encode(issued.ToString(), o.Ascii).AsMemory()));
        }
        AddIso(fields, "urldate", r.Dates.GetValueOrDefault(Csl.Accessed), o);
        AddIso(fields, "origdate", r.Dates.GetValueOrDefault(Csl.OriginalDate), o);
        AddIso(fields, "eventdate", r.Dates.GetValueOrDefault(Csl.EventDate), o);
    }

    private static void AddIso(List<(string, ReadOnlyMemory<char>)> fields, string name, PartialDate? date, BibTexWriterOptions o)
    {
        if (date is not null) fields.Add((name, LatexEncoder.Encode(date.ToString(), o.Ascii).AsMemory()));
    }

    private static readonly string[] MonthMacros = [.. BibTexVocabulary.MonthNames.Select(static m => m[..3].ToLowerInvariant())];

    private static string MonthMacro(int month) => MonthMacros[month - 1];

    private static string NameField(string role) => role switch
    {
        Csl.ContainerAuthor => "bookauthor",
        Csl.CollectionEditor => "collectioneditor",
        _ => role,
    };

    private static string PublisherField(Reference r, string type, BibTexWriterOptions o) => type switch
    {
        "phdthesis" or "mastersthesis" => "school",
        "thesis" or "techreport" or "report" => "institution",
        "manual" when !o.BibLaTeX => "organization",
        _ => "publisher",
    };

    internal static string EntryType(Reference r, BibTexWriterOptions o)
    {
        var original = r.Custom["entrytype"];
        if (original is not null && original != "xdata" && IsFieldName(original))
        {
            // The type as the source had it, where it still means the same: a known type of this dialect that maps
            // to the reference's CSL type, or a type no dialect knows (reported on reading, kept rather than guessed).
            if (BibTexVocabulary.TypeToCsl.TryGetValue(original, out var csl))
            {
                if (csl == r.Type && (o.BibLaTeX || ClassicTypes.Contains(original))) return original;
            }
            else if (r.Type == "document") return original;
        }
        bool hasContainer = r.Fields.ContainsKey(Csl.ContainerTitle);
        return r.Type switch
        {
            "article-journal" or "article-magazine" or "article-newspaper" or "article" or "review" or "review-book" => "article",
            "book" or "classic" => "book",
            "chapter" or "entry" or "entry-dictionary" => hasContainer ? "incollection" : "inbook",
            "entry-encyclopedia" => o.BibLaTeX ? "inreference" : "incollection",
            "paper-conference" => "inproceedings",
            "thesis" => o.BibLaTeX ? "thesis" : IsMasters(r) ? "mastersthesis" : "phdthesis",
            "report" => o.BibLaTeX ? "report" : "techreport",
            "pamphlet" => "booklet",
            "manuscript" => "unpublished",
            "webpage" or "post-weblog" or "post" when o.BibLaTeX => "online",
            "dataset" when o.BibLaTeX => "dataset",
            "software" when o.BibLaTeX => "software",
            "patent" when o.BibLaTeX => "patent",
            "periodical" when o.BibLaTeX => "periodical",
            "motion_picture" when o.BibLaTeX => "movie",
            _ => "misc",
        };
    }

    private static string? SubtypeOf(string cslType, string entryType) => (cslType, entryType) switch
    {
        ("article-magazine", "article") => "magazine",
        ("article-newspaper", "article") => "newspaper",
        ("article", "article") => "preprint",
        ("post-weblog", "online") => "blog",
        // What lands in @misc (a talk, a film in classic BibTeX) says what it was by its CSL type's name.
        (not "document", "misc") => cslType,
        _ => null,
    };

    private static bool IsMasters(Reference r) =>
        r.Fields[Csl.Genre] is { } g && (g.Contains("master", StringComparison.OrdinalIgnoreCase) || g.Contains("MA ", StringComparison.Ordinal));

    private static bool IsFieldName(string name)
    {
        if (name.Length == 0 || !char.IsAsciiLetter(name[0])) return false;
        foreach (char c in name) if (!(char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or ':')) return false;
        return true;
    }

    /// <summary>Names as "von Last, Jr, First", joined with "and"; organisations braced so they stay whole.</summary>
    /// <summary>
    /// A key as BibTeX can read it back: a key from a CSL-JSON or RIS file may hold what ends a BibTeX key
    /// (<c>k}, title = {x</c> would end the entry and inject a field), so white space, braces, parentheses, commas,
    /// quotes, <c>=</c>, <c>#</c>, <c>%</c> and backslashes become <c>_</c>.
    /// </summary>
    internal static string SafeKey(string key)
    {
        if (key.AsSpan().IndexOfAny(KeyBreakers) < 0) return key;
        var chars = key.ToCharArray();
        for (int i = 0; i < chars.Length; i++) if (KeyBreakers.Contains(chars[i])) chars[i] = '_';
        return new string(chars);
    }

    private static readonly System.Buffers.SearchValues<char> KeyBreakers = System.Buffers.SearchValues.Create(" \t\r\n{}(),\"=#%\\'~");

    public static string FormatNames(IReadOnlyList<PersonName> names, bool ascii)
    {
        var sb = new StringBuilder();
        for (int i = 0; i < names.Count; i++)
        {
            if (i > 0) sb.Append(" and ");
            var n = names[i];
            if (n.IsOthers) { sb.Append("others"); continue; }
            if (n.Literal is not null) { sb.Append('{').Append(LatexEncoder.Encode(n.Literal, ascii)).Append('}'); continue; }
            var particle = string.IsNullOrEmpty(n.DroppingParticle) ? n.NonDroppingParticle ?? ""
                : string.IsNullOrEmpty(n.NonDroppingParticle) ? n.DroppingParticle : n.DroppingParticle + " " + n.NonDroppingParticle;
            if (particle.Length > 0) sb.Append(NamePart(particle, ascii, keepCase: false)).Append(' ');
            sb.Append(NamePart(n.Family ?? "", ascii, keepCase: true));
            if (!string.IsNullOrEmpty(n.Suffix)) sb.Append(", ").Append(NamePart(n.Suffix, ascii, keepCase: false));
            if (!string.IsNullOrEmpty(n.Given) || !string.IsNullOrEmpty(n.Suffix)) sb.Append(", ").Append(NamePart(n.Given ?? "", ascii, keepCase: false));
        }
        return sb.ToString();
    }

    /// <summary>Braces a name part that BibTeX would otherwise split or read as a von part.</summary>
    private static string NamePart(string part, bool ascii, bool keepCase)
    {
        var encoded = LatexEncoder.Encode(part, ascii);
        bool needsBraces = encoded.Contains(',') || ContainsAnd(encoded) || (keepCase && HasLowerWord(encoded));
        return needsBraces ? "{" + encoded + "}" : encoded;
    }

    // Any word of a family name that starts in lower case would be read back as a von part.
    private static bool HasLowerWord(string family)
    {
        ReadOnlySpan<char> words = family;
        foreach (var word in words.Split(' '))
            if (!words[word].IsEmpty && BibTexNames.IsLowerToken(words[word])) return true;
        return false;
    }

    // Each form needs a space, and most name parts are one word: those are answered by one search.
    private static bool ContainsAnd(string s) =>
        s.Contains(' ') && (s.Contains(" and ", StringComparison.OrdinalIgnoreCase) || s.StartsWith("and ", StringComparison.OrdinalIgnoreCase) || s.EndsWith(" and", StringComparison.OrdinalIgnoreCase));
}
