using CiteWeb.Core.Tests.PlainText;

namespace CiteWeb.Benchmarks;

/// <summary>
/// `accuracy [--errors]`: scores the plain-text reader against the hand-made gold of every list in bib/ that has
/// one and prints per-field precision, recall and F1 (the held-out samples in Gold/HeldOut and the unseen lists in Gold/Unseen separately) (and, with --errors, every value it got wrong).
/// </summary>
internal static class AccuracyCommand
{
    public static int Run(string[] args)
    {
        var root = AppContext.BaseDirectory;
        while (!File.Exists(Path.Combine(root, "CiteWeb.sln"))) root = Path.GetDirectoryName(root.TrimEnd('/')) ?? throw new InvalidOperationException("CiteWeb.sln not found");
        var goldDir = Path.Combine(root, "tests", "CiteWeb.Core.Tests", "PlainText", "Gold");
        var reports = new List<AccuracyReport>();
        // The gold the reader was developed against, then the held-out samples it never was (Gold/HeldOut).
        // Gold/Unseen holds lists written for the reader's generalisation, each beside its gold (not in bib/).
        foreach (var (folder, label) in new[] { (goldDir, ""), (Path.Combine(goldDir, "HeldOut"), " [held out]"), (Path.Combine(goldDir, "Unseen"), " [unseen]") })
        {
            if (!Directory.Exists(folder)) continue;
            foreach (var gold in Directory.GetFiles(folder, "*.gold.json").Order(StringComparer.Ordinal))
            {
                var list = Path.GetFileName(gold)[..^".gold.json".Length];
                var beside = Path.Combine(folder, list + ".txt");
                var text = File.ReadAllText(File.Exists(beside) ? beside : Path.Combine(root, "bib", list + ".txt"));
                var report = AccuracyScorer.Score(list, text, File.ReadAllText(gold));
                reports.Add(report with { List = list + label });
            }
        }
        Console.Write(AccuracyScorer.Format(reports));
        if (args.Contains("--errors"))
            foreach (var r in reports)
                foreach (var e in r.Errors)
                    Console.WriteLine($"{r.List} {e.Entry} {e.Field}: gold '{e.Gold}' parsed '{e.Parsed}'");
        return 0;
    }
}
