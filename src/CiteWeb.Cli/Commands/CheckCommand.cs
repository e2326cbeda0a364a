using System.ComponentModel;
using System.Text;
using System.Text.Json;
using CiteWeb.Core.Checks;
using CiteWeb.Core.Diagnostics;
using CiteWeb.Core.Export;
using CiteWeb.Core.Manuscripts;
using CiteWeb.Core.Model;
using Spectre.Console;
using Spectre.Console.Cli;

namespace CiteWeb.Cli.Commands;

public sealed class CheckSettings : CommandSettings
{
    [CommandOption("--works-cited <FILE>")]
    [Description("The works-cited list: a printed list (.txt, .md) or .bib, .json (CSL-JSON), .ris")]
    public string? WorksCited { get; init; }

    [CommandOption("--manuscript <FILE>")]
    [Description("The manuscript: .txt, .md, .tex or .docx (its own reference section, if any, is not read as body)")]
    public string? Manuscript { get; init; }

    [CommandOption("--format <FORMAT>")]
    [Description("Output: text (file:line:column: severity CODE: message), json, markdown")]
    [DefaultValue("text")]
    public string Format { get; init; } = "text";

    [CommandOption("--ignore <CODE>")]
    [Description("A check to leave out (repeatable): --ignore CW006 --ignore CW013")]
    public string[] Ignore { get; init; } = [];

    public override ValidationResult Validate()
    {
        if (WorksCited is null || Manuscript is null) return ValidationResult.Error("--works-cited and --manuscript are both required");
        if (Format is not ("text" or "json" or "markdown")) return ValidationResult.Error($"--format must be text, json or markdown, not '{Format}'");
        foreach (var code in Ignore)
            if (!CheckCatalogue.All.Any(c => c.Code.Equals(code, StringComparison.OrdinalIgnoreCase)))
                return ValidationResult.Error($"--ignore: no check '{code}' (checks: {string.Join(", ", CheckCatalogue.All.Select(c => c.Code))})");
        return ValidationResult.Success();
    }
}

/// <summary>
/// <c>citeweb check</c>: a manuscript's in-text citations against its works-cited list. Findings are the data
/// (stdout); exit code 1 when any is an error.
/// </summary>
public sealed class CheckCommand(CliIO io) : Command<CheckSettings>
{
    public override int Execute(CommandContext context, CheckSettings settings, CancellationToken cancellationToken)
    {
        var list = InputFiles.Read(io, settings.WorksCited!);
        var manuscript = ReadManuscript(io, settings.Manuscript!);
        Rendering.DiagnosticPrinter.Print(io, list.Diagnostics.Where(d => d.Severity == Severity.Error));
        var report = CheckCatalogue.Run(manuscript, list, settings.Ignore);
        io.Out.Write(settings.Format switch
        {
            "json" => Json(report),
            "markdown" => Markdown(report),
            _ => Text(report),
        });
        int errors = report.Findings.Count(f => f.Severity == Severity.Error);
        io.Error.WriteLine($"{report.Citations.Count} citations, {list.References.Count} entries: {errors} error(s), " +
            $"{report.Findings.Count(f => f.Severity == Severity.Warning)} warning(s), {report.Findings.Count(f => f.Severity == Severity.Info)} info");
        return errors > 0 ? ExitCodes.Problems : ExitCodes.Success;
    }

    public static Manuscript ReadManuscript(CliIO io, string path)
    {
        var full = io.Resolve(path);
        if (!File.Exists(full)) throw new UserError($"{path}: no such file");
        if (ManuscriptReader.FormatOf(full) == "docx")
        {
            try
            {
                using var stream = File.OpenRead(full);
                return CiteWeb.Docx.DocxManuscriptReader.Read(stream, path);
            }
            catch (CiteWeb.Docx.DocxReadException e) { throw new UserError(e.Message); }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException) { throw new UserError($"{path}: cannot read: {e.Message}"); }
        }
        byte[] bytes;
        try { bytes = File.ReadAllBytes(full); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { throw new UserError($"{path}: cannot read: {e.Message}"); }
        var decoded = Core.Parsing.TextDecoding.Decode(bytes, path);
        var manuscript = ManuscriptReader.Read(decoded.Text, path);
        manuscript.Diagnostics.AddRange(decoded.Diagnostics);
        return manuscript;
    }

    public static string Text(CheckReport report)
    {
        var sb = new StringBuilder();
        foreach (var f in report.Findings)
        {
            sb.Append(f.ToDiagnostic());
            if (f.Suggestion is { } s && !f.Message.Contains(s, StringComparison.Ordinal)) sb.Append(" (suggestion: ").Append(s).Append(')');
            sb.Append('\n');
        }
        return sb.ToString();
    }

    public static string Json(CheckReport report)
    {
        var doc = new
        {
            manuscript = report.Manuscript.File,
            worksCited = report.WorksCited.Source,
            citations = report.Citations.Count,
            diagnostics = report.Findings.Select(f => new
            {
                code = f.Code,
                severity = Diagnostic.SeverityName(f.Severity),
                message = f.Message,
                file = f.Span.File,
                line = f.Span.Line,
                column = f.Span.Column,
                citation = f.Citation,
                entry = f.Entry,
                suggestion = f.Suggestion,
            }),
            summary = new
            {
                error = report.Findings.Count(f => f.Severity == Severity.Error),
                warning = report.Findings.Count(f => f.Severity == Severity.Warning),
                info = report.Findings.Count(f => f.Severity == Severity.Info),
            },
        };
        return JsonSerializer.Serialize(doc, JsonOptions) + "\n";
    }

    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        WriteIndented = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>A table to paste into an issue or a chat with co-authors; every cell escaped for Markdown.</summary>
    public static string Markdown(CheckReport report)
    {
        var sb = new StringBuilder();
        sb.Append("# Citation check: ").Append(MarkdownText.Escape(report.Manuscript.File)).Append('\n').Append('\n');
        sb.Append(report.Citations.Count).Append(" citations checked against ").Append(report.WorksCited.References.Count)
            .Append(" entries of ").Append(MarkdownText.Escape(report.WorksCited.Source)).Append(".\n\n");
        sb.Append("| where | severity | code | finding | suggestion |\n|---|---|---|---|---|\n");
        foreach (var f in report.Findings)
            sb.Append("| ").Append(MarkdownText.Escape($"{f.Span.File}:{f.Span.Line}:{f.Span.Column}")).Append(" | ").Append(Diagnostic.SeverityName(f.Severity))
                .Append(" | ").Append(f.Code).Append(" | ").Append(MarkdownText.Escape(f.Message)).Append(" | ").Append(MarkdownText.Escape(f.Suggestion ?? "")).Append(" |\n");
        return sb.ToString();
    }
}
