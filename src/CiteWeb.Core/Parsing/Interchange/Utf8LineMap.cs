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
    /// <summary>Bytes between checkpoints. Minified JSON is one long line; without checkpoints every lookup would
    /// count characters from the start of that line, and reading a file with many items would be quadratic.</summary>
    private const int CheckpointInterval = 1024;

    private readonly byte[] _utf8;
    private readonly List<int> _lineStartByte = [0];
    private readonly List<int> _lineStartChar = [0];
    private readonly List<int> _checkpointByte = [0];
    private readonly List<int> _checkpointChar = [0];

    public Utf8LineMap(string text, byte[] utf8)
    {
        _utf8 = utf8;
        int bytes = 0;
        for (int i = 0; i < text.Length; i++)
        {
            if (bytes >= _checkpointByte[^1] + CheckpointInterval)
            {
                _checkpointByte.Add(bytes);
                _checkpointChar.Add(i);
            }
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
    public int LineOf(int byteOffset) => Floor(_lineStartByte, byteOffset);

    public int LineStartByte(int zeroBasedLine) => _lineStartByte[Math.Clamp(zeroBasedLine, 0, _lineStartByte.Count - 1)];

    public (int Line, int Column, int CharOffset) Locate(int byteOffset)
    {
        byteOffset = Math.Clamp(byteOffset, 0, _utf8.Length);
        int line = LineOf(byteOffset);
        int checkpoint = Floor(_checkpointByte, byteOffset);
        // Count from the line start or the last checkpoint, whichever is nearer; both sit on character boundaries.
        var (fromByte, fromChar) = _checkpointByte[checkpoint] > _lineStartByte[line]
            ? (_checkpointByte[checkpoint], _checkpointChar[checkpoint])
            : (_lineStartByte[line], _lineStartChar[line]);
        int charOffset = fromChar + Encoding.UTF8.GetCharCount(_utf8.AsSpan(fromByte, byteOffset - fromByte));
        return (line + 1, charOffset - _lineStartChar[line] + 1, charOffset);
    }

    /// <summary>Index of the last element not greater than <paramref name="value"/> (the list starts at 0).</summary>
    private static int Floor(List<int> sorted, int value)
    {
        int i = sorted.BinarySearch(value);
        return i >= 0 ? i : ~i - 1;
    }
}
