using System.Text;
using CiteWeb.Core.Diagnostics;
using CiteWeb.Core.Model;

namespace CiteWeb.Core.Parsing.Interchange;

/// <summary>
/// Reads RIS (<c>TY  - JOUR</c> … <c>ER  - </c>). Tolerates what real exports contain: CRLF, LF or CR line ends, a
/// BOM, one or two spaces before the dash (as Zotero accepts), lower-case tags, no blank lines between records,
/// and continuation lines (a line without a tag continues the value above it; in AB, N1 and N2 it starts a new
/// line of the value, elsewhere it is joined with a space). Recovery: a line that is neither is skipped with CW210,
/// a record cut short (no ER before the next TY or the end of the file) is kept with CW211.
/// </summary>
public static class RisReader
{
    /// <summary>Reads RIS text. Never throws on bad input; problems are in <see cref="Bibliography.Diagnostics"/>.</summary>
    public static Bibliography Read(string text, string fileName)
    {
        var bibliography = new Bibliography(fileName) { Format = "ris" };
        new Session(text, fileName, bibliography).Run();
        RisIds.Assign(bibliography);
        return bibliography;
    }

    /// <summary>Reads a stream, its encoding detected by <see cref="TextDecoding"/> (not UTF-8 is reported); the stream is left open.</summary>
    public static Bibliography Read(Stream stream, string fileName) =>
        TextDecoding.Read(stream, fileName, text => Read(text, fileName));

    /// <summary>The record being read: its tag lines so far and where its text starts and ends.</summary>
    private sealed class Record(int start, SourceSpan typeSpan, string type)
    {
        public int Start { get; } = start;
        public SourceSpan TypeSpan { get; } = typeSpan;
        public string Type { get; } = type;
        public List<RisEntry> Entries { get; } = [];
        public int End { get; set; } = typeSpan.Offset + typeSpan.Length;
        public int BlankLines { get; set; }
        /// <summary>The last entry's value while continuation lines are appended to it: joining strings line by line
        /// is quadratic, and a hostile file continues one value for tens of thousands of lines.</summary>
        public StringBuilder? Continued { get; set; }

        /// <summary>Puts the continued value into the last entry.</summary>
        public void Seal()
        {
            if (Continued is null) return;
            Entries[^1] = Entries[^1] with { Value = Continued.ToString() };
            Continued = null;
        }
    }

    private sealed class Session(string text, string file, Bibliography bibliography)
    {
        private Record? _record;
        private bool _inStrayText;

        public void Run()
        {
            int pos = text.Length > 0 && text[0] == '\uFEFF' ? 1 : 0;
            int lineNumber = 0;
            while (pos < text.Length)
            {
                int end = text.IndexOfAny(['\r', '\n'], pos);
                if (end < 0) end = text.Length;
                int next = end < text.Length && text[end] == '\r' && end + 1 < text.Length && text[end + 1] == '\n' ? end + 2 : end + 1;
                ReadLine(text.AsSpan(pos, end - pos), new SourceSpan(file, ++lineNumber, 1, pos, end - pos));
                pos = next;
            }
            if (_record is not null)
            {
                Report(DiagnosticCodes.RisMissingEnd, "the file ends inside this record: ER is missing; the record is kept", _record.TypeSpan);
                Finish(_record);
            }
        }

        private void ReadLine(ReadOnlySpan<char> line, SourceSpan span)
        {
            if (TryParseTag(line, out var tag, out var value))
            {
                _inStrayText = false;
                ReadTag(tag, value, span);
                return;
            }
            if (line.IsWhiteSpace())
            {
                if (_record is not null) _record.BlankLines++;
                return;
            }
            if (_record is null)
            {
                // One diagnostic per run of stray lines (a header, a footer, a pasted note), not one per line.
                if (!_inStrayText) Report(DiagnosticCodes.InvalidRisLine, "text outside a record (before TY or after ER); skipped", span);
                _inStrayText = true;
                return;
            }
            if (LooksLikeBrokenTag(line))
            {
                Report(DiagnosticCodes.InvalidRisLine, "malformed tag line (expected \"XX  - value\"); skipped", span);
                return;
            }
            if (!TryContinue(_record, line.Trim().ToString()))
            {
                Report(DiagnosticCodes.InvalidRisLine, "a line without a tag that does not continue a value; skipped", span);
                return;
            }
            _record.End = span.Offset + span.Length;
        }

        private void ReadTag(string tag, string value, SourceSpan span)
        {
            if (tag == "TY")
            {
                if (_record is not null)
                {
                    Report(DiagnosticCodes.RisMissingEnd, "this record has no ER before the next TY; the record is kept", _record.TypeSpan);
                    Finish(_record);
                }
                _record = new Record(span.Offset, span, value);
                return;
            }
            if (_record is null)
            {
                Report(DiagnosticCodes.InvalidRisLine, $"tag {tag} outside a record (before TY or after ER); skipped", span);
                return;
            }
            _record.End = span.Offset + span.Length;
            _record.BlankLines = 0;
            if (tag == "ER")
            {
                Finish(_record);
                _record = null;
                return;
            }
            _record.Seal();
            _record.Entries.Add(new RisEntry(tag, value, span));
        }

        /// <summary>
        /// Appends a line to the value above. Only text values wrap: after a date or a number the line is stray
        /// text, and after a blank line only a paragraph value (AB, N1, N2) goes on.
        /// </summary>
        private static bool TryContinue(Record record, string line)
        {
            if (record.Entries.Count == 0) return false;
            var last = record.Entries[^1];
            bool paragraph = RisVocabulary.IsParagraphTag(last.Tag);
            if (RisVocabulary.IsCodeTag(last.Tag) || (record.BlankLines > 0 && !paragraph)) return false;
            string joint = paragraph ? new string('\n', record.BlankLines + 1) : " ";
            var value = record.Continued ??= new StringBuilder(last.Value);
            if (value.Length > 0) value.Append(joint);
            value.Append(line);
            record.BlankLines = 0;
            return true;
        }

        private void Finish(Record record)
        {
            record.Seal();
            var entries = record.Entries.FindAll(e => e.Value.Length > 0);
            var reference = new RisRecordBuilder(entries, bibliography.Diagnostics).Build(record.Type, record.TypeSpan);
            int length = record.End - record.Start;
            reference.Source = record.TypeSpan with { Length = length };
            reference.RawText = text.AsMemory(record.Start, length);
            bibliography.References.Add(reference);
        }

        /// <summary>"XX  - value": a letter and a letter or digit, one or two spaces, a dash, then a space or the end.</summary>
        private static bool TryParseTag(ReadOnlySpan<char> line, out string tag, out string value)
        {
            tag = value = "";
            if (line.Length < 4 || !char.IsAsciiLetter(line[0]) || !char.IsAsciiLetterOrDigit(line[1]) || line[2] != ' ') return false;
            int dash = line[3] == '-' ? 3 : line[3] == ' ' && line.Length > 4 && line[4] == '-' ? 4 : -1;
            if (dash < 0 || (dash + 1 < line.Length && line[dash + 1] != ' ')) return false;
            // Lower-case tags are outside the spec; accepted only in the exact two-space form, where prose never is.
            bool upper = char.IsAsciiLetterUpper(line[0]) && !char.IsAsciiLetterLower(line[1]);
            if (!upper && dash != 4) return false;
            tag = line[..2].ToString().ToUpperInvariant();
            value = dash + 1 < line.Length ? line[(dash + 2)..].Trim().ToString() : "";
            return true;
        }

        /// <summary>A tag, some spacing and a dash, but not in the tag line form: "TI   - x", "TI -x".</summary>
        private static bool LooksLikeBrokenTag(ReadOnlySpan<char> line)
        {
            if (line.Length < 4 || !char.IsAsciiLetterUpper(line[0]) || !(char.IsAsciiLetterUpper(line[1]) || char.IsAsciiDigit(line[1]))
                || line[2] is not (' ' or '\t')) return false;
            var rest = line[2..Math.Min(line.Length, 6)];
            return rest.TrimStart(" \t").StartsWith("-");
        }

        private void Report(string code, string message, SourceSpan span) =>
            bibliography.Diagnostics.Add(new Diagnostic(code, Severity.Warning, message, span with { Length = 0 }));
    }
}
