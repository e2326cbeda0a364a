using System.Text;

namespace CiteWeb.Core.Parsing.Interchange;

/// <summary>
/// Maps byte offsets in the UTF-8 form of a text back to its 1-based line and column (in UTF-16 code units, as
/// <see cref="Model.SourceSpan"/> counts them) and to the character offset. The JSON reader works on bytes; users
/// and editors think in lines and characters, and a non-ASCII title before an error must not shift its column.
/// Lines end at '\n', the same rule System.Text.Json uses for <see cref="System.Text.Json.JsonException.LineNumber"/>.
/// </summary>
internal sealed class Utf8LineMap
{
    private readonly byte[] _utf8;
    private readonly List<int> _lineStartByte = [0];
    private readonly List<int> _lineStartChar = [0];

    public Utf8LineMap(string text, byte[] utf8)
    {
        _utf8 = utf8;
        int bytes = 0;
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (c < 0x80) bytes++;
            else if (c < 0x800) bytes += 2;
            else if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1])) { bytes += 4; i++; }
            else bytes += 3; // includes a lone surrogate, which the encoder replaces by U+FFFD (3 bytes)
            if (c == '\n')
            {
                _lineStartByte.Add(bytes);
                _lineStartChar.Add(i + 1);
            }
        }
    }

    public int LineCount => _lineStartByte.Count;

    /// <summary>0-based line holding <paramref name="byteOffset"/>.</summary>
    public int LineOf(int byteOffset)
    {
        int i = _lineStartByte.BinarySearch(byteOffset);
        return i >= 0 ? i : ~i - 1;
    }

    public int LineStartByte(int zeroBasedLine) => _lineStartByte[Math.Clamp(zeroBasedLine, 0, _lineStartByte.Count - 1)];

    public (int Line, int Column, int CharOffset) Locate(int byteOffset)
    {
        byteOffset = Math.Clamp(byteOffset, 0, _utf8.Length);
        int line = LineOf(byteOffset);
        int start = _lineStartByte[line];
        int chars = Encoding.UTF8.GetCharCount(_utf8.AsSpan(start, byteOffset - start));
        return (line + 1, chars + 1, _lineStartChar[line] + chars);
    }
}
