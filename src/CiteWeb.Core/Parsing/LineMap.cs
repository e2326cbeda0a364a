using CiteWeb.Core.Model;

namespace CiteWeb.Core.Parsing;

/// <summary>
/// Turns offsets into 1-based line and column. Readers ask in increasing order, so it counts newlines forward
/// from the last answer (vectorised) instead of building a table of every line start.
/// </summary>
internal sealed class LineMap(string text, string file)
{
    private int _offset;
    private int _line = 1;
    private int _lineStart;

    public string File { get; } = file;

    public SourceSpan At(int offset, int length = 0)
    {
        offset = Math.Clamp(offset, 0, text.Length);
        if (offset < _offset)
        {
            // Asked about an earlier place (an entry's start after its fields): step back, never restart.
            var back = text.AsSpan(offset, _offset - offset);
            _line -= back.Count('\n');
            _lineStart = text.AsSpan(0, offset).LastIndexOf('\n') + 1;
            _offset = offset;
            return new SourceSpan(File, _line, offset - _lineStart + 1, offset, length);
        }
        var span = text.AsSpan(_offset, offset - _offset);
        int newlines = span.Count('\n');
        if (newlines > 0)
        {
            _line += newlines;
            _lineStart = _offset + span.LastIndexOf('\n') + 1;
        }
        _offset = offset;
        return new SourceSpan(File, _line, offset - _lineStart + 1, offset, length);
    }
}
