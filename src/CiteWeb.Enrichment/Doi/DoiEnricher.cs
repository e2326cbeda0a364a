using CiteWeb.Core.Diagnostics;
using CiteWeb.Core.Model;
using CiteWeb.Core.Transforms;

namespace CiteWeb.Enrichment;

/// <summary>What enriching a list did: the DOIs attached (as changes), a diagnostic per change and per candidate
/// worth a look, and how many references could not be looked up (offline, no network).</summary>
public sealed record DoiEnrichment(IReadOnlyList<FieldChange> Changes, IReadOnlyList<Diagnostic> Diagnostics, int Unchecked);

/// <summary>
/// The DOI part of <c>citeweb enrich</c>: a reference with a DOI has it validated (CW603 malformed, CW602 not
/// registered); one without is matched through Crossref and gets a DOI only when the match is sure (CW600),
/// otherwise its near candidates are reported with their scores (CW601). References are changed in place; the
/// changes are returned.
/// </summary>
public sealed class DoiEnricher(DoiService dois)
{
    public const string TransformName = "enrich-doi";

    /// <summary>Lookups in flight at once; Crossref's own gate holds its list queries to three.</summary>
    private const int Parallelism = 4;

    public async Task<DoiEnrichment> EnrichAsync(IReadOnlyList<Reference> references, IProgress<int>? progress, CancellationToken ct)
    {
        var found = new (FieldChange? Change, List<Diagnostic> Diagnostics, bool Unchecked)[references.Count];
        var done = 0;
        await Parallel.ForEachAsync(Enumerable.Range(0, references.Count), new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = ct },
            async (i, token) =>
            {
                found[i] = await OneAsync(references[i], token).ConfigureAwait(false);
                progress?.Report(Interlocked.Increment(ref done));
            }).ConfigureAwait(false);
        // Applied in input order once all are known, so the output does not depend on which answer came first.
        var changes = new List<FieldChange>();
        for (int i = 0; i < found.Length; i++)
            if (found[i].Change is { } c)
            {
                references[i].Doi = c.After;
                changes.Add(c);
            }
        return new DoiEnrichment(changes, found.SelectMany(f => f.Diagnostics).ToList(), found.Count(f => f.Unchecked));
    }

    private async Task<(FieldChange?, List<Diagnostic>, bool)> OneAsync(Reference r, CancellationToken ct)
    {
        var at = r.Source ?? new SourceSpan(r.Id, 0, 0);
        var diagnostics = new List<Diagnostic>();
        Diagnostic Info(string code, string message) => new(code, Severity.Info, message, at);
        if (!string.IsNullOrWhiteSpace(r.Doi))
        {
            var v = await dois.ValidateAsync(r.Doi, ct).ConfigureAwait(false);
            if (v.Status == DoiStatus.Malformed) diagnostics.Add(new(DiagnosticCodes.DoiMalformed, Severity.Warning, $"'{r.Doi}' in '{r.Id}' is not a DOI (10.prefix/suffix)", at));
            if (v.Status == DoiStatus.NotRegistered) diagnostics.Add(new(DiagnosticCodes.DoiNotRegistered, Severity.Warning, $"the DOI {DoiBare.Bare(r.Doi)} of '{r.Id}' is not registered at the resolver", at));
            return (null, diagnostics, v.Status == DoiStatus.Unchecked);
        }
        var m = await dois.MatchAsync(r, ct).ConfigureAwait(false);
        foreach (var c in m.Candidates)
            diagnostics.Add(Info(DiagnosticCodes.DoiCandidate, $"'{r.Id}': candidate {c.Doi} (score {c.Score:0.00}: {c.Why}) not attached" + (c.Title is null ? "" : $" — \"{c.Title}\"")));
        if (m.Doi is null) return (null, diagnostics, !m.Checked && !string.IsNullOrWhiteSpace(r.Title));
        diagnostics.Insert(0, Info(DiagnosticCodes.DoiAttached, $"'{r.Id}': DOI {m.Doi} attached (score {m.Score:0.00})"));
        return (new FieldChange(TransformName, r.Id, Csl.Doi, null, m.Doi), diagnostics, false);
    }
}
