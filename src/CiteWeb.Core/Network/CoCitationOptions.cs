namespace CiteWeb.Core.Network;

/// <summary>How a co-occurrence count is normalised by how often each side occurs on its own.</summary>
public enum StrengthMeasure
{
    /// <summary>Association strength (van Eck and Waltman 2009), as VOSviewer normalises:
    /// <c>c_ij * N / (c_i * c_j)</c>, the ratio of observed co-occurrences to those expected if the two were
    /// cited independently. 1 means "as often as chance".</summary>
    Association,

    /// <summary>Salton's cosine <c>c_ij / sqrt(c_i * c_j)</c>, between 0 and 1.</summary>
    Cosine,
}

/// <summary>Which authors of a cited work take part in author co-citation.</summary>
public enum AuthorCounting
{
    /// <summary>Every listed author (the default): a bibliography citing Crawford and Joler's work cites both.
    /// Classic author co-citation analysis counted first authors only because Web of Science cited references
    /// list only the first; our bibliographies carry full author lists, and all-author counting keeps co-authors
    /// who are rarely listed first (Zhao and Strotmann 2008).</summary>
    All,

    /// <summary>Only the first listed author of each work, as in classic author co-citation analysis.</summary>
    First,
}

/// <summary>Options of a co-citation or coupling ranking.</summary>
public sealed record CoCitationOptions
{
    /// <summary>At most this many rows; null for all. The default is 20.</summary>
    public int? Top { get; init; } = 20;

    /// <summary>Rows need at least this count (values below 1 act as 1). The default is 1.</summary>
    public int Min { get; init; } = 1;

    /// <summary>The strength reported in <see cref="RankedItem.Strength"/>. The default is association strength.</summary>
    public StrengthMeasure Measure { get; init; } = StrengthMeasure.Association;

    /// <summary>Which authors count in author co-citation. The default is all authors.</summary>
    public AuthorCounting Authors { get; init; } = AuthorCounting.All;

    /// <summary>The defaults: top 20, min 1, association strength, all authors.</summary>
    public static CoCitationOptions Default { get; } = new();
}

/// <summary>Whether the target of a ranking was found.</summary>
public enum TargetStatus
{
    /// <summary>The target is known; <see cref="CoCitationResult.Results"/> may still be empty (nobody co-cites it).</summary>
    Found,
    /// <summary>No work, author or bibliography has that id or name; results are empty.</summary>
    Unknown,
    /// <summary>An author name matched several authors (listed in <see cref="CoCitationResult.Candidates"/>); results are empty.</summary>
    Ambiguous,
}

/// <summary>A ranking around one target; the CLI's <c>cocite</c> JSON is
/// <c>{"target", "citingBibliographies", "results": [{"id", "label", "count", "strength"}]}</c>.</summary>
/// <param name="Target">The target as asked (work id, author name or bibliography id).</param>
/// <param name="TargetLabel">The resolved target's label, or null when not found.</param>
/// <param name="CitingBibliographies">Bibliographies citing the target (for coupling: works the bibliography cites).</param>
/// <param name="Results">Ranked by count, then strength (both descending), then label and id (ordinal).</param>
/// <param name="Status">Whether the target was found.</param>
/// <param name="Candidates">For <see cref="TargetStatus.Ambiguous"/>, the labels of the matching authors; else empty.</param>
public sealed record CoCitationResult(
    string Target,
    string? TargetLabel,
    int CitingBibliographies,
    IReadOnlyList<RankedItem> Results,
    TargetStatus Status,
    IReadOnlyList<string> Candidates)
{
    internal static CoCitationResult Unknown(string target) => new(target, null, 0, [], TargetStatus.Unknown, []);
}

/// <summary>Bibliographic coupling of a whole corpus.</summary>
/// <param name="Bibliographies">How many bibliographies the corpus holds.</param>
/// <param name="Pairs">Ranked by count, then strength (descending), then labels and ids (ordinal).</param>
public sealed record CouplingResult(int Bibliographies, IReadOnlyList<RankedPair> Pairs);
