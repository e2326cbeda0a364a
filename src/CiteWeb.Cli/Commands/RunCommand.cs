using System.ComponentModel;
using CiteWeb.Cli.Rendering;
using CiteWeb.Core.Diagnostics;
using CiteWeb.Core.Export;
using CiteWeb.Core.Model;
using CiteWeb.Core.Transforms;
using Spectre.Console;
using Spectre.Console.Cli;

namespace CiteWeb.Cli.Commands;

public sealed class RunSettings : CommandSettings
{
    [CommandArgument(0, "[DIR]")]
    [Description("Folder of bibliographies (default: bib)")]
    public string Directory { get; init; } = "bib";

    [CommandOption("--workspace <DIR>")]
    [Description("Where results go: export/ (and later lucene/, reports/). Default: index")]
    [DefaultValue("index")]
    public string Workspace { get; init; } = "index";
}

/// <summary>
/// <c>citeweb run</c>: the main job over a folder. For now: parse every bibliography under DIR (manuscripts/
/// excepted), clean it, and write BibTeX, BibLaTeX and CSL-JSON exports to WORKSPACE/export/.
/// </summary>
public sealed class RunCommand(CliIO io) : Command<RunSettings>
{
    private sealed record FileResult(string File, string Format, int References, int Errors, int Warnings, int Changes, string Note);

    public override int Execute(CommandContext context, RunSettings settings, CancellationToken cancellationToken)
    {
        var dir = io.Resolve(settings.Directory);
        if (!System.IO.Directory.Exists(dir)) throw new UserError($"{settings.Directory}: no such folder");
        var files = InputFiles.BibliographiesIn(dir);
        var exportDir = Path.Combine(io.Resolve(settings.Workspace), "export");
        var results = new List<FileResult>();

        // A printed list and a structured file of the same name are one bibliography (the essay's works cited and
        // its reviewed .bib): both are read, the structured one is exported.
        var structured = InputFiles.StructuredTwins(files);

        void Process(string file, Action? step)
        {
            var display = Path.GetRelativePath(io.WorkingDirectory, file);
            var stem = InputFiles.StemOf(file);
            string? exportedAs = InputFiles.FormatOf(file) == "text" && structured.TryGetValue(stem, out var twin) ? twin : null;
            results.Add(ProcessFile(file, display, exportDir, exportedAs));
            step?.Invoke();
        }

        if (io.Interactive)
        {
            io.ErrorConsole.Progress().Start(ctx =>
            {
                var task = ctx.AddTask("parse, clean, export", maxValue: Math.Max(1, files.Count));
                foreach (var f in files) { cancellationToken.ThrowIfCancellationRequested(); Process(f, () => task.Increment(1)); }
            });
        }
        else
        {
            foreach (var f in files)
            {
                cancellationToken.ThrowIfCancellationRequested();
                Process(f, null);
                io.Error.WriteLine($"run: {results.Count}/{files.Count} {Path.GetRelativePath(io.WorkingDirectory, f)}");
            }
        }

        var table = new Table().Border(TableBorder.Rounded).Title("citeweb run")
            .AddColumn("file").AddColumn("format").AddColumn(new TableColumn("refs").RightAligned())
            .AddColumn(new TableColumn("errors").RightAligned()).AddColumn(new TableColumn("warnings").RightAligned())
            .AddColumn(new TableColumn("cleanups").RightAligned()).AddColumn("note");
        foreach (var r in results)
            table.AddRow(Markup.Escape(r.File), r.Format, r.References.ToString(), r.Errors.ToString(), r.Warnings.ToString(), r.Changes.ToString(), Markup.Escape(r.Note));
        io.OutConsole.Write(table);
        // A printed list beside its structured twin is one bibliography: it is counted once, as the twin.
        var counted = results.Where(r => r.Format != "?" && !r.Note.Contains("printed form of", StringComparison.Ordinal)).ToList();
        io.OutConsole.WriteLine(
            $"{counted.Sum(r => r.References)} references in {counted.Count} bibliographies, {results.Sum(r => r.Errors)} errors, " +
            $"{results.Sum(r => r.Warnings)} warnings; exports in {Path.GetRelativePath(io.WorkingDirectory, exportDir)}");
        int checkErrors = CheckManuscripts(dir, files, Path.Combine(io.Resolve(settings.Workspace), "reports"));
        return results.Any(r => r.Errors > 0) || checkErrors > 0 ? ExitCodes.Problems : ExitCodes.Success;
    }

    /// <summary>
    /// Checks every manuscript in DIR/manuscripts/ against the works-cited list of the same name (the printed list
    /// when there is one: it is what the author wrote), prints the findings, writes NAME.check.json and
    /// NAME.check.md to WORKSPACE/reports/, and returns the number of errors.
    /// </summary>
    private int CheckManuscripts(string dir, List<string> files, string reportDir)
    {
        var manuscriptDir = Path.Combine(dir, "manuscripts");
        if (!System.IO.Directory.Exists(manuscriptDir)) return 0;
        int errors = 0;
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
            var report = Core.Checks.CheckCatalogue.Run(CheckCommand.ReadManuscript(io, display), InputFiles.Read(io, listDisplay));
            foreach (var f in report.Findings) io.Error.WriteLine(f.ToString());
            var name = Path.GetFileNameWithoutExtension(path);
            InputFiles.WriteAtomically(Path.Combine(reportDir, name + ".check.json"), s => s.Write(System.Text.Encoding.UTF8.GetBytes(CheckCommand.Json(report))));
            InputFiles.WriteAtomically(Path.Combine(reportDir, name + ".check.md"), s => s.Write(System.Text.Encoding.UTF8.GetBytes(CheckCommand.Markdown(report))));
            int e = report.Findings.Count(f => f.Severity == Severity.Error);
            errors += e;
            io.OutConsole.WriteLine($"{display} against {listDisplay}: {report.Citations.Count} citations, {e} errors, " +
                $"{report.Findings.Count(f => f.Severity == Severity.Warning)} warnings, {report.Findings.Count(f => f.Severity == Severity.Info)} info; " +
                $"report in {Path.GetRelativePath(io.WorkingDirectory, Path.Combine(reportDir, name + ".check.md"))}");
        }
        return errors;
    }

    private FileResult ProcessFile(string file, string display, string exportDir, string? exportedAs)
    {
        Bibliography b;
        try { b = InputFiles.Read(io, display); }
        catch (UserError e)
        {
            var message = e.Message.StartsWith(display + ": ", StringComparison.Ordinal) ? e.Message[(display.Length + 2)..] : e.Message;
            DiagnosticPrinter.Print(io, [new Diagnostic(DiagnosticCodes.UnreadableFile, Severity.Error, message, new SourceSpan(display, 1, 1))]);
            return new FileResult(display, "?", 0, 1, 0, 0, "unreadable");
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
        else note = (note.Length > 0 ? note + "; " : "") + $"printed form of {exportedAs}, which is exported";
        return new FileResult(display, b.Format, b.References.Count,
            diagnostics.Count(d => d.Severity == Severity.Error), diagnostics.Count(d => d.Severity == Severity.Warning), changes.Count, note);
    }

}
