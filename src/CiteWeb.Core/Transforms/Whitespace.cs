using System.Buffers;
using System.Text;
using CiteWeb.Core.Model;

namespace CiteWeb.Core.Transforms;

/// <summary>Trims every value, collapses runs of white space, and drops fields left empty.</summary>
public sealed class Whitespace : IReferenceCleanup
{
    public string Name => "whitespace";
    public IReadOnlyList<string> DependsOn => [];

    public IEnumerable<FieldChange> Apply(IList<Reference> references, TransformContext context) => ReferencePass.Run([this], references, context);

    void IReferenceCleanup.Clean(Reference r, TransformContext context, CleanupOutput output)
    {
        Clean(r, r.Fields, output);
        Clean(r, r.Custom, output);
    }

    private void Clean(Reference r, FieldMap map, CleanupOutput changes)
    {
        List<(string Name, string Value, string Clean)>? dirty = null;
        // A value still in its source form whose reader can tell its decoded text is collapsed (nearly all: the
        // LaTeX decoder collapses white space itself) is passed without decoding; it stays undecoded, for the writer
        // to decode once or copy. Any other is decoded here, once, and kept. (Decoding every value for this check
        // and keeping none, FieldMap.Peek, was tried: the writer then decodes it again, which cost more CPU than
        // keeping the strings saves.)
        for (int i = 0; i < map.Count; i++)
        {
            if (map.DecodesCollapsed(i)) continue;
            var value = map.ValueAt(i);
            if (!IsCollapsed(value)) (dirty ??= []).Add((map.KeyAt(i), value, Collapse(value)));
        }
        if (dirty is null) return;
        foreach (var (name, value, clean) in dirty)
        {
            map[name] = clean.Length == 0 ? null : clean;
            changes.Add(new FieldChange(Name, r.Id, name, value, clean.Length == 0 ? null : clean));
        }
    }

    /// <summary>Trims and turns each run of white space into one space; a no-break space is kept, it was meant.</summary>
    internal static string Collapse(string value)
    {
        if (IsCollapsed(value)) return value;
        var sb = new StringBuilder(value.Length);
        bool space = false;
        foreach (char c in value.AsSpan().Trim())
        {
            if (char.IsWhiteSpace(c) && c != '\u00A0') { space = true; continue; }
            if (space) sb.Append(' ');
            space = false;
            sb.Append(c);
        }
        return sb.ToString();
    }

    // char.IsWhiteSpace's set without the space and the no-break space: inside a value, any of these means work.
    private static readonly SearchValues<char> OtherWhiteSpace =
        SearchValues.Create("\t\n\v\f\r\u0085\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200A\u2028\u2029\u202F\u205F\u3000");

    private static bool IsCollapsed(ReadOnlySpan<char> value)
    {
        if (value.Length == 0) return true;
        if (char.IsWhiteSpace(value[0]) || char.IsWhiteSpace(value[^1])) return false;
        return !value.ContainsAny(OtherWhiteSpace) && value.IndexOf("  ") < 0;
    }
}
