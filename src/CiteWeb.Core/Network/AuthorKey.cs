using CiteWeb.Core.Text;

namespace CiteWeb.Core.Network;

/// <summary>
/// The key under which author names are matched: folded family name plus the first initial of the given names,
/// so "Crawford, Kate", "CRAWFORD, K." and "Crawford, Kate A." are one author and "Kjøsen, Atle" matches
/// "Kjosen, A.". Organisations (no comma) are keyed by their whole folded name.
/// </summary>
/// <remarks>Family plus initial is what author co-citation studies have always matched on (cited references in
/// citation indexes carry initials only); it can merge two people with the same family name and initial, which a
/// reviewer sees in the label list of <see cref="CoCitation.Authors"/>.</remarks>
public static class AuthorKey
{
    /// <summary>"Family, Given" → "family,g"; "Organisation" → "organisation"; blank → "".</summary>
    public static string Of(string displayName)
    {
        int comma = displayName.IndexOf(',');
        if (comma < 0) return TextFolding.KeyPart(displayName);
        var family = TextFolding.KeyPart(displayName[..comma]);
        var given = TextFolding.KeyPart(displayName[(comma + 1)..]);
        return given.Length == 0 ? family : family + "," + given[0];
    }

    /// <summary>The folded family part of a key ("crawford,k" → "crawford").</summary>
    internal static string FamilyOf(string key)
    {
        int comma = key.IndexOf(',');
        return comma < 0 ? key : key[..comma];
    }
}
