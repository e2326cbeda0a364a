using CiteWeb.Core.Model;

namespace CiteWeb.Index;

/// <summary>One citing document to index: its id (relative path without extension), label, source file, the
/// hash of its content (a file indexed with the same hash is skipped), and its references.</summary>
public sealed record BibliographyInput(string Id, string Label, string Path, string Hash, string Format, IReadOnlyList<Reference> References);
