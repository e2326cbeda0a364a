using System.Text;
using System.Xml;

namespace CiteWeb.Core.Network;

/// <summary>One XML writer configuration for GEXF, GraphML and SVG: UTF-8 without a byte-order mark, indented,
/// LF line ends, and character checking on (a character <see cref="NetworkText.Label"/> missed throws rather than
/// writing an unreadable file).</summary>
internal static class XmlOutput
{
    public static XmlWriterSettings Settings { get; } = new()
    {
        Encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false),
        Indent = true,
        IndentChars = "  ",
        NewLineChars = "\n",
        NewLineHandling = NewLineHandling.Entitize,
        CheckCharacters = true,
        CloseOutput = false,
    };
}
