using System.ComponentModel;
using CiteWeb.Cli.Rendering;
using CiteWeb.Core.Checks;
using CiteWeb.Core.Diagnostics;
using CiteWeb.Core.Export;
using CiteWeb.Core.Model;
using CiteWeb.Core.Transforms;
using CiteWeb.Enrichment;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;
using Spectre.Console.Cli;

namespace CiteWeb.Cli.Commands;

public sealed class RunSettings : NetworkSettings
{
    [CommandArgument(0, "[DIR]")]
    [Description("Folder of bibliographies (default: bib)")]
    public string Directory { get; init; } = "bib";

    [CommandOption("--workspace <DIR>")]
    [Description("Where results go: export/ and reports/ (index.html, the check and link reports). Default: index")]
    [DefaultValue("index")]
    public string Workspace { get; init; } = "index";

}

/// <summary>
/// <c>citeweb run</c>: the main job over a folder, one method a stage: parse, clean and export every bibliography
/// under DIR (manuscripts/ excepted) to WORKSPACE/export/; check every manuscript; check every link (online when the
/// network answers, promptly unchecked when it does not) with an archived copy for those that are not ok; draw the
/// co-citation network; write WORKSPACE/reports/index.html; print the closing summary.
/// </summary>
public sealed class RunCommand(CliIO io) : AsyncCommand<RunSettings>
{
    private sealed record FileResult(string File, string Format, int References, int Errors, int Warnings, int Changes, string Note, RunBibliography? Bibliography);

    public override async Task<int> ExecuteAsync(CommandContext context, RunSettings settings, CancellationToken cancellationToken)
    {
        var dir = io.Resolve(settings.Directory);
        if (!System.IO.Directory.Exists(dir)) throw new UserError($"{settings.Directory}: no such folder");
        var workspace = io.Resolve(settings.Workspace);
        var reportDir = Path.Combine(workspace, "reports");
        var files = InputFiles.BibliographiesIn(dir);

        var results = await ParseStage(files, Path.Combine(workspace, "export"), cancellationToken);
        var checks = CheckManuscripts(dir, files, reportDir);
        var bibliographies = results.Select(r => r.Bibliography).OfType<RunBibliography>().ToList();
        IndexStage(settings.Directory, Path.Combine(settings.Workspace, "lucene"), cancellationToken);
        var links = await LinkStage(bibliographies, reportDir, settings, Path.Combine(workspace, "cache"), cancellationToken);
        var report = new RunReport(DateTimeOffset.UtcNow, Path.GetRelativePath(io.WorkingDirectory, dir), bibliographies, checks, links);
        report = NetworkStage(report);
        WriteReport(report, reportDir);
        PrintSummary(report, reportDir);

        bool problems = results.Any(r => r.Errors > 0) || report.Summary.Inconsistencies > 0 || report.Summary.DeadLinks > 0;
        return problems ? ExitCodes.Problems : ExitCodes.Success;
    }

    /// <summary>Parses, cleans and exports every file, then prints the table of files and the count line.</summary>
    private async Task<List<FileResult>> ParseStage(List<string> files, string exportDir, CancellationToken cancellationToken)
    {
        // A printed list and a structured file of the same name are one bibliography (the essay's works cited and
        // its reviewed .bib): both are read, the structured one is exported.
        var structured = InputFiles.StructuredTwins(files);
        var results = new List<FileResult>();
        await StageProgress.RunAsync(io, "parse, clean, export", files.Count, progress =>
        {
            foreach (var file in files)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var display = Path.GetRelativePath(io.WorkingDirectory, file);
                var stem = InputFiles.StemOf(file);
                string? exportedAs = InputFiles.FormatOf(file) == "text" && structured.TryGetValue(stem, out var twin) ? twin : null;
                results.Add(ProcessFile(file, display, exportDir, exportedAs));
                progress.Report(results.Count);
            }
            return Task.FromResult(results);
        }, done => $"run: {done}/{files.Count} {Path.GetRelativePath(io.WorkingDirectory, files[done - 1])}");

        var table = new Table().Border(TableBorder.Rounded).Title("citeweb run")
            .AddColumn("file").AddColumn("format").AddColumn(new TableColumn("refs").RightAligned())
            .AddColumn(new TableColumn("errors").RightAligned()).AddColumn(new TableColumn("warnings").RightAligned())
            .AddColumn(new TableColumn("cleanups").RightAligned()).AddColumn("note");
        foreach (var r in results)
            table.AddRow(Markup.Escape(r.File), r.Format, r.References.ToString(), r.Errors.ToString(), r.Warnings.ToString(), r.Changes.ToString(), Markup.Escape(r.Note));
        io.OutConsole.Write(table);
        // A printed list beside its structured twin is one bibliography: it is counted once, as the twin.
        var counted = results.Where(r => r.Format != "?" && r.Bibliography?.PrintedTwinOf is null).ToList();
        io.OutConsole.WriteLine(
            $"{counted.Sum(r => r.References)} references in {counted.Count} bibliographies, {results.Sum(r => r.Errors)} errors, " +
            $"{results.Sum(r => r.Warnings)} warnings; exports in {Path.GetRelativePath(io.WorkingDirectory, exportDir)}");
        return results;
    }

    /// <summary>The Lucene index of the folder under WORKSPACE/lucene, brought up to date (unchanged files skipped), so
    /// that search, cocite and graph answer over what run just read.</summary>
    private void IndexStage(string dir, string index, CancellationToken cancellationToken) =>
        new IndexCommand(io).Update([dir], index, batchSize: 64, printDiagnostics: false, cancellationToken);

    /// <summary>
    /// Checks every link of the bibliographies that count (a printed twin's links are its structured twin's), looks up
    /// an archived copy near the access date for every link that is not ok, and writes WORKSPACE/reports/linkrot.json.
    /// Offline, or with no network, every link comes back unchecked at once.
    /// </summary>
    private async Task<IReadOnlyList<LinkCheck>> LinkStage(List<RunBibliography> bibliographies, string reportDir, RunSettings settings, string cache, CancellationToken cancellationToken)
    {
        var cited = bibliographies.Where(b => b.PrintedTwinOf is null)
            .SelectMany(b => b.Bibliography.References).Where(r => !string.IsNullOrWhiteSpace(r.Url)).ToList();
        using var provider = EnrichmentServices.Build(io, settings, cache);
        var results = await EnrichmentServices.CheckLinksAsync(io, provider, cited, "lookup", drift: false, cancellationToken);
        EnrichmentServices.ReportCache(io, provider);
        InputFiles.WriteAtomically(Path.Combine(reportDir, "linkrot.json"),
            s => s.Write(System.Text.Encoding.UTF8.GetBytes(LinkRotReport.Json(results, DateTimeOffset.UtcNow))));
        io.OutConsole.WriteLine(LinkRotReport.Summary(results));
        return results;
    }

    /// <summary>The co-citation network of the run's bibliographies, drawn as SVG for the report.</summary>
    private static RunReport NetworkStage(RunReport report)
    {
        var (svg, caption) = RunNetwork.Draw(RunNetwork.Corpus(report.Bibliographies));
        return report with { NetworkSvg = svg, NetworkCaption = caption };
    }

    /// <summary>Writes WORKSPACE/reports/index.html, the page a scholar opens.</summary>
    private static void WriteReport(RunReport report, string reportDir) =>
        InputFiles.WriteAtomically(Path.Combine(reportDir, "index.html"), s => s.Write(System.Text.Encoding.UTF8.GetBytes(RunReportHtml.Write(report))));

    /// <summary>The closing table and sentence: references, inconsistencies, dead links, archived copies, and where the report is.</summary>
    private void PrintSummary(RunReport report, string reportDir)
    {
        var s = report.Summary;
        var table = new Table().Border(TableBorder.Rounded).Title("summary")
            .AddColumn("").AddColumn(new TableColumn("").RightAligned()).HideHeaders();
        table.AddRow("references", $"{s.References:N0} in {s.Bibliographies} {(s.Bibliographies == 1 ? "bibliography" : "bibliographies")}");
        table.AddRow("inconsistencies", $"{s.Inconsistencies:N0} in {report.Checks.Count} {(report.Checks.Count == 1 ? "manuscript" : "manuscripts")}");
        table.AddRow("links dead", s.Links is { } n ? $"{s.DeadLinks:N0} of {n:N0}" + (s.UncheckedLinks > 0 ? $" ({s.UncheckedLinks:N0} not checked)" : "") : "not checked");
        table.AddRow("archived copies found", s.ArchivedCopies.ToString("N0"));
        table.AddRow("report", Markup.Escape(Path.GetRelativePath(io.WorkingDirectory, Path.Combine(reportDir, "index.html"))));
        io.OutConsole.Write(table);
        io.OutConsole.WriteLine(s + ".");
    }

    /// <summary>
    /// Checks every manuscript in DIR/manuscripts/ against the works-cited list of the same name (the printed list
    /// when there is one: it is what the author wrote), prints the findings, writes NAME.check.json and
    /// NAME.check.md to WORKSPACE/reports/, and returns the number of errors.
    /// </summary>
    private List<CheckReport> CheckManuscripts(string dir, List<string> files, string reportDir)
    {
        var manuscriptDir = Path.Combine(dir, "manuscripts");
        var reports = new List<CheckReport>();
        if (!System.IO.Directory.Exists(manuscriptDir)) return reports;
        foreach (var path in System.IO.Directory.EnumerateFiles(manuscriptDir).Where(f => Path.GetExtension(f).ToLowerInvariant() is ".txt" or ".md" or ".markdown" or ".tex" or ".docx").Order(StringComparer.Ordinal))
        {
            var stem = Path.GetFileNameWithoutExtension(path);
            var candidates = files.Where(f => Path.GetFileNameWithoutExtension(f) == stem).ToList();
            var listFile = candidates.FirstOrDefault(f => InputFiles.FormatOf(f) == "text") ?? candidates.FirstOrDefault();
            var display = Path.GetRelativePath(io.WorkingDirectory, path);
            if (listFile is null)
            {
                io.OutConsole.WriteLine($"{display}: no works-cited list named {stem}.* in {Path.GetRelativePath(io.WorkingDirectory, dir)}; not checked");
                continue;
            }
            var listDisplay = Path.GetRelativePath(io.WorkingDirectory, listFile);
            var report = CheckCatalogue.Run(CheckCommand.ReadManuscript(io, display), InputFiles.Read(io, listDisplay));
            foreach (var f in report.Findings) io.Error.WriteLine(f.ToString());
            var name = Path.GetFileNameWithoutExtension(path);
            InputFiles.WriteAtomically(Path.Combine(reportDir, name + ".check.json"), s => s.Write(System.Text.Encoding.UTF8.GetBytes(CheckCommand.Json(report))));
            InputFiles.WriteAtomically(Path.Combine(reportDir, name + ".check.md"), s => s.Write(System.Text.Encoding.UTF8.GetBytes(CheckCommand.Markdown(report))));
            int e = report.Findings.Count(f => f.Severity == Severity.Error);
            reports.Add(report);
            io.OutConsole.WriteLine($"{display} against {listDisplay}: {report.Citations.Count} citations, {e} errors, " +
                $"{report.Findings.Count(f => f.Severity == Severity.Warning)} warnings, {report.Findings.Count(f => f.Severity == Severity.Info)} info; " +
                $"report in {Path.GetRelativePath(io.WorkingDirectory, Path.Combine(reportDir, name + ".check.md"))}");
        }
        return reports;
    }

    private FileResult ProcessFile(string file, string display, string exportDir, string? exportedAs)
    {
        Bibliography b;
        try { b = InputFiles.Read(io, display); }
        catch (UserError e)
        {
            var message = e.Message.StartsWith(display + ": ", StringComparison.Ordinal) ? e.Message[(display.Length + 2)..] : e.Message;
            DiagnosticPrinter.Print(io, [new Diagnostic(DiagnosticCodes.UnreadableFile, Severity.Error, message, new SourceSpan(display, 1, 1))]);
            return new FileResult(display, "?", 0, 1, 0, 0, "unreadable", null);
        }
        var context = new TransformContext();
        var cleaned = b.References.Select(r => r.Clone()).ToList();
        var changes = new Cleaner().Run(cleaned, context);
        var diagnostics = b.Diagnostics.Concat(context.Diagnostics).ToList();
        DiagnosticPrinter.Print(io, diagnostics);
        var name = Path.GetFileNameWithoutExtension(file);
        string note = b.Style is { } style ? $"read as {style}" : "";
        if (exportedAs is null)
        {
            foreach (var format in new[] { "bibtex", "biblatex", "csl-json" })
                InputFiles.WriteAtomically(Path.Combine(exportDir, name + Exporter.Extension(format)), s => Exporter.Write(format, cleaned, s, preambles: b.Preambles));
        }
        var bibliography = new RunBibliography(display, b, note, exportedAs) { Diagnostics = diagnostics };
        if (exportedAs is not null) note = (note.Length > 0 ? note + "; " : "") + $"printed form of {exportedAs}, which is exported";
        return new FileResult(display, b.Format, b.References.Count,
            diagnostics.Count(d => d.Severity == Severity.Error), diagnostics.Count(d => d.Severity == Severity.Warning), changes.Count, note, bibliography);
    }

}
