using System.Globalization;
using CiteWeb.Core.Model;

namespace CiteWeb.Core.Export;

/// <summary>
/// What <c>citeweb enrich</c> writes back into a record about its link, in the fields each format keeps:
/// <list type="bullet">
/// <item>CSL-JSON: <c>custom.link</c>, the link as <c>citeweb linkrot --format json</c> reports it (url, status,
/// httpStatus, finalUrl, redirects, drift, checkedAt, elapsedMs, detail), and <c>custom.archive</c>
/// <c>{url, timestamp, source}</c> when an archived copy was found.</item>
/// <item>BibTeX and BibLaTeX: the archived copy in the manner of Robust Links (<c>data-versionurl</c>,
/// <c>data-versiondate</c>): <c>versionurl</c>, <c>versiondate</c> (ISO 8601) and <c>versionsource</c>; the check in
/// <c>linkstatus</c> (the status word), <c>linkchecked</c> (ISO 8601), <c>linkfinalurl</c> (where a redirect led)
/// and <c>linkdrift</c> (the similarity to the snapshot). BibTeX and biber ignore fields they do not know, and
/// CiteWeb's reader keeps them.</item>
/// <item>Every format: a live link (ok or redirected) of a record without an access date gets the day it was checked
/// as its access date (<c>accessed</c>, BibLaTeX <c>urldate</c>).</item>
/// </list>
/// What an earlier enrichment wrote in either form is replaced, so a record carries one account of its link.
/// </summary>
public static class LinkWriteBack
{
    public const string Link = "link", Archive = "archive";
    public const string VersionUrl = "versionurl", VersionDate = "versiondate", VersionSource = "versionsource";
    public const string Status = "linkstatus", Checked = "linkchecked", FinalUrl = "linkfinalurl", Drift = "linkdrift";

    private static readonly string[] AllKeys = [Link, Archive, VersionUrl, VersionDate, VersionSource, Status, Checked, FinalUrl, Drift];

    /// <summary>Writes <paramref name="check"/> into <paramref name="reference"/> for <paramref name="format"/>
    /// (csl-json, bibtex, biblatex; any other gets the BibTeX fields).</summary>
    public static void Attach(Reference reference, LinkCheck check, string format)
    {
        foreach (var key in AllKeys) reference.Custom[key] = null;
        if (format == "csl-json")
        {
            reference.Custom[Link] = LinkRotReport.LinkObject(check);
            if (check.Archive is { } a) reference.Custom[Archive] = LinkRotReport.ArchiveObject(a);
        }
        else
        {
            reference.Custom[Status] = LinkStatuses.Name(check.Status);
            if (check.CheckedAt != default) reference.Custom[Checked] = LinkRotReport.IsoTime(check.CheckedAt.ToUniversalTime());
            if (check.FinalUrl is { } final) reference.Custom[FinalUrl] = final;
            if (check.DriftSimilarity is { } s && double.IsFinite(s)) reference.Custom[Drift] = s.ToString("0.###", CultureInfo.InvariantCulture);
            if (check.Archive is { } a)
            {
                reference.Custom[VersionUrl] = a.Url;
                reference.Custom[VersionDate] = LinkRotReport.IsoTime(a.Timestamp.ToUniversalTime());
                reference.Custom[VersionSource] = a.Source;
            }
        }
        if (check.Status is LinkStatus.Ok or LinkStatus.Redirected && check.CheckedAt != default && !reference.Dates.ContainsKey(Csl.Accessed))
        {
            var day = check.CheckedAt.UtcDateTime;
            reference.Dates[Csl.Accessed] = PartialDate.FromYear(day.Year, day.Month, day.Day);
        }
    }
}
