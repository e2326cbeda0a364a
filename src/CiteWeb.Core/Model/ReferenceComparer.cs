namespace CiteWeb.Core.Model;

/// <summary>
/// Content equality of references: what a reader produced from what a writer wrote. Provenance (Source, RawText,
/// Confidence) is ignored because it describes where a record was read, not what it says.
/// </summary>
public static class ReferenceComparer
{
    /// <summary>
    /// True when Id, Type, Fields, Names, Dates and Custom are equal. Field maps compare as sets (order is not
    /// content); names compare by role and in order (author order is content); an empty name list equals an
    /// absent role. <paramref name="difference"/> names the first difference found, for test messages.
    /// </summary>
    public static bool ContentEquals(Reference a, Reference b, out string? difference)
    {
        difference = Compare(a, b);
        return difference is null;
    }

    private static string? Compare(Reference a, Reference b)
    {
        if (!string.Equals(a.Id, b.Id, StringComparison.Ordinal)) return $"Id: {Show(a.Id)} vs {Show(b.Id)}";
        if (!string.Equals(a.Type, b.Type, StringComparison.Ordinal)) return $"{a.Id}: Type: {Show(a.Type)} vs {Show(b.Type)}";
        return CompareMaps(a.Id, "Fields", a.Fields, b.Fields)
            ?? CompareNames(a, b)
            ?? CompareDates(a, b)
            ?? CompareMaps(a.Id, "Custom", a.Custom, b.Custom);
    }

    private static string? CompareMaps(string id, string what, FieldMap a, FieldMap b)
    {
        foreach (var (key, value) in a)
        {
            var other = b[key];
            if (!string.Equals(value, other, StringComparison.Ordinal))
                return $"{id}: {what}[{key}]: {Show(value)} vs {Show(other)}";
        }
        foreach (var (key, value) in b)
            if (!a.ContainsKey(key)) return $"{id}: {what}[{key}]: (absent) vs {Show(value)}";
        return null;
    }

    private static string? CompareNames(Reference a, Reference b)
    {
        foreach (var role in a.Names.Keys.Union(b.Names.Keys, StringComparer.Ordinal))
        {
            var left = a.Names.GetValueOrDefault(role) ?? [];
            var right = b.Names.GetValueOrDefault(role) ?? [];
            if (left.Count != right.Count)
                return $"{a.Id}: Names[{role}]: {left.Count} names vs {right.Count}: [{string.Join("; ", left)}] vs [{string.Join("; ", right)}]";
            for (int i = 0; i < left.Count; i++)
                if (left[i] != right[i]) return $"{a.Id}: Names[{role}][{i}]: {Show(left[i])} vs {Show(right[i])}";
        }
        return null;
    }

    private static string? CompareDates(Reference a, Reference b)
    {
        foreach (var role in a.Dates.Keys.Union(b.Dates.Keys, StringComparer.Ordinal))
        {
            var left = a.Dates.GetValueOrDefault(role);
            var right = b.Dates.GetValueOrDefault(role);
            if (left != right) return $"{a.Id}: Dates[{role}]: {Show(left)} vs {Show(right)}";
        }
        return null;
    }

    private static string Show(object? value) => value switch
    {
        null => "(absent)",
        PartialDate d => $"'{d}' (literal {Show(d.Literal)}, circa {d.Circa}, uncertain {d.Uncertain}, open end {d.OpenEnd})",
        // PersonName.ToString joins the parts, which hides which part differs.
        PersonName n => $"{{family {Show(n.Family)}, given {Show(n.Given)}, ndp {Show(n.NonDroppingParticle)}, dp {Show(n.DroppingParticle)}, suffix {Show(n.Suffix)}, literal {Show(n.Literal)}}}",
        _ => $"\"{value}\"",
    };
}
