using System.Collections.Frozen;
using System.Globalization;
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
public static partial class BibTexWriter
{
    private static readonly FrozenSet<string> ClassicTypes = FrozenSet.Create(StringComparer.Ordinal,
    [
        "article", "book", "booklet", "conference", "inbook", "incollection", "inproceedings", "manual",
        "mastersthesis", "misc", "phdthesis", "proceedings", "techreport", "unpublished",
    ]);

    // The CSL variables WriteEntry maps to BibTeX fields by name, each by its index here (V); any other is written
    // under its CSL name.
    private static readonly string[] WrittenVariables =
    [
        Csl.Title, Csl.TitleShort, Csl.ContainerTitle, Csl.ContainerTitleShort, Csl.CollectionTitle, Csl.EventTitle,
        Csl.OriginalTitle, Csl.Edition, Csl.Volume, Csl.NumberOfVolumes, Csl.Issue, Csl.Number, Csl.CollectionNumber,
        Csl.ChapterNumber, Csl.Page, Csl.NumberOfPages, Csl.Publisher, Csl.PublisherPlace, Csl.EventPlace, Csl.Genre,
        Csl.Status, Csl.Version, Csl.Doi, Csl.Isbn, Csl.Issn, Csl.Url, Csl.Language, Csl.Keyword, Csl.Abstract,
        Csl.Note, Csl.Annote,
    ];

    private static readonly FrozenDictionary<string, int> Written = WrittenVariables.Select((v, i) => (v, i)).ToFrozenDictionary(p => p.v, p => p.i, StringComparer.Ordinal);

    /// <summary>Indexes into <see cref="WrittenVariables"/>.</summary>
    private static class V
    {
        public const int Title = 0;
        public const int TitleShort = 1;
        public const int ContainerTitle = 2;
        public const int ContainerTitleShort = 3;
        public const int CollectionTitle = 4;
        public const int EventTitle = 5;
        public const int OriginalTitle = 6;
        public const int Edition = 7;
        public const int Volume = 8;
        public const int NumberOfVolumes = 9;
        public const int Issue = 10;
        public const int Number = 11;
        public const int CollectionNumber = 12;
        public const int ChapterNumber = 13;
        public const int Page = 14;
        public const int NumberOfPages = 15;
        public const int Publisher = 16;
        public const int PublisherPlace = 17;
        public const int EventPlace = 18;
        public const int Genre = 19;
        public const int Status = 20;
        public const int Version = 21;
        public const int Doi = 22;
        public const int Isbn = 23;
        public const int Issn = 24;
        public const int Url = 25;
        public const int Language = 26;
        public const int Keyword = 27;
        public const int Abstract = 28;
        public const int Note = 29;
        public const int Annote = 30;
    }

    // Custom keys the writer turns back into structure rather than writing as fields.
    private static readonly FrozenSet<string> Structural = FrozenSet.Create(StringComparer.Ordinal, ["entrytype", "source", "raw", "confidence"]);

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
        var entry = new CharBuffer(1024);
        var scratch = new EntryScratch();
        foreach (var r in references)
        {
            if (!first) writer.Write('\n');
            first = false;
            entry.Clear();
            WriteEntry(entry, scratch, r, options);
            writer.Write(entry.Chars, 0, entry.Length);
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
        var buffers = new CharBuffer[perRound];
        for (int i = 0; i < perRound; i++) buffers[i] = new CharBuffer(ChunkSize * 1024);
        int chunks = (references.Count + ChunkSize - 1) / ChunkSize;
        for (int round = 0; round < chunks; round += perRound)
        {
            int inRound = Math.Min(perRound, chunks - round);
            Parallel.For(0, inRound, () => new EntryScratch(), (c, _, scratch) =>
            {
                var buffer = buffers[c];
                buffer.Clear();
                int from = (round + c) * ChunkSize, to = Math.Min(references.Count, from + ChunkSize);
                for (int i = from; i < to; i++)
                {
                    if (i > 0 || !first) buffer.Append('\n');
                    WriteEntry(buffer, scratch, references[i], options);
                }
                return scratch;
            }, static _ => { });
            for (int c = 0; c < inRound; c++) writer.Write(buffers[c].Chars, 0, buffers[c].Length);
        }
    }

    /// <summary>Appends one entry to <paramref name="output"/>.</summary>
    private static void WriteEntry(CharBuffer output, EntryScratch scratch, Reference r, BibTexWriterOptions o)
    {
        scratch.Clear();
        var fields = scratch.Fields;
        string type = EntryType(r, o);
        foreach (var role in Csl.NameVariables)
        {
            // A list still as the reader stored it is written from its source, with no names made on the way.
            int start = scratch.Position;
            int written = r.Names.TryPeekSource(role, BibTexNames.Codec, out var source) ? FormatNames(source, o.Ascii, scratch)
                : r.Names.Peek(role) is { } names ? FormatNames(names, o.Ascii, scratch) : 0;
            if (written > 0) fields.Add((NameField(role), scratch.From(start)));
        }

        // Where each variable WriteEntry writes by name is in the map: one pass over the fields, not a search a variable.
        var slots = scratch.Slots;
        Array.Fill(slots, -1);
        var unmapped = scratch.Unmapped;
        for (int i = 0; i < r.Fields.Count; i++)
        {
            if (Written.TryGetValue(r.Fields.KeyAt(i), out int k)) slots[k] = i;
            else unmapped.Add(i);
        }

        bool Has(int variable) => slots[variable] >= 0;

        void Add(string field, int variable, bool verbatim = false)
        {
            // A value still as the reader stored it is written from the source when encoding would give it back
            // unchanged; any other is decoded for this write only. Writing keeps nothing (see FieldMap.Peek).
            int at = slots[variable];
            if (at < 0) return;
            var value = Encoded(r.Fields, at, verbatim, o.Ascii, scratch);
            if (!value.IsEmpty) fields.Add((field, value));
        }

        bool isArticle = type is "article" or "periodical";
        Add("title", V.Title);
        Add("shorttitle", V.TitleShort);
        Add(isArticle ? (o.BibLaTeX ? "journaltitle" : "journal") : "booktitle", V.ContainerTitle);
        Add("shortjournal", V.ContainerTitleShort);
        Add("series", V.CollectionTitle);
        Add("eventtitle", V.EventTitle);
        Add("origtitle", V.OriginalTitle);
        Add("edition", V.Edition);
        Add("volume", V.Volume);
        Add("volumes", V.NumberOfVolumes);
        if (isArticle)
        {
            bool both = Has(V.Issue) && Has(V.Number);
            Add(both ? "issue" : "number", V.Issue);
            Add("number", V.Number);
        }
        else
        {
            Add("number", Has(V.Number) ? V.Number : V.CollectionNumber);
            if (Has(V.Number)) Add("collection-number", V.CollectionNumber);
            Add("issue", V.Issue);
        }
        Add("chapter", V.ChapterNumber);
        Add("pages", V.Page);
        Add("pagetotal", V.NumberOfPages);
        Add(PublisherField(r, type, o), V.Publisher);
        Add(o.BibLaTeX && !r.Custom.ContainsKey("location") ? "location" : "address", V.PublisherPlace);
        Add("venue", V.EventPlace);
        AddDates(scratch, r, o);
        Add("type", V.Genre);
        Add("pubstate", V.Status);
        Add("version", V.Version);
        Add("doi", V.Doi, verbatim: true);
        Add("isbn", V.Isbn);
        Add("issn", V.Issn);
        Add("url", V.Url, verbatim: true);
        // BibLaTeX names a language by its babel name in langid, which the reader maps to the BCP 47 tag again.
        if (o.BibLaTeX && r.Custom["langid"] is null && r[Csl.Language] is { } tag && BibTexVocabulary.BabelName(tag) is { } babel)
            fields.Add(("langid", babel.AsMemory()));
        else Add("language", V.Language);
        Add("keywords", V.Keyword);
        Add("abstract", V.Abstract);
        Add("note", V.Note);
        Add("annote", V.Annote);
        // A CSL type that BibTeX folds into a wider one keeps its kind as BibLaTeX's entrysubtype, which the reader maps back.
        if (r.Custom["entrysubtype"] is null && SubtypeOf(r.Type, type) is { } subtype) fields.Add(("entrysubtype", subtype.AsMemory()));
        // Remaining CSL variables have no BibTeX field: they are written under their CSL names, which the reader maps back.
        foreach (int i in unmapped)
        {
            var name = r.Fields.KeyAt(i);
            var value = Encoded(r.Fields, i, verbatim: false, o.Ascii, scratch);
            if (!value.IsEmpty) fields.Add((name.ToLowerInvariant(), value));
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
                fields.Add((name, Encoded(custom, i, verbatim: name == "file" || name.Contains("url", StringComparison.Ordinal), o.Ascii, scratch)));
            }
        }

        output.Append('@');
        output.Append(type);
        output.Append('{');
        output.Append(SafeKey(r.Id));
        output.Append(",\n");
        int width = 0;
        foreach (var f in fields) width = Math.Max(width, f.Name.Length);
        for (int i = 0; i < fields.Count; i++)
        {
            var (name, value) = fields[i];
            output.Append(o.Indent);
            output.Append(name);
            output.Append(' ', width - name.Length + 1);
            output.Append("= ");
            if (name == "month" && value.Length == 3 && MonthMacroLookup.ContainsKey(value.Span)) output.Append(value.Span);
            else
            {
                output.Append('{');
                output.Append(value.Span);
                output.Append('}');
            }
            output.Append(i < fields.Count - 1 ? ",\n" : "\n");
        }
        output.Append("}\n");
    }

    /// <summary>The <paramref name="index"/>th value of <paramref name="map"/> as written: from the source where
    /// that is the same, else decoded for this write only and encoded.</summary>
    private static ReadOnlyMemory<char> Encoded(FieldMap map, int index, bool verbatim, bool ascii, EntryScratch scratch)
    {
        // A value still in its source form that decodes to itself is encoded from the source: no decoding, no string.
        if (map.TryPeekSource(index, out var source))
            return EncodesToItself(source.Span, verbatim, ascii) ? source : scratch.Encode(source.Span, verbatim, ascii);
        // A value still in its source form is written straight from it where the reader can tell how (plain text
        // with ties and brace groups), else decoded into scratch space, for this write only: no string.
        if (!verbatim && map.TryRewrite(index, ascii, ref scratch.Chars, scratch.Length, out int rewritten))
            return scratch.Through(rewritten);
        if (map.TryDecodeTo(index, ref scratch.Decoded, 0, out int end))
        {
            var decoded = scratch.Decoded.AsSpan(0, end);
            return EncodesToItself(decoded, verbatim, ascii) ? scratch.Copy(decoded) : scratch.Encode(decoded, verbatim, ascii);
        }
        var value = map.PeekAt(index);
        return EncodesToItself(value, verbatim, ascii) ? value.AsMemory() : scratch.Encode(value, verbatim, ascii);
    }

    private static bool EncodesToItself(ReadOnlySpan<char> text, bool verbatim, bool ascii) =>
        verbatim ? LatexEncoder.EncodesVerbatimToItself(text) : LatexEncoder.EncodesToItself(text, ascii);

    private static bool IsWritten(List<(string Name, ReadOnlyMemory<char> Value)> fields, string name)
    {
        foreach (var (written, _) in fields) if (written == name) return true;
        return false;
    }

    private static void AddDates(EntryScratch scratch, Reference r, BibTexWriterOptions o)
    {
        var fields = scratch.Fields;
        if (r.Issued is { } issued)
        {
            if (issued.Start is { } s && o.BibLaTeX) fields.Add(("date", issued.ToString().AsMemory()));
            else if (issued.Start is { } d && issued.End is null && !issued.OpenEnd && !issued.Circa && !issued.Uncertain)
            {
                fields.Add(("year", scratch.Number(d.Year)));
                if (d.Month is int m and <= 12) fields.Add(("month", MonthMacro(m).AsMemory()));
                if (d.Day is int day) fields.Add(("day", scratch.Number(day)));
            }
            else if (issued.Start is { Month: int m1 and <= 12, Day: int d1 } a && issued.End is { Month: int m2, Day: int d2 } b
                && a.Year == b.Year && m1 == m2 && !issued.Circa && !issued.Uncertain)
            {
                // A range of days within a month, as proceedings have it: year = {2013}, month = {17--19 Jun}.
                fields.Add(("year", scratch.Number(a.Year)));
                fields.Add(("month", $"{d1}--{d2} {BibTexVocabulary.MonthNames[m1 - 1][..3]}".AsMemory()));
            }
            else fields.Add(("year", scratch.Encode(issued.ToString(), verbatim: false, o.Ascii)));
        }
        AddIso(scratch, "urldate", r.Dates.GetValueOrDefault(Csl.Accessed), o);
        AddIso(scratch, "origdate", r.Dates.GetValueOrDefault(Csl.OriginalDate), o);
        AddIso(scratch, "eventdate", r.Dates.GetValueOrDefault(Csl.EventDate), o);
    }

    private static void AddIso(EntryScratch scratch, string name, PartialDate? date, BibTexWriterOptions o)
    {
        if (date is not null) scratch.Fields.Add((name, scratch.Encode(date.ToString(), verbatim: false, o.Ascii)));
    }

    private static readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> MonthMacroLookup =
        BibTexVocabulary.MonthMacros.GetAlternateLookup<ReadOnlySpan<char>>();

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
            // arXiv's @misc with an eprint, which the reader takes for a preprint ("article"), stays @misc.
            if (original == "misc" && r.Type == "article" && r.Custom["eprint"] is not null) return original;
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
}
