namespace CiteWeb.Core.Parsing.Interchange;

/// <summary>
/// A JSON syntax check (RFC 8259, no comments, no trailing commas, nesting capped like the reader's) that never
/// throws and allocates nothing: where the value at an offset ends, or where its first error is. The CSL-JSON reader
/// asks it before handing bytes to System.Text.Json, whose exceptions cost a stack trace and, for a broken literal,
/// a message quoting everything up to the end of the buffer — thousands of broken items made that quadratic.
/// </summary>
internal static class JsonSyntax
{
    /// <summary>
    /// Checks the one JSON value that starts at <paramref name="start"/> (after whitespace). Returns true and the
    /// offset just past the value in <paramref name="at"/>, or false and the offset of the first byte that cannot
    /// continue it (the end of the input when it stops early). <paramref name="maxDepth"/> is the deepest nesting
    /// allowed, as <c>JsonReaderOptions.MaxDepth</c>.
    /// </summary>
    public static bool TryValue(ReadOnlySpan<byte> json, int start, int maxDepth, out int at)
    {
        Span<bool> inObject = maxDepth <= 256 ? stackalloc bool[maxDepth] : new bool[maxDepth];
        int depth = 0, i = start;
        while (true)
        {
            // A value is expected at i.
            i = Skip(json, i);
            if (i >= json.Length) { at = i; return false; }
            byte b = json[i];
            if (b is (byte)'{' or (byte)'[')
            {
                if (depth == maxDepth) { at = i; return false; }
                bool obj = b == '{';
                inObject[depth++] = obj;
                i = Skip(json, i + 1);
                if (i < json.Length && json[i] == (obj ? '}' : ']')) { depth--; i++; }
                else if (obj)
                {
                    if (!Key(json, ref i)) { at = i; return false; }
                    continue;
                }
                else continue;
            }
            else if (!Scalar(json, ref i)) { at = i; return false; }

            // After a value: close containers, or a comma and the next member.
            while (true)
            {
                if (depth == 0) { at = i; return true; }
                i = Skip(json, i);
                if (i >= json.Length) { at = i; return false; }
                bool obj = inObject[depth - 1];
                if (json[i] == (obj ? '}' : ']')) { depth--; i++; continue; }
                if (json[i] != ',') { at = i; return false; }
                i = Skip(json, i + 1);
                if (obj && !Key(json, ref i)) { at = i; return false; }
                break;
            }
        }
    }

    /// <summary>A member's key and its colon, at i; leaves i at the value.</summary>
    private static bool Key(ReadOnlySpan<byte> json, ref int i)
    {
        if (i >= json.Length || json[i] != '"' || !String(json, ref i)) return false;
        i = Skip(json, i);
        if (i >= json.Length || json[i] != ':') return false;
        i++;
        return true;
    }

    private static bool Scalar(ReadOnlySpan<byte> json, ref int i)
    {
        byte b = json[i];
        if (b == '"') return String(json, ref i);
        if (b == '-' || b is >= (byte)'0' and <= (byte)'9') return Number(json, ref i);
        ReadOnlySpan<byte> literal = b switch { (byte)'t' => "true"u8, (byte)'f' => "false"u8, (byte)'n' => "null"u8, _ => default };
        if (literal.IsEmpty) return false;
        for (int k = 0; k < literal.Length; k++, i++)
            if (i >= json.Length || json[i] != literal[k]) return false;
        return true; // what follows is judged as whatever comes after a value
    }

    private static bool String(ReadOnlySpan<byte> json, ref int i)
    {
        i++; // the opening quote
        while (true)
        {
            int run = json[i..].IndexOfAny((byte)'"', (byte)'\\') is var r && r < 0 ? json.Length - i : r;
            if (json.Slice(i, run).IndexOfAnyInRange((byte)0, (byte)0x1F) is var control and >= 0) { i += control; return false; }
            i += run;
            if (i >= json.Length) return false;
            if (json[i] == '"') { i++; return true; }
            i++; // the backslash
            if (i >= json.Length) return false;
            byte e = json[i];
            if (e == 'u')
            {
                for (int k = 1; k <= 4; k++)
                    if (i + k >= json.Length || !char.IsAsciiHexDigit((char)json[i + k])) { i += k; return false; }
                i += 5;
            }
            else if (e is (byte)'"' or (byte)'\\' or (byte)'/' or (byte)'b' or (byte)'f' or (byte)'n' or (byte)'r' or (byte)'t') i++;
            else return false;
        }
    }

    private static bool Number(ReadOnlySpan<byte> json, ref int i)
    {
        if (json[i] == '-') i++;
        if (i >= json.Length || !IsDigit(json[i])) return false;
        if (json[i] == '0') i++;
        else while (i < json.Length && IsDigit(json[i])) i++;
        if (i < json.Length && json[i] == '.')
        {
            i++;
            if (i >= json.Length || !IsDigit(json[i])) return false;
            while (i < json.Length && IsDigit(json[i])) i++;
        }
        if (i < json.Length && json[i] is (byte)'e' or (byte)'E')
        {
            i++;
            if (i < json.Length && json[i] is (byte)'+' or (byte)'-') i++;
            if (i >= json.Length || !IsDigit(json[i])) return false;
            while (i < json.Length && IsDigit(json[i])) i++;
        }
        return EndsToken(json, i);
    }

    /// <summary>A number must end at a delimiter: "01" or "1x" is not a number followed by something else. The
    /// delimiters are System.Text.Json's, "/" among them (where a comment could start).</summary>
    private static bool EndsToken(ReadOnlySpan<byte> json, int i) =>
        i >= json.Length || json[i] is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n' or (byte)',' or (byte)'}' or (byte)']' or (byte)'/';

    private static bool IsDigit(byte b) => b is >= (byte)'0' and <= (byte)'9';

    private static int Skip(ReadOnlySpan<byte> json, int i)
    {
        while (i < json.Length && json[i] is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n') i++;
        return i;
    }
}
