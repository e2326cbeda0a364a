namespace CiteWeb.Core.Model;

/// <summary>A CSL name: a person split into parts, or an organisation kept whole as <see cref="Literal"/>.</summary>
public sealed record PersonName
{
    public string? Family { get; init; }
    public string? Given { get; init; }
    /// <summary>A particle kept with the family name when sorting ("van" in "van Dijck" as printed by MLA).</summary>
    public string? NonDroppingParticle { get; init; }
    /// <summary>A particle dropped when sorting ("von" in BibTeX's "von Last, First").</summary>
    public string? DroppingParticle { get; init; }
    public string? Suffix { get; init; }
    /// <summary>An organisation or a name that must not be split ("World Health Organization").</summary>
    public string? Literal { get; init; }

    /// <summary>The name standing for "and others" (et al.) at the end of a list.</summary>
    public static PersonName Others { get; } = new() { Literal = "others" };

    public bool IsOthers => ReferenceEquals(this, Others) || (Literal == "others" && Family is null && Given is null);

    public static PersonName Organisation(string name) => new() { Literal = name };

    /// <summary>The family name with its particles, as it is sorted and cited ("van Dijck", "von Neumann").</summary>
    public string FamilyWithParticles
    {
        get
        {
            if (Literal is not null) return Literal;
            var particles = string.Join(' ', new[] { DroppingParticle, NonDroppingParticle }.Where(p => !string.IsNullOrEmpty(p)));
            if (particles.Length == 0) return Family ?? "";
            return particles.EndsWith('\'') || particles.EndsWith('’') ? particles + Family : particles + " " + Family;
        }
    }

    /// <summary>"Given von Family, Suffix" for display.</summary>
    public override string ToString()
    {
        if (Literal is not null) return Literal;
        var parts = new List<string>(4);
        if (!string.IsNullOrEmpty(Given)) parts.Add(Given);
        var family = FamilyWithParticles;
        if (family.Length > 0) parts.Add(family);
        var s = string.Join(' ', parts);
        return string.IsNullOrEmpty(Suffix) ? s : s + ", " + Suffix;
    }
}
