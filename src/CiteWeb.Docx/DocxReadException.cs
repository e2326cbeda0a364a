namespace CiteWeb.Docx;

/// <summary>
/// A file that <see cref="DocxManuscriptReader"/> will not read: not a Word package, a damaged one, or one that
/// exceeds the reader's limits (a zip bomb, an XML document type declaration, runaway nesting).
/// </summary>
public sealed class DocxReadException : Exception
{
    public DocxReadException(string file, string message, Exception? inner = null) : base(message, inner) => File = file;

    /// <summary>The file as named by the caller.</summary>
    public string File { get; }
}
