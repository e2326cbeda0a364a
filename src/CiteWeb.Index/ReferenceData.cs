using System.Text.Json;
using System.Text.Json.Serialization;
using CiteWeb.Core.Model;
using CiteWeb.Core.Text;
using CiteWeb.Core.Works;

namespace CiteWeb.Index;

/// <summary>What the index keeps of one reference: enough to rebuild its work, show it as a variant and search it.
/// Stored as one compact JSON value per reference document (one stored field reads faster than fifteen).</summary>
internal sealed record ReferenceData(
    string Key, string Type, string? Title, string[] Authors, int? Year, string? Container,
    string? Publisher, string? Doi, string? Url, string? Note, string? Raw,
    string Family, string TitleKey, bool IsPart, string Fallback)
{
    public WorkFeatures Features => new(WorkIdentity.NormaliseDoi(Doi), Family, Year, TitleKey, IsPart, Fallback);

    public static ReferenceData From(Reference r)
    {
        var f = WorkIdentity.Of(r);
        var creators = r.Creators.Where(n => !n.IsOthers).ToList();
        return new ReferenceData(r.Id, r.Type, Plain(r.Title), [.. creators.Select(Display)],
            r.Issued?.Year, Plain(r.ContainerTitle), Plain(r.Publisher), r.Doi, r.Url, Plain(r[Csl.Note]), r.Raw,
            f.Family, f.TitleKey, f.IsPart, f.Fallback);
    }

    /// <summary>"Crawford, Kate"; an organisation as printed.</summary>
    public static string Display(PersonName n) => n.Literal ?? (string.IsNullOrEmpty(n.Given) ? n.FamilyWithParticles : n.FamilyWithParticles + ", " + n.Given);

    private static string? Plain(string? s) => s is null ? null : s.Contains('<') ? RichText.ToPlain(s) : s;

    public string ToJson() => JsonSerializer.Serialize(this, IndexJson.Default.ReferenceData);
    public static ReferenceData FromJson(string json) => JsonSerializer.Deserialize(json, IndexJson.Default.ReferenceData)!;
}

/// <summary>A variant of a work as <c>works --duplicates</c> shows it.</summary>
public sealed record WorkVariant(string Bibliography, string Key, string? Title, string Authors, int? Year, string Type);

[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(ReferenceData))]
[JsonSerializable(typeof(List<WorkVariant>))]
[JsonSerializable(typeof(List<string>))]
internal sealed partial class IndexJson : JsonSerializerContext;
