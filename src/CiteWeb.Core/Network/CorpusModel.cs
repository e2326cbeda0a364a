namespace CiteWeb.Core.Network;

/// <summary>A cited work: one node of a co-citation network.</summary>
/// <param name="Id">Stable work id (from the index's work identity), unique in a corpus.</param>
/// <param name="Label">What people read: usually "Family Year, Title" or the title.</param>
/// <param name="Year">Year of publication, when known.</param>
/// <param name="Authors">Display names "Family, Given" (or an organisation's name) in printed order; may be empty.</param>
public sealed record WorkNode(string Id, string Label, int? Year, IReadOnlyList<string> Authors);

/// <summary>A citing document: one bibliography and the works it cites.</summary>
/// <param name="Id">Stable bibliography id, unique in a corpus (the index uses the file's path).</param>
/// <param name="Label">What people read: the citing document's title or file name.</param>
/// <param name="WorkIds">The ids of the works it cites; repeats are ignored (a bibliography cites a work once).</param>
public sealed record CitingDocument(string Id, string Label, IReadOnlyList<string> WorkIds);

/// <summary>One row of a ranking: a work, an author or a bibliography, how often it occurs with the target,
/// and the normalised strength of that association.</summary>
/// <param name="Id">Work id, author key or bibliography id.</param>
/// <param name="Label">Display label.</param>
/// <param name="Count">Co-occurrences with the target: bibliographies citing both (co-citation), or works shared (coupling).</param>
/// <param name="Strength">The <see cref="StrengthMeasure"/> chosen in <see cref="CoCitationOptions"/>.</param>
public sealed record RankedItem(string Id, string Label, int Count, double Strength);

/// <summary>One row of a pair ranking (bibliographic coupling): two bibliographies and what they share.</summary>
public sealed record RankedPair(string SourceId, string SourceLabel, string TargetId, string TargetLabel, int Count, double Strength);
