using System.Text;

namespace CiteWeb.Fuzz;

/// <summary>
/// Deterministic mutations of seed inputs, from one <see cref="Random"/>: the byte-level ones of AFL and libFuzzer
/// (bit flips, random bytes, insertions, deletions, copies, splices between seeds) and structure-aware ones for
/// text formats (grammar tokens, unbalanced and deeply nested brackets, huge repeats, NUL, invalid UTF-8, UTF-16,
/// line-ending changes). The same seed list and the same number give the same inputs on every machine.
/// </summary>
public sealed class Mutator(IReadOnlyList<byte[]> seeds, IReadOnlyList<string> tokens, int seed)
{
    /// <summary>Inputs are kept below this size (a huge repeat is capped here); larger files are the hostile-input tests' job.</summary>
    public const int MaxInput = 1 << 20;

    private readonly Random random = new(seed);
    private readonly byte[][] tokenBytes = [.. tokens.Select(Encoding.UTF8.GetBytes)];

    private static readonly byte[][] InvalidUtf8 =
    [
        [0xFF], [0xFE], [0xC3], [0xC0, 0xAF], [0xE2, 0x82], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0x80], [0xF0, 0x9F, 0x98],
    ];

    public byte[] Next()
    {
        var data = new List<byte>(seeds[random.Next(seeds.Count)]);
        int stack = 1 + random.Next(4);
        for (int i = 0; i < stack; i++) Mutate(data);
        if (data.Count > MaxInput) data.RemoveRange(MaxInput, data.Count - MaxInput);
        return [.. data];
    }

    private void Mutate(List<byte> d)
    {
        switch (random.Next(17))
        {
            case 0 when d.Count > 0: { int at = random.Next(d.Count); d[at] ^= (byte)(1 << random.Next(8)); break; }
            case 1 when d.Count > 0: d[random.Next(d.Count)] = (byte)random.Next(256); break;
            case 2: d.InsertRange(Pos(d), Bytes(1 + random.Next(8))); break;
            case 3 when d.Count > 0: { int at = random.Next(d.Count); d.RemoveRange(at, Math.Min(d.Count - at, 1 + random.Next(64))); break; }
            case 4 when d.Count > 0: { int at = random.Next(d.Count); int len = Math.Min(d.Count - at, 1 + random.Next(256)); d.InsertRange(Pos(d), d.GetRange(at, len)); break; }
            case 5: // splice: this input's head, another seed's tail
            {
                var other = seeds[random.Next(seeds.Count)];
                int cut = Pos(d), from = random.Next(other.Length + 1);
                d.RemoveRange(cut, d.Count - cut);
                d.AddRange(other.AsSpan(from).ToArray());
                break;
            }
            case 6:
            case 7: d.InsertRange(Pos(d), tokenBytes[random.Next(tokenBytes.Length)]); break;
            case 8: d.InsertRange(Pos(d), Repeat((byte)"{}[]()\"<>"[random.Next(9)], 1 + random.Next(64))); break; // unbalanced
            case 9: // deep nesting: openers then (sometimes) their closers
            {
                int depth = 1 + random.Next(Huge() ? 20_000 : 100);
                var (open, close) = "{}[](){}<>"[random.Next(5) * 2] switch { '{' => ("{", "}"), '[' => ("[", "]"), '(' => ("(", ")"), _ => ("<w:p>", "</w:p>") };
                int at = Pos(d);
                var nest = new StringBuilder();
                for (int i = 0; i < depth; i++) nest.Append(open);
                if (random.Next(2) == 0) for (int i = 0; i < depth; i++) nest.Append(close);
                d.InsertRange(at, Encoding.UTF8.GetBytes(nest.ToString()));
                break;
            }
            case 10 when d.Count > 0: // huge repeat of a slice
            {
                int at = random.Next(d.Count), len = Math.Min(d.Count - at, 1 + random.Next(32));
                var slice = d.GetRange(at, len);
                int times = Math.Min(1 + random.Next(Huge() ? 20_000 : 100), MaxInput / len);
                var block = new List<byte>(len * times);
                for (int i = 0; i < times; i++) block.AddRange(slice);
                d.InsertRange(at, block);
                break;
            }
            case 11: d.InsertRange(Pos(d), Repeat(0, 1 + random.Next(4))); break;
            case 12: d.InsertRange(Pos(d), InvalidUtf8[random.Next(InvalidUtf8.Length)]); break;
            case 13: // the whole input as UTF-16, with or without a byte-order mark
            {
                var text = Encoding.UTF8.GetString([.. d]);
                bool big = random.Next(2) == 0;
                var bytes = (big ? Encoding.BigEndianUnicode : Encoding.Unicode).GetBytes(text);
                d.Clear();
                if (random.Next(2) == 0) d.AddRange(big ? [0xFE, 0xFF] : [0xFF, 0xFE]);
                d.AddRange(bytes);
                break;
            }
            case 14 when d.Count > 0: { int at = random.Next(d.Count); d.RemoveRange(at, d.Count - at); break; } // truncation
            case 15: // line endings
            {
                var text = Encoding.UTF8.GetString([.. d]);
                text = random.Next(3) switch { 0 => text.Replace("\n", "\r\n"), 1 => text.Replace("\n", "\r"), _ => text.Replace("\n", "") };
                d.Clear();
                d.AddRange(Encoding.UTF8.GetBytes(text));
                break;
            }
            default: d.InsertRange(Pos(d), Encoding.UTF8.GetBytes(char.ConvertFromUtf32(random.Next(0x20, 0x3000)))); break;
        }
    }

    /// <summary>One structure in eight is huge (thousands of levels or repeats); the rest stay small so that most inputs are fast.</summary>
    private bool Huge() => random.Next(8) == 0;

    private int Pos(List<byte> d) => random.Next(d.Count + 1);

    private byte[] Bytes(int n) { var b = new byte[n]; random.NextBytes(b); return b; }

    private static byte[] Repeat(byte b, int n) => Enumerable.Repeat(b, n).ToArray();
}
