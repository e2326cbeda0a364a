using CiteWeb.Core.Diagnostics;

namespace CiteWeb.Core.Parsing.BibTex;

/// <summary>
/// Resolves <c>xdata</c> and <c>crossref</c> the way biber does by default: an entry takes every field it lacks
/// from the entries it names; from a crossref parent, a book's or collection's <c>title</c> becomes the child's
/// <c>booktitle</c> (a periodical's becomes <c>journaltitle</c>), and fields that identify the parent itself
/// are not inherited. Chains are followed to a bounded depth, and loops are reported, never followed forever.
/// </summary>
internal sealed class BibTexInheritance(
    string text, LineMap lines, List<Diagnostic> diagnostics, BibTexReaderOptions options)
{
    private static readonly HashSet<string> NotInherited = new(StringComparer.Ordinal)
    {
        "ids", "crossref", "xref", "xdata", "entryset", "entrysubtype", "execute", "label", "options", "presort",
        "related", "relatedoptions", "relatedstring", "relatedtype", "shorthand", "shorthandintro", "sortkey", "key",
    };

    private static readonly HashSet<string> BookParents = new(StringComparer.OrdinalIgnoreCase)
    { "book", "mvbook", "collection", "mvcollection", "proceedings", "mvproceedings", "reference", "mvreference" };

    private static readonly HashSet<string> ContainedTypes = new(StringComparer.OrdinalIgnoreCase)
    { "inbook", "bookinbook", "suppbook", "incollection", "suppcollection", "inproceedings", "conference", "inreference" };

    private readonly Dictionary<RawEntry, int> _state = [];

    public void Resolve(List<RawEntry> entries, Dictionary<string, RawEntry> byKey)
    {
        foreach (var e in entries)
            if (e.Has("xdata") || e.Has("crossref")) Resolve(e, byKey, 0);
    }

    // 0 = unvisited, 1 = resolving (on the stack), 2 = done.
    private void Resolve(RawEntry entry, Dictionary<string, RawEntry> byKey, int depth)
    {
        if (_state.GetValueOrDefault(entry) == 2) return;
        _state[entry] = 1;
        int xdata = entry.IndexOf("xdata");
        if (xdata >= 0)
        {
            var keys = entry.Field(xdata).Value(text);
            foreach (var range in keys.Split(','))
            {
                var key = keys[range].Trim().ToString();
                if (key.Length == 0) continue;
                if (Parent(entry, key, "xdata", byKey, depth) is { } source) Inherit(entry, source, mapTitles: false);
            }
        }
        int crossref = entry.IndexOf("crossref");
        if (crossref >= 0)
        {
            var key = entry.Field(crossref).Value(text).Trim().ToString();
            if (key.Length > 0 && Parent(entry, key, "crossref", byKey, depth) is { } parent)
                Inherit(entry, parent, mapTitles: true);
        }
        _state[entry] = 2;
    }

    private RawEntry? Parent(RawEntry child, string key, string field, Dictionary<string, RawEntry> byKey, int depth)
    {
        if (!byKey.TryGetValue(key, out var parent))
        {
            Report(DiagnosticCodes.CrossrefMissing, Severity.Warning, child, $"{field} '{key}' of entry '{child.Key}' is not in this file");
            return null;
        }
        var state = _state.GetValueOrDefault(parent);
        if (state == 1 || depth >= options.MaxInheritanceDepth || ReferenceEquals(parent, child))
        {
            Report(DiagnosticCodes.CrossrefCycle, Severity.Error, child, $"{field} '{key}' of entry '{child.Key}' leads back to itself; not followed");
            return null;
        }
        if (state == 0 && (parent.Has("xdata") || parent.Has("crossref"))) Resolve(parent, byKey, depth + 1);
        return parent;
    }

    private void Inherit(RawEntry child, RawEntry parent, bool mapTitles)
    {
        bool intoContainer = mapTitles && ContainedTypes.Contains(child.Type) && BookParents.Contains(parent.Type);
        bool intoJournal = mapTitles && child.Type == "article" && parent.Type == "periodical";
        for (int i = 0; i < parent.FieldCount; i++)
        {
            var field = parent.Field(i);
            if (NotInherited.Contains(field.Name)) continue;
            var name = field.Name;
            if (intoContainer || intoJournal)
            {
                string prefix = intoJournal ? "journal" : "book";
                name = name switch
                {
                    "title" => intoJournal ? "journaltitle" : "booktitle",
                    "subtitle" => prefix + "subtitle",
                    "titleaddon" => prefix + "titleaddon",
                    "shorttitle" or "sorttitle" or "indextitle" or "indexsorttitle" => "",
                    "author" when intoContainer => child.Has("author") ? "bookauthor" : "author",
                    _ => name,
                };
                if (name.Length == 0) continue;
                name = BibTexVocabulary.InternField(name);
                // BibTeX-style parents carry booktitle themselves; do not let it be shadowed by the mapped title.
                if (name == "booktitle" && field.Name == "title" && parent.Has("booktitle")) continue;
            }
            if (!child.Has(name)) child.Inherit(field.Renamed(name));
        }
    }

    private void Report(string code, Severity severity, RawEntry entry, string message) =>
        diagnostics.Add(new Diagnostic(code, severity, message, lines.At(entry.Start)));
}
