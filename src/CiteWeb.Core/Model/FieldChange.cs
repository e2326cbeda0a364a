namespace CiteWeb.Core.Model;

/// <summary>What a cleanup changed in one reference: the field, the value before and after (null = absent).</summary>
public sealed record FieldChange(string Transform, string ReferenceId, string Field, string? Before, string? After);
