using System.Security.Cryptography;
using System.Text.Json.Nodes;

namespace CiteWeb.Cli.Tests;

public sealed class ParseCommandTests
{
    [Fact]
    public void Csl_json_goes_to_stdout_and_diagnostics_to_stderr()
    {
        using var cli = new CliRunner();
        cli.Write("refs.bib", "@misc{a, title = {A}}\n@misc{a, title = {B}}\n");
        var (exit, stdout, stderr) = cli.Run("parse", "refs.bib", "--format", "csl-json");
        Assert.Equal(1, exit);
        var items = JsonNode.Parse(stdout)!.AsArray();
        Assert.Equal(["a", "a-2"], items.Select(i => (string)i!["id"]!));
        Assert.Equal("refs.bib:2:1: error CW113: duplicate key 'a' (first at line 1); this entry is kept as 'a-2'", stderr.Trim());
    }

    [Fact]
    public void Table_lists_the_references()
    {
        using var cli = new CliRunner();
        cli.CopyCorpus("lim-2019-machines-gone-wrong-bias-i.bib");
        var (exit, stdout, stderr) = cli.Run("parse", "lim-2019-machines-gone-wrong-bias-i.bib");
        Assert.Equal(0, exit);
        Assert.Contains("key", stdout);
        Assert.Equal(19 + 4, stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.Contains("19 references from 1 file(s), 0 error(s)", stderr);
    }

    [Fact]
    public void A_printed_works_cited_list_is_read_with_raw_text_position_and_confidence()
    {
        using var cli = new CliRunner();
        cli.Write("essay.txt", "An essay.\n\nWorks Cited\n\nTsing, Anna. “On Nonscalability.” Common Knowledge, vol. 18, no. 3, 2012, pp. 505-524.\n\n" +
            "Google AI. “Principles.” Google AI Official Website, 2023. https://ai.google/principles<.\n");
        var (exit, stdout, stderr) = cli.Run("parse", "essay.txt", "--format", "csl-json");
        Assert.Equal(0, exit);
        var items = JsonNode.Parse(stdout)!.AsArray();
        Assert.Equal(2, items.Count);
        var tsing = items[0]!;
        Assert.Equal("tsing2012nonscalability", (string?)tsing["id"]);
        Assert.Equal("article-journal", (string?)tsing["type"]);
        Assert.Equal("Common Knowledge", (string?)tsing["container-title"]);
        Assert.Equal("505-524", (string?)tsing["page"]);
        Assert.Equal(5, (int?)tsing["custom"]!["source"]!["line"]);
        Assert.StartsWith("Tsing, Anna.", (string?)tsing["custom"]!["raw"]);
        Assert.Equal("https://ai.google/principles", (string?)items[1]!["URL"]);
        Assert.Contains("https://ai.google/principles<", (string?)items[1]!["custom"]!["raw"]);
        Assert.Contains("essay.txt:7:", stderr);
        Assert.Contains("warning CW302: stray '<' at the end of the URL", stderr);
    }

    [Fact]
    public void The_table_of_a_printed_list_shows_confidence()
    {
        using var cli = new CliRunner();
        cli.Write("list.txt", "Abbate, J. (1999) *Inventing the Internet*. MIT Press.\nBenjamin, R. (2019) *Race After Technology*. Polity.\n");
        var (exit, stdout, stderr) = cli.Run("parse", "list.txt");
        Assert.Equal(0, exit);
        Assert.Contains("conf.", stdout);
        Assert.Contains("abbate1999inventing", stdout);
        Assert.Contains("2 references from 1 file(s)", stderr);
    }

    [Fact]
    public void An_unknown_style_is_bad_usage()
    {
        using var cli = new CliRunner();
        cli.Write("list.txt", "Abbate, J. (1999) *Inventing the Internet*. MIT Press.\n");
        var (exit, _, stderr) = cli.Run("parse", "list.txt", "--style", "vancouverish");
        Assert.Equal(2, exit);
        Assert.Contains("--style must be auto, mla, apa", stderr);
    }

    [Fact]
    public void A_missing_file_is_one_line_and_exit_2()
    {
        using var cli = new CliRunner();
        var (exit, stdout, stderr) = cli.Run("parse", "nope.bib");
        Assert.Equal(2, exit);
        Assert.Equal("", stdout);
        Assert.Equal("citeweb: nope.bib: no such file", stderr.Trim());
    }

    [Fact]
    public void An_unknown_option_value_is_bad_usage()
    {
        using var cli = new CliRunner();
        cli.Write("a.bib", "@misc{a, title={A}}");
        var (exit, _, stderr) = cli.Run("parse", "a.bib", "--format", "yaml");
        Assert.Equal(2, exit);
        Assert.Contains("--format must be table, csl-json, bibtex, biblatex or ris, not 'yaml'", stderr);
        Assert.DoesNotContain("   at ", stderr);
    }

    [Fact]
    public void An_unknown_command_is_bad_usage_without_a_stack_trace()
    {
        using var cli = new CliRunner();
        var (exit, _, stderr) = cli.Run("frobnicate");
        Assert.Equal(2, exit);
        Assert.StartsWith("citeweb: ", stderr);
        Assert.DoesNotContain("   at ", stderr);
    }

    [Fact]
    public void Help_lists_the_commands()
    {
        using var cli = new CliRunner();
        var (exit, stdout, _) = cli.Run("--help");
        Assert.Equal(0, exit);
        foreach (var command in new[] { "parse", "export", "run" }) Assert.Contains(command, stdout);
    }
}

public sealed class ExportCommandTests
{
    [Fact]
    public void Clean_export_to_a_file_rewrites_keys_and_never_touches_the_input()
    {
        using var cli = new CliRunner();
        var input = cli.CopyCorpus("fairlearn-docs-refs.bib");
        var hash = SHA256.HashData(File.ReadAllBytes(input));
        var (exit, _, stderr) = cli.Run("export", "fairlearn-docs-refs.bib", "--to", "biblatex", "--clean", "-o", "out/clean.bib");
        Assert.Equal(0, exit);
        Assert.Equal(hash, SHA256.HashData(File.ReadAllBytes(input)));
        var output = File.ReadAllText(Path.Combine(cli.Directory, "out", "clean.bib"));
        Assert.Contains("@inproceedings{agarwal2018reductions,", output);
        Assert.Contains("pages", output);
        Assert.Contains("{60--69}", output);
        Assert.Contains("91 references written to out/clean.bib", stderr);
    }

    [Fact]
    public void Dry_run_prints_changes_and_writes_nothing()
    {
        using var cli = new CliRunner();
        cli.Write("a.bib", "@article{x, author = {Noble, Safiya}, year = 2018, title = {Algorithms of Oppression}, pages = {1-10}, doi = {https://doi.org/10.1/abc}}");
        var (exit, stdout, _) = cli.Run("export", "a.bib", "--to", "bibtex", "--clean", "--dry-run", "-o", "out.bib");
        Assert.Equal(0, exit);
        Assert.Equal(
            [
                "x: doi: DOI: \"https://doi.org/10.1/abc\" -> \"10.1/abc\"",
                "x: pages: page: \"1-10\" -> \"1–10\"",
                "x: keys: id: \"x\" -> \"noble2018algorithms\"",
            ],
            stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.False(File.Exists(Path.Combine(cli.Directory, "out.bib")));
    }

    [Fact]
    public void Output_onto_an_input_file_is_refused()
    {
        using var cli = new CliRunner();
        var input = cli.Write("a.bib", "@misc{a, title={A}}");
        var (exit, _, stderr) = cli.Run("export", "a.bib", "--to", "bibtex", "-o", "a.bib");
        Assert.Equal(2, exit);
        Assert.Contains("never overwrites its input", stderr);
        Assert.Equal("@misc{a, title={A}}", File.ReadAllText(input));
    }

    [Theory]
    [InlineData("bibtex", "@misc{a,")]
    [InlineData("biblatex", "@misc{a,")]
    [InlineData("csl-json", "\"id\": \"a\"")]
    [InlineData("ris", "ID  - a")]
    public void Every_format_is_written(string format, string expected)
    {
        using var cli = new CliRunner();
        cli.Write("a.bib", "@misc{a, title={A}, author = {Doe, Jane}, year = 2020}");
        var (exit, stdout, _) = cli.Run("export", "a.bib", "--to", format);
        Assert.Equal(0, exit);
        Assert.Contains(expected, stdout);
    }

    [Fact]
    public void Missing_to_is_bad_usage()
    {
        using var cli = new CliRunner();
        cli.Write("a.bib", "@misc{a, title={A}}");
        var (exit, _, stderr) = cli.Run("export", "a.bib");
        Assert.Equal(2, exit);
        Assert.Contains("--to is required", stderr);
    }
}

public sealed class RunCommandTests
{
    [Fact]
    public void Run_exports_every_bibliography_and_summarises()
    {
        using var cli = new CliRunner();
        cli.CopyCorpus("fairlearn-docs-refs.bib", "bib/fairlearn-docs-refs.bib");
        cli.CopyCorpus("lim-2019-machines-gone-wrong-bias-i.bib", "bib/lim.bib");
        cli.Write("bib/works-cited.txt", "Benjamin, Ruha. Race After Technology. Polity, 2019.\n");
        cli.Write("bib/manuscripts/essay.txt", "An essay (Benjamin 12).\n");
        var (exit, stdout, stderr) = cli.Run("run", "bib", "--offline");
        Assert.Equal(0, exit);
        Assert.Contains("111 references in 3 bibliographies, 0 errors", stdout);
        Assert.Contains("read as mla", stdout);
        foreach (var f in new[] { "fairlearn-docs-refs.bib", "fairlearn-docs-refs.biblatex.bib", "fairlearn-docs-refs.json", "lim.bib", "lim.json", "works-cited.bib" })
            Assert.True(File.Exists(Path.Combine(cli.Directory, "index", "export", f)), f);
        Assert.Contains("run: 3/3", stderr);
        var json = JsonNode.Parse(File.ReadAllText(Path.Combine(cli.Directory, "index", "export", "lim.json")))!.AsArray();
        Assert.Equal(19, json.Count);
        var list = JsonNode.Parse(File.ReadAllText(Path.Combine(cli.Directory, "index", "export", "works-cited.json")))!.AsArray();
        Assert.Equal("Race After Technology", (string?)list.Single()!["title"]);
    }

    [Fact]
    public void A_printed_list_beside_its_bib_file_is_one_bibliography_exported_from_the_bib()
    {
        using var cli = new CliRunner();
        cli.Write("bib/essay.txt", "Benjamin, Ruha. Race After Technology. Polity, 2019.\n");
        cli.Write("bib/essay.bib", "@book{benjamin2019race, author = {Benjamin, Ruha}, title = {Race After Technology: Abolitionist Tools}, publisher = {Polity}, year = 2019}\n");
        var (exit, stdout, _) = cli.Run("run", "bib");
        Assert.Equal(0, exit);
        Assert.Contains("printed form of essay.bib", stdout);
        Assert.Contains("1 references in 1 bibliographies", stdout);
        var json = JsonNode.Parse(File.ReadAllText(Path.Combine(cli.Directory, "index", "export", "essay.json")))!.AsArray();
        Assert.Equal("Race After Technology: Abolitionist Tools", (string?)json.Single()!["title"]);
    }

    [Fact]
    public void Run_on_a_missing_folder_is_exit_2()
    {
        using var cli = new CliRunner();
        var (exit, _, stderr) = cli.Run("run", "nowhere");
        Assert.Equal(2, exit);
        Assert.Equal("citeweb: nowhere: no such folder", stderr.Trim());
    }

    [Fact]
    public void Run_reports_errors_with_exit_1_and_keeps_the_good_entries()
    {
        using var cli = new CliRunner();
        cli.Write("bib/bad.bib", "@misc{ok1, title={A}}\n@misc{bad, title = {unclosed\n\n@misc{ok2, title={B}}\n");
        var (exit, _, stderr) = cli.Run("run", "bib");
        Assert.Equal(1, exit);
        Assert.Contains("bib/bad.bib:2:20: error CW110", stderr);
        var json = JsonNode.Parse(File.ReadAllText(Path.Combine(cli.Directory, "index", "export", "bad.json")))!.AsArray();
        Assert.Equal(3, json.Count);
    }
}

public sealed class CheckCommandTests
{
    private static CliRunner Essay()
    {
        var cli = new CliRunner();
        cli.Write("list.txt", "Benjamin, Ruha. Race after Technology. Polity Press, 2019.\nO’Neil, Cathy. Weapons of Math Destruction. Penguin, 2016.\nVerdegem, Pieter. Introduction. Press, 2021.\n");
        cli.Write("essay.md", "# An essay\n\nAs shown (Benjamin 12) and (Benjamn 13), and a <script> (Smith, *A|B* 4).\n");
        return cli;
    }

    [Fact]
    public void Text_findings_go_to_stdout_and_errors_make_exit_1()
    {
        using var cli = Essay();
        var (exit, stdout, stderr) = cli.Run("check", "--works-cited", "list.txt", "--manuscript", "essay.md");
        Assert.Equal(1, exit);
        Assert.Contains("essay.md:3:28: error CW003: (Benjamn 13): 'Benjamn' is spelled 'Benjamin' in the works cited", stdout);
        Assert.Contains("list.txt:2:1: warning CW002", stdout);
        Assert.Contains("citations", stderr);
    }

    [Fact]
    public void Json_follows_the_contract()
    {
        using var cli = Essay();
        var (exit, stdout, _) = cli.Run("check", "--works-cited", "list.txt", "--manuscript", "essay.md", "--format", "json");
        Assert.Equal(1, exit);
        var doc = JsonNode.Parse(stdout)!;
        Assert.Equal("essay.md", (string?)doc["manuscript"]);
        Assert.Equal("list.txt", (string?)doc["worksCited"]);
        Assert.Equal(3, (int?)doc["citations"]);
        var spelling = doc["diagnostics"]!.AsArray().Single(d => (string?)d!["code"] == "CW003")!;
        Assert.Equal("error", (string?)spelling["severity"]);
        Assert.Equal(3, (int?)spelling["line"]);
        Assert.Equal(28, (int?)spelling["column"]);
        Assert.Equal("(Benjamn 13)", (string?)spelling["citation"]);
        Assert.Equal("benjamin2019race", (string?)spelling["entry"]);
        Assert.Equal("Benjamin", (string?)spelling["suggestion"]);
        Assert.True((int?)doc["summary"]!["error"] >= 2);
    }

    [Fact]
    public void Markdown_escapes_what_it_prints()
    {
        using var cli = Essay();
        var (_, stdout, _) = cli.Run("check", "--works-cited", "list.txt", "--manuscript", "essay.md", "--format", "markdown");
        Assert.Contains("| where | severity | code | finding | suggestion |", stdout);
        Assert.Contains(@"(Smith, \*A\|B\* 4)", stdout);
        Assert.DoesNotContain("<script>", stdout);
    }

    [Fact]
    public void Ignored_codes_are_not_reported_and_an_unknown_code_is_bad_usage()
    {
        using var cli = Essay();
        var (exit, stdout, _) = cli.Run("check", "--works-cited", "list.txt", "--manuscript", "essay.md", "--ignore", "CW001", "--ignore", "CW003");
        Assert.Equal(0, exit);
        Assert.DoesNotContain("CW003", stdout);
        var (bad, _, stderr) = cli.Run("check", "--works-cited", "list.txt", "--manuscript", "essay.md", "--ignore", "CW999");
        Assert.Equal(2, bad);
        Assert.Contains("no check 'CW999'", stderr);
    }

    [Fact]
    public void A_file_that_is_not_a_word_document_is_one_line_and_exit_2()
    {
        using var cli = Essay();
        cli.Write("essay.docx", "this is not a zip");
        var (exit, stdout, stderr) = cli.Run("check", "--works-cited", "list.txt", "--manuscript", "essay.docx");
        Assert.Equal(2, exit);
        Assert.Equal("", stdout);
        Assert.Contains("not a Word document (.docx)", stderr);
        Assert.Single(stderr.Trim().Split('\n'));
    }

    [Fact]
    public void Both_files_are_required()
    {
        using var cli = Essay();
        var (exit, _, stderr) = cli.Run("check", "--manuscript", "essay.md");
        Assert.Equal(2, exit);
        Assert.Contains("--works-cited and --manuscript are both required", stderr);
    }
}

public sealed class LinkRotCommandTests
{
    [Fact]
    public void Offline_every_link_is_unchecked_in_the_json_contract()
    {
        using var cli = new CliRunner();
        cli.Write("list.txt", "Kratz, Jeff. “Accelerating Research.” AWS Public Sector Blog, 14 September 2022. https://aws.amazon.com/blogs/x/.\nBenjamin, Ruha. Race after Technology. Polity Press, 2019.\n");
        var (exit, stdout, _) = cli.Run("linkrot", "list.txt", "--offline", "--format", "json");
        Assert.Equal(0, exit);
        var doc = JsonNode.Parse(stdout)!;
        var link = doc["links"]!.AsArray().Single()!;
        Assert.Equal("https://aws.amazon.com/blogs/x/", (string?)link["url"]);
        Assert.Equal("kratz2022accelerating", (string?)link["reference"]);
        Assert.Equal("unchecked", (string?)link["status"]);
        Assert.Equal(1, (int?)link["line"]);
        Assert.Equal(1, (int?)doc["summary"]!["unchecked"]);
    }

    [Fact]
    public void The_html_report_is_written_atomically_and_never_over_an_input()
    {
        using var cli = new CliRunner();
        cli.Write("list.txt", "Crunchbase. “Hugging Face.” 2023. https://www.crunchbase.com/organization/hugging-face.\n");
        var (exit, _, stderr) = cli.Run("linkrot", "list.txt", "--offline", "--format", "html", "-o", "report.html");
        Assert.Equal(0, exit);
        var html = File.ReadAllText(Path.Combine(cli.Directory, "report.html"));
        Assert.StartsWith("<!DOCTYPE html>", html);
        Assert.Contains("crunchbase.com/organization/hugging-face", html);
        Assert.Contains("report.html", stderr);
        var (refused, _, err) = cli.Run("linkrot", "list.txt", "--offline", "-o", "list.txt");
        Assert.Equal(2, refused);
        Assert.Contains("is one of the input files", err);
        Assert.StartsWith("Crunchbase.", File.ReadAllText(Path.Combine(cli.Directory, "list.txt")));
    }

    [Fact]
    public void An_unknown_format_is_bad_usage()
    {
        using var cli = new CliRunner();
        cli.Write("list.txt", "A, B. T. P, 2019.\n");
        var (exit, _, stderr) = cli.Run("linkrot", "list.txt", "--format", "pdf");
        Assert.Equal(2, exit);
        Assert.Contains("--format must be text, json, markdown, html or csv", stderr);
    }
}
