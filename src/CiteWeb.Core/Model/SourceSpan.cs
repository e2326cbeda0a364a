namespace CiteWeb.Core.Model;

/// <summary>A position in an input file: 1-based line and column (in UTF-16 code units), 0-based offset.</summary>
public readonly record struct SourceSpan(string File, int Line, int Column, int Offset = 0, int Length = 0)
{
    public override string ToString() => $"{File}:{Line}:{Column}";
}
