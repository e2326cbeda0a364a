using CiteWeb.Core.Model;

namespace CiteWeb.Core.Diagnostics;

public enum Severity { Info, Warning, Error }

/// <summary>A finding about the input, with a stable code and its position. Prints compiler-style.</summary>
public sealed record Diagnostic(string Code, Severity Severity, string Message, SourceSpan Span)
{
    public static string SeverityName(Severity s) => s switch
    {
        Severity.Error => "error",
        Severity.Warning => "warning",
        _ => "info",
    };

    /// <summary><c>file:line:column: error CODE: message</c>, the form editors and CI parse.</summary>
    public override string ToString() => $"{Span.File}:{Span.Line}:{Span.Column}: {SeverityName(Severity)} {Code}: {Message}";
}
