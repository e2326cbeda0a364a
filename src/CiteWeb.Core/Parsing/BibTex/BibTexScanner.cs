using System.Buffers;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Text;
using CiteWeb.Core.Diagnostics;

namespace CiteWeb.Core.Parsing.BibTex;

/// <summary>
/// Scans BibTeX/BibLaTeX source into raw entries, @string macros and @preamble text, as BibTeX reads it: text
/// between entries is a comment; values are brace- or quote-delimited, numbers or macros joined with '#'.
/// Every error becomes a diagnostic and scanning resumes — inside the entry where the damage is local (a missing
/// comma), else at the next line that starts an entry — so every well-formed entry survives. Nothing recurses:
/// brace depth is a counter, capped for the sake of later stages.
/// </summary>
internal sealed class BibTexScanner
{
    private static readonly SearchValues<char> NameChars =
        SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-:.+/'!$&*;<>?[]^`|");
    // Characters that end a citation key (BibTeX allows almost anything else, and real files use ':', '/', '+').
    private static readonly SearchValues<char> KeyStops = SearchValues.Create(" \t\r\n,={}()\"#@%");

    private readonly string _text;
    private readonly LineMap _lines;
    private readonly BibTexReaderOptions _options;
    private readonly List<Diagnostic> _diagnostics;
    private readonly Dictionary<string, string> _macros;
    private readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> _macroLookup;
    private readonly FieldArena _arena = new();
    private StringBuilder? _builder;
    // Field names seen lately, by a hash of length and end letters: most fields repeat from entry to entry, and an
    // exact match here is cheaper than the case-insensitive vocabulary lookup.
    private readonly string?[] _fieldNames = new string?[256];
    // What each cached name says of the file (FieldFlags), so the reader need not look at every field again.
    private readonly FieldFlags[] _fieldFlags = new FieldFlags[256];
    // Entry types met lately, by their spelling in the file (see InternEntryType).
    private readonly string?[] _typeSpellings = new string?[64];
    private readonly string?[] _typeNames = new string?[64];
    private int _pos;
    // Characters copied out of @string macros so far. Macros defined from macros double at each step
    // (a = b # b, b = c # c, ...), so expansion is bounded by the file's size, not trusted to stay small.
    private long _expanded;
    private bool _expansionReported;

    /// <summary>The most characters macro expansion may produce: this many per character of the file, plus <see cref="ExpansionFloor"/>.</summary>
    public const int ExpansionPerChar = 16;
    public const long ExpansionFloor = 16L << 20;

    /// <summary>A scanner from <paramref name="start"/> (a line that starts an entry, or 0), with the macros
    /// defined before it (the month macros when null).</summary>
    public BibTexScanner(string text, LineMap lines, BibTexReaderOptions options, List<Diagnostic> diagnostics,
        int start = 0, IDictionary<string, string>? macros = null)
    {
        _text = text;
        _lines = lines;
        _options = options;
        _diagnostics = diagnostics;
        _pos = start;
        _macros = new Dictionary<string, string>(macros ?? BibTexVocabulary.MonthMacros, StringComparer.OrdinalIgnoreCase);
        _macroLookup = _macros.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public List<RawEntry> Entries { get; } = [];
    public List<string> Preambles { get; } = [];
    /// <summary>The macros defined so far (month macros and @string).</summary>
    public IDictionary<string, string> Macros => _macros;
    /// <summary>How many @string definitions were read: a later part of the file scanned apart from this one is
    /// only valid if this does not change while scanning up to it.</summary>
    public int MacroDefinitions { get; private set; }
    /// <summary>Where scanning stopped.</summary>
    public int Position => _pos;
    /// <summary>An entry read so far has a BibLaTeX-only type or field: the file is BibLaTeX.</summary>
    public bool SawBibLaTeX { get; private set; }
    /// <summary>An entry read so far has a <c>crossref</c> or <c>xdata</c> field, so inheritance has work to do.</summary>
    public bool SawInheritance { get; private set; }

    [Flags]
    private enum FieldFlags : byte { None = 0, BibLaTeX = 1, Inheritance = 2 }

    public void Scan() => Scan(int.MaxValue, untilFirstEntry: false);

    /// <summary>Gives back the memory the scanned fields live in; <see cref="Entries"/> must not be read after.</summary>
    public void ReleaseFields() => _arena.Release();

    /// <summary>
    /// Scans up to the first '@' at or past <paramref name="stop"/>, or (with <paramref name="untilFirstEntry"/>)
    /// up to the first entry that is not @string, @preamble or @comment; a later call carries on from there.
    /// Stopping at a line that starts an entry leaves the scanner exactly where a whole-file scan passes: no value,
    /// comment or recovery ever reads past such a line.
    /// </summary>
    public void Scan(int stop, bool untilFirstEntry)
    {
        var text = _text;
        while (_pos < text.Length)
        {
            int at = text.IndexOf('@', _pos);
            if (at < 0 || at >= stop) break;
            if (untilFirstEntry && StartsEntry(at) && !StartsMetaEntry(at))
            {
                _pos = at;
                return;
            }
            _pos = at + 1;
            SkipWhitespace();
            int typeStart = _pos;
            var type = ReadName();
            if (type.IsEmpty) continue; // a lone '@' in the text between entries (an e-mail address, say)
            SkipWhitespace();
            if (_pos >= text.Length || (text[_pos] != '{' && text[_pos] != '('))
            {
                if (BibTexVocabulary.IsKnownType(type))
                    Report(DiagnosticCodes.ExpectedToken, Severity.Error, typeStart, $"expected '{{' after '@{type}'; the entry is skipped");
                continue;
            }
            char close = text[_pos] == '{' ? '}' : ')';
            _pos++;
            if (KnownEntryType(type) is { } known) ScanEntry(known, close, at);
            else if (type.Equals("comment", StringComparison.OrdinalIgnoreCase)) SkipComment(close, at);
            else if (type.Equals("string", StringComparison.OrdinalIgnoreCase)) ScanString(close, at);
            else if (type.Equals("preamble", StringComparison.OrdinalIgnoreCase)) ScanPreamble(close, at);
            else ScanEntry(InternEntryType(type), close, at);
        }
    }

    private void ScanEntry(string type, char close, int start)
    {
        var text = _text;
        SkipWhitespace();
        int keyStart = _pos;
        int keyEnd = _pos;
        if (_pos < text.Length)
        {
            int stop = text.AsSpan(_pos).IndexOfAny(KeyStops);
            keyEnd = stop < 0 ? text.Length : _pos + stop;
        }
        _pos = keyEnd;
        SkipWhitespace();
        string key;
        if (_pos < text.Length && text[_pos] == '=')
        {
            // "@article{title = ...": the key is missing and what we read is the first field's name.
            _pos = keyStart;
            key = "";
            Report(DiagnosticCodes.MissingKey, Severity.Error, keyStart, $"@{type} entry has no citation key");
        }
        else
        {
            key = text.Substring(keyStart, keyEnd - keyStart);
            if (key.Length == 0)
                Report(DiagnosticCodes.MissingKey, Severity.Error, keyStart, $"@{type} entry has no citation key");
            if (_pos < text.Length && text[_pos] == ',') _pos++;
            else if (_pos < text.Length && text[_pos] != close && IsNameStart(text[_pos]))
                Report(DiagnosticCodes.MissingComma, Severity.Error, _pos, $"expected ',' after the key '{key}'");
        }
        var entry = new RawEntry(type, key, start);
        // Line and column now, while the line map is here anyway: readers ask for it in file order.
        var at = _lines.At(start);
        (entry.Line, entry.Column) = (at.Line, at.Column);
        Entries.Add(entry);
        ScanFields(entry, close);
        entry.End = Math.Min(_pos, text.Length);
    }

    private void ScanFields(RawEntry entry, char close)
    {
        var text = _text;
        while (true)
        {
            SkipWhitespaceAndCommas();
            if (_pos >= text.Length)
            {
                Report(DiagnosticCodes.UnterminatedEntry, Severity.Error, entry.Start, $"entry '{entry.Key}' is not closed before the end of the file");
                entry.Broken = true;
                return;
            }
            char c = text[_pos];
            if (c == close) { _pos++; return; }
            if (c == '@' && AtLineStart(_pos))
            {
                Report(DiagnosticCodes.UnterminatedEntry, Severity.Error, entry.Start, $"entry '{entry.Key}' is not closed before the next entry");
                entry.Broken = true;
                return;
            }
            int nameStart = _pos;
            var name = ReadName();
            if (name.IsEmpty)
            {
                Report(DiagnosticCodes.StrayText, Severity.Error, _pos, $"unexpected '{c}' in entry '{entry.Key}'; skipped to the next field");
                if (!SkipToNextField(close)) { entry.Broken = true; return; }
                continue;
            }
            SkipWhitespace();
            if (_pos >= text.Length || text[_pos] != '=')
            {
                Report(DiagnosticCodes.ExpectedToken, Severity.Error, _pos, $"expected '=' after field '{name}' in entry '{entry.Key}'");
                if (!SkipToNextField(close)) { entry.Broken = true; return; }
                continue;
            }
            _pos++;
            var fieldName = InternField(name, out var flags);
            if (!ScanValue(out int vStart, out int vLength, out string? built, entry.Key))
            {
                entry.Broken = true;
                // A value that ran into the next entry has already stopped there.
                if (_pos >= text.Length || (AtLineStart(_pos) && StartsEntry(_pos))) return;
                if (!SkipToNextField(close)) return;
                continue;
            }
            if (entry.IndexOf(fieldName) >= 0)
                Report(DiagnosticCodes.DuplicateField, Severity.Warning, nameStart, $"field '{fieldName}' appears twice in entry '{entry.Key}'; the first is kept");
            else
            {
                _arena.Append(entry, new RawField(fieldName, nameStart, vStart, vLength, built));
                if (flags != FieldFlags.None)
                {
                    SawBibLaTeX |= (flags & FieldFlags.BibLaTeX) != 0;
                    SawInheritance |= (flags & FieldFlags.Inheritance) != 0;
                }
            }
            SkipWhitespace();
            if (_pos < text.Length && text[_pos] != ',' && text[_pos] != close && IsNameStart(text[_pos]) && !(text[_pos] == '@' && AtLineStart(_pos)))
                Report(DiagnosticCodes.MissingComma, Severity.Error, _pos, $"expected ',' before this field in entry '{entry.Key}'");
        }
    }

    /// <summary>Reads value pieces joined by '#'. A single delimited piece stays a slice of the file.</summary>
    private bool ScanValue(out int start, out int length, out string? built, string entryKey)
    {
        start = length = 0;
        built = null;
        var text = _text;
        StringBuilder? joined = null;
        bool first = true;
        while (true)
        {
            SkipWhitespace();
            if (_pos >= text.Length)
            {
                Report(DiagnosticCodes.ExpectedToken, Severity.Error, _pos, $"expected a value at the end of the file (entry '{entryKey}')");
                return false;
            }
            int pieceStart = _pos;
            int s, l;
            string? macro = null;
            char c = text[_pos];
            if (c == '{' || c == '"')
            {
                if (!ScanDelimited(c, out s, out l, entryKey)) return false;
            }
            else if (char.IsAsciiDigit(c))
            {
                s = _pos;
                while (_pos < text.Length && char.IsAsciiDigit(text[_pos])) _pos++;
                l = _pos - s;
            }
            else if (IsNameStart(c))
            {
                var name = ReadName();
                s = pieceStart; l = 0;
                if (!_macroLookup.TryGetValue(name, out macro))
                {
                    Report(DiagnosticCodes.UndefinedMacro, Severity.Error, pieceStart, $"undefined macro '{name}' in entry '{entryKey}'; its name is kept as the value");
                    macro = name.ToString();
                }
                else if ((_expanded += macro.Length) > ExpansionPerChar * (long)text.Length + ExpansionFloor)
                {
                    if (!_expansionReported)
                        Report(DiagnosticCodes.MacroExpansionLimit, Severity.Error, pieceStart,
                            $"@string macros expand to more than {ExpansionPerChar} times the file's size (at '{name}' in entry '{entryKey}'); from here on a macro's name is kept as its value");
                    _expansionReported = true;
                    macro = name.ToString();
                }
            }
            else
            {
                Report(DiagnosticCodes.ExpectedToken, Severity.Error, _pos, $"expected a value ('{{', '\"', a number or a macro) in entry '{entryKey}', found '{c}'");
                return false;
            }
            SkipWhitespace();
            bool more = _pos < text.Length && text[_pos] == '#';
            if (first && !more)
            {
                // A lone macro is its definition's string itself: no copy.
                if (macro is not null) built = macro;
                else { start = s; length = l; }
                return true;
            }
            joined ??= RentBuilder();
            if (macro is not null) joined.Append(macro);
            else joined.Append(text, s, l);
            first = false;
            if (!more)
            {
                built = joined.ToString();
                return true;
            }
            _pos++;
        }
    }

    /// <summary>
    /// Scans a braced or quoted value. A line that starts a new entry inside the value means its braces never
    /// closed: the value is abandoned there, reported at its start, and scanning resumes at that entry.
    /// </summary>
    private bool ScanDelimited(char open, out int start, out int length, string entryKey)
    {
        var text = _text;
        int valueStart = _pos;
        start = _pos + 1;
        length = 0;
        bool quoted = open == '"';
        int depth = quoted ? 0 : 1;
        int maxDepth = _options.MaxNestingDepth;
        bool tooDeep = false;
        int p = start;
        while (true)
        {
            // Braces that neither close the value nor nest too deep are counted inside NextStop.
            int i = NextStop(text, p, ref depth, quoted, tooDeep ? int.MaxValue : maxDepth);
            if (i < 0)
            {
                Report(DiagnosticCodes.UnbalancedBraces, Severity.Error, valueStart, $"value in entry '{entryKey}' never closes (unbalanced braces or quotes)");
                _pos = text.Length;
                return false;
            }
            p = i;
            char c = text[p];
            if (c == '\n')
            {
                if (StartsEntry(p + 1))
                {
                    Report(DiagnosticCodes.UnbalancedBraces, Severity.Error, valueStart, $"value in entry '{entryKey}' runs into the next entry (unbalanced braces or quotes)");
                    _pos = p + 1;
                    return false;
                }
                p++;
                continue;
            }
            if (c == '{')
            {
                // NextStop stops at a '{' only when it nests deeper than allowed (and has counted it).
                tooDeep = true;
                Report(DiagnosticCodes.NestingTooDeep, Severity.Error, p, $"braces nested deeper than {maxDepth} in entry '{entryKey}'; the field is dropped");
                p++;
                continue;
            }
            if (c == '}')
            {
                if (depth == 0)
                {
                    // A '}' closing nothing inside a quoted value: BibTeX rejects it, and so do we.
                    Report(DiagnosticCodes.UnbalancedBraces, Severity.Error, p, $"unmatched '}}' in a quoted value of entry '{entryKey}'");
                    _pos = p + 1;
                    return false;
                }
                // The brace that closes a braced value (NextStop stops at no other '}').
                depth--;
                p++;
                break;
            }
            // '"' at depth 0 closes a quoted value (NextStop stops at no other '"').
            p++;
            break;
        }
        _pos = p;
        length = p - 1 - start;
        return !tooDeep;
    }

    /// <summary>
    /// From <paramref name="p"/>, the first character a delimited value's scan must act on: a newline; a '{' that
    /// takes <paramref name="depth"/> past <paramref name="maxDepth"/> (counted); a '}' at depth 1 of a braced value
    /// or at depth 0 of a quoted one (not counted); a '"' at depth 0 of a quoted value. Other braces are counted
    /// here, sixteen characters at a time where the hardware allows: a title full of protected words is one call,
    /// not one a brace. -1 when the text ends first.
    /// </summary>
    internal static int NextStop(string text, int p, ref int depth, bool quoted, int maxDepth)
    {
        int d = depth;
        int closeAt = quoted ? 0 : 1;
        if (Vector256.IsHardwareAccelerated)
        {
            ref ushort origin = ref Unsafe.As<char, ushort>(ref MemoryMarshal.GetReference(text.AsSpan()));
            var openV = Vector256.Create((ushort)'{');
            var closeV = Vector256.Create((ushort)'}');
            var newlineV = Vector256.Create((ushort)'\n');
            var quoteV = Vector256.Create(quoted ? (ushort)'"' : (ushort)'\n');
            for (; p <= text.Length - Vector256<ushort>.Count; p += Vector256<ushort>.Count)
            {
                var v = Vector256.LoadUnsafe(ref origin, (nuint)p);
                uint bits = (Vector256.Equals(v, openV) | Vector256.Equals(v, closeV) | Vector256.Equals(v, newlineV) | Vector256.Equals(v, quoteV))
                    .ExtractMostSignificantBits();
                while (bits != 0)
                {
                    int at = p + BitOperations.TrailingZeroCount(bits);
                    bits &= bits - 1;
                    if (Stops(text[at], ref d, closeAt, maxDepth))
                    {
                        depth = d;
                        return at;
                    }
                }
            }
        }
        for (; p < text.Length; p++)
        {
            char c = text[p];
            if ((c == '{' || c == '}' || c == '\n' || c == '"') && Stops(c, ref d, closeAt, maxDepth))
            {
                depth = d;
                return p;
            }
        }
        depth = d;
        return -1;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool Stops(char c, ref int depth, int closeAt, int maxDepth)
    {
        if (c == '{') return ++depth > maxDepth;
        if (c == '}')
        {
            if (depth == closeAt) return true;
            depth--;
            return false;
        }
        // A newline always stops; a quote only where it can close a quoted value (closeAt 0) at depth 0.
        return c == '\n' || (closeAt == 0 && depth == 0);
    }

    private void ScanString(char close, int start)
    {
        var text = _text;
        SkipWhitespace();
        int nameStart = _pos;
        var name = ReadName();
        SkipWhitespace();
        if (name.IsEmpty || _pos >= text.Length || text[_pos] != '=')
        {
            Report(DiagnosticCodes.ExpectedToken, Severity.Error, nameStart, "expected 'name = value' in @string");
            _pos = FindNextEntryStart(_pos);
            return;
        }
        _pos++;
        var macroName = name.ToString();
        if (!ScanValue(out int s, out int l, out string? built, "@string " + macroName))
        {
            _pos = FindNextEntryStart(_pos);
            return;
        }
        _macros[macroName] = built ?? text.Substring(s, l);
        MacroDefinitions++;
        SkipWhitespace();
        if (_pos < text.Length && text[_pos] == close) _pos++;
        else Report(DiagnosticCodes.ExpectedToken, Severity.Error, _pos, $"expected '{close}' to close @string {macroName}");
        _ = start;
    }

    private void ScanPreamble(char close, int start)
    {
        if (!ScanValue(out int s, out int l, out string? built, "@preamble"))
        {
            _pos = FindNextEntryStart(_pos);
            return;
        }
        Preambles.Add(built ?? _text.Substring(s, l));
        SkipWhitespace();
        if (_pos < _text.Length && _text[_pos] == close) _pos++;
        else Report(DiagnosticCodes.ExpectedToken, Severity.Error, _pos, $"expected '{close}' to close @preamble");
        _ = start;
    }

    /// <summary>@comment{...} is skipped as a balanced block (biber's reading); an unbalanced one ends at the next entry.</summary>
    private void SkipComment(char close, int start)
    {
        var text = _text;
        char open = close == '}' ? '{' : '(';
        int depth = 1;
        for (int p = _pos; p < text.Length; p++)
        {
            char c = text[p];
            if (c == open) depth++;
            else if (c == close && --depth == 0) { _pos = p + 1; return; }
            else if (c == '\n' && StartsEntry(p + 1)) { _pos = p + 1; return; }
        }
        _pos = text.Length;
        _ = start;
    }

    /// <summary>Skips a damaged field: to the next comma at brace depth 0, the entry's close, or a new entry.</summary>
    private bool SkipToNextField(char close)
    {
        var text = _text;
        int depth = 0;
        for (int p = _pos; p < text.Length; p++)
        {
            char c = text[p];
            if (c == '{') depth++;
            else if (c == '}' && depth > 0) depth--;
            else if (c == '\n' && StartsEntry(p + 1)) { _pos = p + 1; return false; }
            else if (depth == 0 && c == ',') { _pos = p + 1; return true; }
            else if (depth == 0 && c == close) { _pos = p; return true; }
        }
        _pos = text.Length;
        return false;
    }

    private int FindNextEntryStart(int from)
    {
        var text = _text;
        for (int p = from; p < text.Length; p++)
        {
            int nl = text.IndexOf('\n', p);
            if (nl < 0) return text.Length;
            if (StartsEntry(nl + 1)) return nl + 1;
            p = nl;
        }
        return text.Length;
    }

    private bool StartsMetaEntry(int at)
    {
        var name = _text.AsSpan(at + 1);
        return name.StartsWith("string", StringComparison.OrdinalIgnoreCase) || name.StartsWith("preamble", StringComparison.OrdinalIgnoreCase)
            || name.StartsWith("comment", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>The first line at or after <paramref name="from"/> that starts with '@' and an entry, or -1.</summary>
    public static int NextEntryLine(string text, int from)
    {
        while (from < text.Length)
        {
            int at = text.IndexOf("\n@", from, StringComparison.Ordinal);
            if (at < 0) return -1;
            if (StartsEntry(text, at + 1)) return at + 1;
            from = at + 2;
        }
        return -1;
    }

    private bool StartsEntry(int p) => StartsEntry(_text, p);

    /// <summary>True where a line starts, after optional blanks, with '@name{' or '@name(' — a new entry.</summary>
    private static bool StartsEntry(string text, int p)
    {
        while (p < text.Length && (text[p] == ' ' || text[p] == '\t' || text[p] == '\r')) p++;
        if (p >= text.Length || text[p] != '@') return false;
        p++;
        int nameStart = p;
        while (p < text.Length && char.IsAsciiLetter(text[p])) p++;
        if (p == nameStart) return false;
        while (p < text.Length && (text[p] == ' ' || text[p] == '\t')) p++;
        return p < text.Length && (text[p] == '{' || text[p] == '(');
    }

    private bool AtLineStart(int p)
    {
        for (int i = p - 1; i >= 0; i--)
        {
            char c = _text[i];
            if (c == '\n') return true;
            if (c != ' ' && c != '\t' && c != '\r') return false;
        }
        return true;
    }

    private ReadOnlySpan<char> ReadName()
    {
        var text = _text;
        int start = _pos;
        if (start >= text.Length || !IsNameStart(text[start])) return default;
        int end = text.AsSpan(start).IndexOfAnyExcept(NameChars);
        _pos = end < 0 ? text.Length : start + end;
        return text.AsSpan(start, _pos - start);
    }

    /// <summary>The entry type spelled <paramref name="spelling"/>, when this scanner has met that spelling before.</summary>
    private string? KnownEntryType(ReadOnlySpan<char> spelling)
    {
        int slot = TypeSlot(spelling);
        return _typeSpellings[slot] is { } seen && spelling.SequenceEqual(seen) ? _typeNames[slot] : null;
    }

    /// <summary>Interns an entry type (not @string, @preamble or @comment), notes whether it is BibLaTeX's (every
    /// entry of the type follows, so once is enough), and remembers its spelling: a file uses a handful of types, so the case-insensitive lookups are made once each.</summary>
    private string InternEntryType(ReadOnlySpan<char> spelling)
    {
        var type = BibTexVocabulary.InternType(spelling);
        bool bibLaTeX = BibTexVocabulary.BibLaTeXOnlyTypes.Contains(type);
        int slot = TypeSlot(spelling);
        _typeSpellings[slot] = spelling.ToString();
        _typeNames[slot] = type;
        SawBibLaTeX |= bibLaTeX;
        return type;
    }

    private static int TypeSlot(ReadOnlySpan<char> spelling) => (spelling.Length * 7 + spelling[0] + spelling[^1] * 3) & 63;

    private string InternField(ReadOnlySpan<char> name, out FieldFlags flags)
    {
        int slot = (name.Length * 7 + name[0] + name[^1] * 3) & 255;
        var seen = _fieldNames[slot];
        if (seen is not null && name.SequenceEqual(seen))
        {
            flags = _fieldFlags[slot];
            return seen;
        }
        var interned = BibTexVocabulary.InternField(name);
        flags = (BibTexVocabulary.BibLaTeXOnlyFields.Contains(interned) ? FieldFlags.BibLaTeX : FieldFlags.None)
            | (interned is "crossref" or "xdata" ? FieldFlags.Inheritance : FieldFlags.None);
        _fieldFlags[slot] = flags;
        return _fieldNames[slot] = interned;
    }

    private static bool IsNameStart(char c) => char.IsAsciiLetter(c) || c == '_';

    private void SkipWhitespace()
    {
        var text = _text;
        int p = _pos;
        while (p < text.Length)
        {
            char c = text[p];
            // Most calls stop at once, at a visible ASCII character.
            if (c > ' ' && c < '\u007F' && c != '%') break;
            if (c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f' || c == '\u00A0' || c == '\uFEFF') p++;
            else if (c == '%' && _options.PercentComments)
            {
                int nl = text.IndexOf('\n', p);
                p = nl < 0 ? text.Length : nl + 1;
            }
            else break;
        }
        _pos = p;
    }

    private void SkipWhitespaceAndCommas()
    {
        while (true)
        {
            SkipWhitespace();
            if (_pos < _text.Length && _text[_pos] == ',') _pos++;
            else return;
        }
    }

    private StringBuilder RentBuilder()
    {
        var b = _builder ??= new StringBuilder(256);
        b.Clear();
        return b;
    }

    private void Report(string code, Severity severity, int offset, string message) =>
        _diagnostics.Add(new Diagnostic(code, severity, message, _lines.At(offset)));
}
