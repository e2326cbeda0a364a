using CiteWeb.Core.Model;
using CiteWeb.Core.Parsing.BibTex;

namespace CiteWeb.Core.Transforms;

/// <summary>
/// What citation keys and duplicate matching read of a reference's first creator (<see cref="Reference.FirstCreator"/>):
/// an organisation's name, or a person's family and given names. A name list still in its BibTeX source form has
/// its first name decoded into a buffer of this thread's, with no <see cref="PersonName"/> and no strings (100,000
/// references' first authors were 14 MB of them); any other is read from the <see cref="PersonName"/>.
/// </summary>
internal readonly ref struct CreatorName
{
    [ThreadStatic]
    private static char[]? _buffer;

    /// <summary>False when the reference has no creator (<see cref="Reference.FirstCreator"/> is null).</summary>
    public bool Exists { get; private init; }
    /// <summary><see cref="PersonName.Literal"/> is set (then <see cref="Literal"/> is it).</summary>
    public bool IsLiteral { get; private init; }
    public ReadOnlySpan<char> Literal { get; private init; }
    /// <summary><see cref="PersonName.Family"/> is set (then <see cref="Family"/> is it).</summary>
    public bool HasFamily { get; private init; }
    public ReadOnlySpan<char> Family { get; private init; }
    /// <summary><see cref="PersonName.Given"/>, empty where it is null.</summary>
    public ReadOnlySpan<char> Given { get; private init; }

    /// <summary>The first creator of <paramref name="r"/>, as <see cref="Reference.FirstCreator"/> finds it. Valid
    /// until this thread's next call.</summary>
    public static CreatorName Of(Reference r)
    {
        var names = r.Names;
        foreach (var role in Csl.NameVariables)
        {
            if (names.TryPeekSource(role, BibTexNames.Codec, out var source))
            {
                var buffer = _buffer ??= new char[256];
                bool found = BibTexNames.FirstNameTo(source, ref buffer, out bool literal, out int family, out int given);
                _buffer = buffer;
                if (!found) continue;
                return literal
                    ? new CreatorName { Exists = true, IsLiteral = true, Literal = buffer.AsSpan(0, family) }
                    : new CreatorName { Exists = true, HasFamily = family > 0, Family = buffer.AsSpan(0, family), Given = buffer.AsSpan(family, given - family) };
            }
            if (names.PeekFirst<PersonName>(role) is { } first)
                return new CreatorName
                {
                    Exists = true, IsLiteral = first.Literal is not null, Literal = first.Literal,
                    HasFamily = first.Family is not null, Family = first.Family, Given = first.Given,
                };
        }
        return default;
    }
}
