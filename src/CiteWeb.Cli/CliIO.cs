using Spectre.Console;

namespace CiteWeb.Cli;

/// <summary>
/// Where a command writes: data to <see cref="Out"/> (stdout), diagnostics and progress to <see cref="Error"/>
/// (stderr). Tables go through <see cref="OutConsole"/>; tests pass string writers and read both back.
/// </summary>
public sealed class CliIO
{
    public CliIO(TextWriter output, TextWriter error, bool interactive = false, string workingDirectory = ".")
    {
        Out = output;
        Error = error;
        Interactive = interactive;
        WorkingDirectory = workingDirectory;
        OutConsole = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(output),
            Ansi = interactive ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = interactive ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = interactive ? InteractionSupport.Detect : InteractionSupport.No,
        });
        ErrorConsole = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(error),
            Ansi = interactive ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = interactive ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = interactive ? InteractionSupport.Detect : InteractionSupport.No,
        });
        if (!interactive) OutConsole.Profile.Width = ErrorConsole.Profile.Width = 160;
    }

    public TextWriter Out { get; }
    public TextWriter Error { get; }
    public IAnsiConsole OutConsole { get; }
    public IAnsiConsole ErrorConsole { get; }
    /// <summary>True on a terminal: progress bars and colour; otherwise plain lines.</summary>
    public bool Interactive { get; }
    /// <summary>Relative paths (the default workspace, index/) are resolved against this.</summary>
    public string WorkingDirectory { get; }

    public static CliIO FromConsole() =>
        new(Console.Out, Console.Error, !Console.IsErrorRedirected && !Console.IsOutputRedirected, Directory.GetCurrentDirectory());

    public string Resolve(string path) => Path.GetFullPath(Path.Combine(WorkingDirectory, path));
}
