using System.Text;
using CiteWeb.Core.Model;
using CiteWeb.Core.Parsing.Interchange;
using CiteWeb.Core.Text;

namespace CiteWeb.Core.Export;

public sealed class RisWriterOptions
{
    public static RisWriterOptions Default { get; } = new();

    /// <summary>The line end: CRLF by default, because the RIS specification prescribes it and Windows reference
    /// managers expect it; "\n" for Unix tools and diffs.</summary>
    public string NewLine { get; init; } = "\r\n";
}

/// <summary>
/// Writes references as RIS, one record per reference: TY, then the tags in one fixed order, then <c>ER  - </c> and
/// a blank line. CSL rich-text markup is removed (RIS has none). Dates are <c>PY  - YYYY</c> plus
/// <c>DA  - YYYY/MM/DD/</c>; a date Y/M/D cannot carry (range, circa, season) adds its EDTF form as the DA "other"
/// part, which <see cref="RisReader"/> reads back. A page range is split into SP and EP at its en dash or hyphen
/// (and reads back with an en dash); for a book, a lone SP is its number of pages. What RIS has no tag for — other names and dates, most Custom fields — is not
/// written; Custom fields named by a RIS tag (m3, c1, ...) and url2, url3, ... are, and M3 carries the genre of a thesis, report,
/// manuscript, map, web page or speech (as Zotero writes it).
/// </summary>
public static class RisWriter
{
    public static string Write(IEnumerable<Reference> references, RisWriterOptions? options = null)
    {
        var writer = new StringWriter();
        Write(references, writer, options);
        return writer.ToString();
    }

    /// <summary>Writes UTF-8 without a byte-order mark; the stream is left open.</summary>
    public static void Write(IEnumerable<Reference> references, Stream stream, RisWriterOptions? options = null)
    {
        using var writer = new StreamWriter(stream, new UTF8Encoding(false), leaveOpen: true);
        Write(references, writer, options);
    }

    public static void Write(IEnumerable<Reference> references, TextWriter writer, RisWriterOptions? options = null)
    {
        var record = new RecordWriter(writer, (options ?? RisWriterOptions.Default).NewLine);
        foreach (var reference in references) record.Write(reference);
        writer.Flush();
    }

    private sealed class RecordWriter(TextWriter writer, string newLine)
    {
        public void Write(Reference r)
        {
            Line("TY", RisVocabulary.FromCsl.GetValueOrDefault(r.Type, RisVocabulary.Fallback));
            Line("ID", r.Id);
            Field("TI", r, Csl.Title);
            Field("ST", r, Csl.TitleShort);
            Names("AU", r, Csl.Author);
            Names("A2", r, Csl.Editor);
            Names("A3", r, Csl.CollectionEditor);
            Names("A4", r, Csl.Translator);
            if (RisVocabulary.IsBookLike(r.Type))
            {
                // BOOK reads T2 as its series, so a book's container (a multi-volume set) goes in JF.
                Field("T2", r, Csl.CollectionTitle);
                Field("JF", r, Csl.ContainerTitle);
            }
            else
            {
                Field("T2", r, Csl.ContainerTitle);
                Field("T3", r, Csl.CollectionTitle);
            }
            Field("J2", r, Csl.ContainerTitleShort);
            if (r.Dates.GetValueOrDefault(Csl.Issued) is { } issued)
            {
                var (year, date) = RisValues.FormatDate(issued);
                Line("PY", year);
                Line("DA", date);
            }
            if (r.Dates.GetValueOrDefault(Csl.Accessed) is { } accessed) Line("Y2", RisValues.FormatDate(accessed).Date);
            Field("ET", r, Csl.Edition);
            Field("VL", r, Csl.Volume);
            Field("NV", r, Csl.NumberOfVolumes);
            Field("IS", r, Csl.Issue);
            Field("SE", r, Csl.Section);
            if (r.Page is { } page)
            {
                var (start, end) = RisValues.SplitPage(RichText.ToPlain(page));
                Line("SP", start);
                Line("EP", end);
            }
            else if (RisVocabulary.IsBookLike(r.Type)) Field("SP", r, Csl.NumberOfPages);
            Field("PB", r, Csl.Publisher);
            Field("CY", r, Csl.PublisherPlace);
            foreach (var number in Split(r[Csl.Isbn]).Concat(Split(r[Csl.Issn]))) Line("SN", number);
            Field("DO", r, Csl.Doi);
            Field("UR", r, Csl.Url);
            for (int i = 2; r.Custom[RisVocabulary.ExtraUrlKey(i)] is { } url; i++) Line("UR", url);
            if (RisVocabulary.HasGenreInM3(r.Type)) Field("M3", r, Csl.Genre);
            Field("AV", r, Csl.ArchiveLocation);
            Field("LA", r, Csl.Language);
            foreach (var keyword in Split(r[Csl.Keyword])) Line("KW", keyword);
            Field("AB", r, Csl.Abstract);
            Field("N1", r, Csl.Note);
            foreach (var (key, value) in r.Custom)
                if (RisVocabulary.TagOfCustomKey(key) is { } tag)
                    foreach (var part in value.Split('\n')) Line(tag, part);
            writer.Write("ER  - ");
            writer.Write(newLine);
            writer.Write(newLine);
        }

        private void Field(string tag, Reference r, string variable) => Line(tag, r[variable]);

        private void Names(string tag, Reference r, string role)
        {
            if (!r.Names.TryGetValue(role, out var names)) return;
            foreach (var name in names) Line(tag, RisValues.FormatName(name));
        }

        private void Line(string tag, string? value)
        {
            if (string.IsNullOrWhiteSpace(value)) return;
            value = RichText.ToPlain(value);
            var lines = value.ReplaceLineEndings("\n").Split('\n');
            if (!RisVocabulary.IsParagraphTag(tag))
            {
                // A line break inside a title or a name has no RIS form; a space is what a reader would make of it.
                lines = [string.Join(' ', lines)];
            }
            writer.Write(tag);
            writer.Write("  - ");
            writer.Write(lines[0].Trim());
            writer.Write(newLine);
            foreach (var line in lines.Skip(1))
            {
                // A continuation line must not look like a tag line, or it would start a field (or a record).
                if (line.Length >= 3 && char.IsAsciiLetter(line[0]) && char.IsAsciiLetterOrDigit(line[1]) && line[2] is ' ' or '\t')
                    writer.Write(' ');
                writer.Write(line.TrimEnd());
                writer.Write(newLine);
            }
        }

        /// <summary>Keyword lists and several ISBNs are kept as one ", "-separated value; RIS has a line for each.</summary>
        private static IEnumerable<string> Split(string? list) =>
            list is null ? [] : list.Split(", ", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
    }
}
