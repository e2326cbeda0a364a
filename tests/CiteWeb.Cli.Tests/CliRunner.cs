namespace CiteWeb.Cli.Tests;

/// <summary>Runs citeweb in-process in a temporary working folder, capturing stdout and stderr separately.</summary>
public sealed class CliRunner : IDisposable
{
    public CliRunner()
    {
        Directory = Path.Combine(Path.GetTempPath(), "citeweb-cli-" + Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(Directory);
    }

    public string Directory { get; }

    public string Write(string relative, string content)
    {
        var path = Path.Combine(Directory, relative);
        System.IO.Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
        return path;
    }

    public string CopyCorpus(string name, string? relative = null)
    {
        var target = Path.Combine(Directory, relative ?? name);
        System.IO.Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        File.Copy(Path.Combine(AppContext.BaseDirectory, "Corpus", name), target);
        return target;
    }

    public (int Exit, string Out, string Err) Run(params string[] args)
    {
        var output = new StringWriter { NewLine = "\n" };
        var error = new StringWriter { NewLine = "\n" };
        int exit = CiteWebApp.Run(args, new CliIO(output, error, interactive: false, workingDirectory: Directory));
        return (exit, output.ToString(), error.ToString());
    }

    public void Dispose()
    {
        try { System.IO.Directory.Delete(Directory, recursive: true); } catch (IOException) { }
    }
}
