namespace CiteWeb.Cli;

/// <summary>A problem with what the user asked for (a missing file, a bad option): one line on stderr, exit code 2.</summary>
public sealed class UserError(string message) : Exception(message);

/// <summary>Exit codes of every command (DESIGN.md).</summary>
public static class ExitCodes
{
    public const int Success = 0;
    /// <summary>The run worked and found problems: errors in the input, failed checks, dead links.</summary>
    public const int Problems = 1;
    /// <summary>Bad usage or unreadable input.</summary>
    public const int Usage = 2;
}
