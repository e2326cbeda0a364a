using System.Text;
using System.Text.Json;
using CiteWeb.Core.Diagnostics;
using CiteWeb.Core.Model;

namespace CiteWeb.Core.Parsing.Interchange;

/// <summary>
/// Reads CSL-JSON: an array of items, a single item, <c>{"items": [...]}</c>, or items one after another (JSON
/// Lines). Each item is parsed on its own, so a broken item costs only itself: a syntax error gives CW200 at its
/// line and column, reading resumes at the next object that has an "id", and every good item keeps its own
/// position (<see cref="Reference.Source"/>) and text (<see cref="Reference.RawText"/>).
/// </summary>
public static class CslJsonReader
{
    /// <summary>Reads CSL-JSON text. Never throws on bad input; problems are in <see cref="Bibliography.Diagnostics"/>.</summary>
    public static Bibliography Read(string text, string fileName)
    {
        var bibliography = new Bibliography(fileName) { Format = "csl-json" };
        new Session(text, fileName, bibliography).Run();
        return bibliography;
    }

    /// <summary>Reads a stream, its encoding detected by <see cref="TextDecoding"/> (not UTF-8 is reported); the stream is left open.</summary>
    public static Bibliography Read(Stream stream, string fileName) =>
        TextDecoding.Read(stream, fileName, text => Read(text, fileName));

    private sealed class Session
    {
        private static readonly JsonReaderOptions ReaderOptions = new() { CommentHandling = JsonCommentHandling.Disallow, MaxDepth = 64 };

        /// <summary>How much checking the search for the next good item may do after syntax errors, in bytes checked
        /// per byte of the file (plus a megabyte): a real file reaches the next item in a few tries, and crafted input
        /// (thousands of broken objects, each checked to its error) stays linear in its size.</summary>
        private const int ResyncBytesPerByte = 16;

        /// <summary>How far past a syntax error System.Text.Json is shown the text, to word its message: it quotes a
        /// broken literal up to the end of what it is given.</summary>
        private const int MessageWindow = 48;

        private long _resyncBudget;

        private readonly string _text;
        private readonly string _file;
        private readonly Bibliography _bibliography;
        private readonly byte[] _bytes;
        private readonly Utf8LineMap _map;
        private readonly HashSet<string> _ids = new(StringComparer.Ordinal);
        private readonly KeySuffixes _suffixes = new(StringComparer.Ordinal);
        private int _items;

        public Session(string text, string file, Bibliography bibliography)
        {
            _text = text;
            _file = file;
            _bibliography = bibliography;
            // A BOM is not JSON whitespace. A space in its place keeps every character offset where it was.
            var json = text.Length > 0 && text[0] == '\uFEFF' ? " " + text[1..] : text;
            _bytes = Encoding.UTF8.GetBytes(json);
            _map = new Utf8LineMap(json, _bytes);
            _resyncBudget = (long)ResyncBytesPerByte * _bytes.Length + (1 << 20);
        }

        public void Run()
        {
            int pos = SkipWhitespace(0);
            if (pos >= _bytes.Length)
            {
                Report(DiagnosticCodes.InvalidJson, Severity.Info, "the file holds no JSON; no items read", 0);
                return;
            }
            if (_bytes[pos] == '[') ReadArray(pos, checkTrailing: true);
            else if (_bytes[pos] == '{' && FindItemsArray(pos) is int array) ReadArray(array, checkTrailing: false);
            else ReadSequence(pos);
        }

        private void ReadArray(int open, bool checkTrailing)
        {
            int pos = open + 1;
            bool needItem = true, any = false;
            while (true)
            {
                pos = SkipWhitespace(pos);
                if (pos >= _bytes.Length)
                {
                    Report(DiagnosticCodes.InvalidJson, Severity.Error, "end of file inside the array: \"]\" is missing", pos);
                    return;
                }
                byte b = _bytes[pos];
                if (b == ']')
                {
                    if (any && needItem) Report(DiagnosticCodes.InvalidJson, Severity.Warning, "a comma before \"]\" with no item after it", pos);
                    if (checkTrailing && SkipWhitespace(pos + 1) is int after && after < _bytes.Length)
                        Report(DiagnosticCodes.InvalidJson, Severity.Error, "text after the closing \"]\" is ignored", after);
                    return;
                }
                if (b == ',')
                {
                    if (needItem) Report(DiagnosticCodes.InvalidJson, Severity.Error, "unexpected \",\": an item is missing", pos);
                    needItem = true;
                    pos++;
                    continue;
                }
                // The item is still read: a missing comma loses no data.
                if (!needItem) Report(DiagnosticCodes.InvalidJson, Severity.Error, "\",\" missing between two items", pos);
                any = true;
                var (end, errorAt) = ReadItem(pos);
                if (end >= 0) { pos = end; needItem = false; continue; }
                if (Resynchronise(pos, errorAt) is not int next) return;
                pos = next;
                needItem = true;
            }
        }

        /// <summary>Values one after another: a single item, or JSON Lines.</summary>
        private void ReadSequence(int pos)
        {
            while ((pos = SkipWhitespace(pos)) < _bytes.Length)
            {
                var (end, errorAt) = ReadItem(pos);
                if (end >= 0) { pos = end; continue; }
                if (Resynchronise(pos, errorAt) is not int next) return;
                pos = next;
            }
        }

        /// <summary>Parses the value at <paramref name="start"/>; returns its end, or -1 and where the syntax error is.</summary>
        private (int End, int ErrorAt) ReadItem(int start)
        {
            _items++;
            if (!JsonSyntax.TryValue(_bytes, start, ReaderOptions.MaxDepth, out int checkedTo))
            {
                // System.Text.Json words the error, shown only a little past it so its message stays short.
                var window = new Utf8JsonReader(_bytes.AsSpan(start, Math.Min(_bytes.Length, checkedTo + MessageWindow) - start), ReaderOptions);
                string message = "invalid JSON";
                int at = checkedTo;
                try { using var _ = JsonDocument.ParseValue(ref window); }
                catch (JsonException e) { message = "invalid JSON: " + Describe(e); at = ErrorOffset(start, e); }
                Report(DiagnosticCodes.InvalidJson, Severity.Error, message, at);
                return (-1, at);
            }
            var reader = new Utf8JsonReader(_bytes.AsSpan(start, checkedTo - start), ReaderOptions);
            JsonDocument document;
            try
            {
                document = JsonDocument.ParseValue(ref reader);
            }
            catch (JsonException e)
            {
                int at = ErrorOffset(start, e);
                Report(DiagnosticCodes.InvalidJson, Severity.Error, "invalid JSON: " + Describe(e), at);
                return (-1, at);
            }
            using (document)
            {
                int end = start + (int)reader.BytesConsumed;
                AddItem(document.RootElement, start, end);
                return (end, -1);
            }
        }

        private void AddItem(JsonElement element, int start, int end)
        {
            var (line, column, charStart) = _map.Locate(start);
            int charEnd = _map.Locate(end).CharOffset;
            var span = new SourceSpan(_file, line, column, charStart, charEnd - charStart);
            if (element.ValueKind != JsonValueKind.Object)
            {
                Report(DiagnosticCodes.InvalidCslItem, Severity.Error, $"item {_items} is {Kind(element.ValueKind)}, not an object; skipped", span);
                return;
            }
            var site = new CslJsonItemSite(_file, _items, span, _text.AsMemory(charStart, charEnd - charStart),
                _bibliography.Diagnostics, name => PropertySpan(start, end, name) ?? span);
            Reference? reference;
            try
            {
                reference = CslJsonItemReader.Read(element, site);
            }
            catch (InvalidOperationException)
            {
                // A key with an escaped lone surrogate: System.Text.Json cannot give it as a string.
                Report(DiagnosticCodes.InvalidCslItem, Severity.Error, $"item {_items} has a key that is not valid UTF-16; skipped", span);
                return;
            }
            if (reference is null) return;
            if (!_ids.Add(reference.Id))
            {
                string renamed = _suffixes.Unique(reference.Id, _ids.Contains);
                Report(DiagnosticCodes.DuplicateItemId, Severity.Warning,
                    $"id \"{reference.Id}\" is used by an earlier item; this one is kept as \"{renamed}\"", span);
                reference.Id = renamed;
                _ids.Add(renamed);
            }
            _bibliography.References.Add(reference);
        }

        /// <summary>
        /// After a syntax error, finds the next object that parses and has an "id" — the next good item — so one
        /// broken item does not cost the rest of the file. Objects before the error point are not candidates: they
        /// belong to the broken item.
        /// </summary>
        private int? Resynchronise(int failedStart, int errorAt)
        {
            int from = Math.Max(errorAt, failedStart + 1);
            for (int i = Array.IndexOf(_bytes, (byte)'{', from); i >= 0 && _resyncBudget > 0; i = Array.IndexOf(_bytes, (byte)'{', from))
            {
                from = i + 1;
                // An item opens with a key; skipping other braces without a check keeps "{{{{..." linear.
                if (SkipWhitespace(i + 1) is var key && (key >= _bytes.Length || _bytes[key] != '"')) continue;
                bool whole = JsonSyntax.TryValue(_bytes, i, ReaderOptions.MaxDepth, out int end);
                _resyncBudget -= end - i + 1;
                if (!whole) continue; // not a whole object here
                var reader = new Utf8JsonReader(_bytes.AsSpan(i, end - i), ReaderOptions);
                try
                {
                    using var candidate = JsonDocument.ParseValue(ref reader);
                    if (candidate.RootElement.TryGetProperty("id", out _))
                    {
                        Report(DiagnosticCodes.InvalidCslItem, Severity.Warning,
                            $"item {_items} could not be read; skipped up to line {_map.Locate(i).Line}", Span(failedStart));
                        return i;
                    }
                    from = end;
                }
                catch (Exception e) when (e is JsonException or InvalidOperationException)
                {
                    // A key that is an escaped lone surrogate, which System.Text.Json cannot compare.
                }
            }
            Report(DiagnosticCodes.InvalidCslItem, Severity.Warning,
                $"item {_items} could not be read and no item follows it; the rest of the file is skipped", Span(failedStart));
            return null;
        }

        /// <summary>The offset of the "items" array in a <c>{"items": [...]}</c> wrapper, or null for a plain item.</summary>
        private int? FindItemsArray(int start)
        {
            var reader = new Utf8JsonReader(_bytes.AsSpan(start), ReaderOptions);
            try
            {
                if (!reader.Read()) return null;
                while (reader.Read() && reader.CurrentDepth > 0)
                {
                    if (reader.TokenType != JsonTokenType.PropertyName) continue;
                    bool items = reader.ValueTextEquals("items");
                    if (!reader.Read()) return null;
                    if (items && reader.TokenType == JsonTokenType.StartArray) return start + (int)reader.TokenStartIndex;
                    reader.Skip();
                }
            }
            catch (Exception e) when (e is JsonException or InvalidOperationException)
            {
                // Broken before any "items" (or a key with a lone surrogate): read it as an item, which reports the error where it is.
            }
            return null;
        }

        /// <summary>Where a top-level key of the item at [start, end) is, for diagnostics about its value.</summary>
        private SourceSpan? PropertySpan(int start, int end, string name)
        {
            var reader = new Utf8JsonReader(_bytes.AsSpan(start, end - start), ReaderOptions);
            try
            {
                while (reader.Read())
                    if (reader.TokenType == JsonTokenType.PropertyName && reader.CurrentDepth == 1 && reader.ValueTextEquals(name))
                        return Span(start + (int)reader.TokenStartIndex);
            }
            catch (Exception e) when (e is JsonException or InvalidOperationException)
            {
                // A key with a lone surrogate cannot be compared; the item's own span will do.
            }
            return null;
        }

        /// <summary>The absolute byte offset of a reader error. Its line number counts from where that reader started.</summary>
        private int ErrorOffset(int start, JsonException e)
        {
            if (e.LineNumber is not long line || e.BytePositionInLine is not long column) return start;
            long lineStart = line == 0 ? start : _map.LineStartByte(_map.LineOf(start) + (int)Math.Min(line, _map.LineCount));
            return (int)Math.Clamp(lineStart + column, 0, _bytes.Length);
        }

        private static string Describe(JsonException e)
        {
            // The message repeats the position relative to the item; the diagnostic carries the real one.
            var message = e.Message;
            int cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
            if (cut < 0) cut = message.IndexOf(" Path:", StringComparison.Ordinal);
            // A quoted piece of the input may span lines: one diagnostic is one line.
            return System.Text.RegularExpressions.Regex.Replace(cut >= 0 ? message[..cut] : message, @"\s+", " ").Trim();
        }

        private static string Kind(JsonValueKind kind) => kind switch
        {
            JsonValueKind.Array => "an array",
            JsonValueKind.String => "a string",
            JsonValueKind.Number => "a number",
            JsonValueKind.True or JsonValueKind.False => "a boolean",
            _ => "null",
        };

        private int SkipWhitespace(int pos)
        {
            while (pos < _bytes.Length && _bytes[pos] is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n') pos++;
            return pos;
        }

        private SourceSpan Span(int byteOffset)
        {
            var (line, column, offset) = _map.Locate(byteOffset);
            return new SourceSpan(_file, line, column, offset);
        }

        private void Report(string code, Severity severity, string message, int byteOffset) =>
            Report(code, severity, message, Span(byteOffset));

        private void Report(string code, Severity severity, string message, SourceSpan span) =>
            _bibliography.Diagnostics.Add(new Diagnostic(code, severity, message, span));
    }
}
