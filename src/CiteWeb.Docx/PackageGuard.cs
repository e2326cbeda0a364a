using System.IO.Compression;
using System.Xml;

namespace CiteWeb.Docx;

/// <summary>
/// Checks an untrusted package before the OpenXml SDK sees it: the zip's declared sizes (a zip bomb is refused from
/// its central directory, without inflating anything) and each XML part read as a stream (no DTD, bounded size and
/// depth — the SDK builds its DOM recursively, so a deeply nested part would otherwise overflow the stack).
/// </summary>
internal static class PackageGuard
{
    /// <summary>The largest package accepted, compressed: 256 MB.</summary>
    public const long MaxPackageBytes = 256L << 20;
    /// <summary>The most all entries may expand to together: 256 MB.</summary>
    public const long MaxTotalUncompressed = 256L << 20;
    /// <summary>The most one entry may expand to: 128 MB.</summary>
    public const long MaxEntryUncompressed = 128L << 20;
    /// <summary>The highest compression ratio accepted for an entry larger than <see cref="RatioFloor"/>: 200.</summary>
    public const long MaxCompressionRatio = 200;
    /// <summary>
    /// Entries up to 1 MB are not held to <see cref="MaxCompressionRatio"/>: a small, repetitive XML part (an empty
    /// settings or numbering part) can compress better than 200:1 and cannot do harm at that size.
    /// </summary>
    public const long RatioFloor = 1L << 20;
    /// <summary>The most entries a package may have: 10,000.</summary>
    public const int MaxEntries = 10_000;
    /// <summary>The most characters an XML part may have: 64 million (also given to the SDK as MaxCharactersInPart).</summary>
    public const long MaxCharactersInPart = 64_000_000;
    /// <summary>The deepest element nesting accepted in a part: 256 (Word's own documents stay well under 64).</summary>
    public const int MaxDepth = 256;

    /// <summary>Refuses a package whose entries would expand too far. <paramref name="package"/> is left at position 0.</summary>
    public static void CheckArchive(Stream package, string file)
    {
        if (package.Length > MaxPackageBytes) throw Refuse(file, $"the file is {Mb(package.Length)} (limit {Mb(MaxPackageBytes)})");
        using (var zip = new ZipArchive(package, ZipArchiveMode.Read, leaveOpen: true))
        {
            var entries = zip.Entries;
            if (entries.Count > MaxEntries) throw Refuse(file, $"{entries.Count:N0} entries in the package (limit {MaxEntries:N0})");
            long total = 0;
            foreach (var entry in entries)
            {
                long size = entry.Length, packed = entry.CompressedLength;
                if (size > MaxEntryUncompressed)
                    throw Refuse(file, $"'{entry.FullName}' expands to {Mb(size)} (limit {Mb(MaxEntryUncompressed)})");
                total += size;
                if (total > MaxTotalUncompressed)
                    throw Refuse(file, $"the package expands to more than {Mb(MaxTotalUncompressed)}");
                if (size > RatioFloor && size > packed * MaxCompressionRatio)
                    throw Refuse(file, $"'{entry.FullName}' is compressed {(packed == 0 ? "without limit" : $"{size / packed:N0}:1")} (limit {MaxCompressionRatio}:1)");
            }
        }
        package.Position = 0;
    }

    /// <summary>Reads an XML part through once, refusing a DTD, too many characters or too deep a nesting.</summary>
    public static void CheckXml(Stream part, string file, string partName)
    {
        var settings = new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            MaxCharactersInDocument = MaxCharactersInPart,
            IgnoreComments = true,
            IgnoreWhitespace = true,
        };
        using var reader = XmlReader.Create(part, settings);
        try
        {
            while (reader.Read())
            {
                if (reader.Depth > MaxDepth) throw Refuse(file, $"{partName} nests elements deeper than {MaxDepth}");
            }
        }
        catch (XmlException e)
        {
            throw new DocxReadException(file, $"not a Word document (.docx): {file}: {partName}: {e.Message}", e);
        }
    }

    internal static DocxReadException Refuse(string file, string reason) =>
        new(file, $"refused {file}: {reason}; not read as a Word document");

    private static string Mb(long bytes) => $"{bytes / (1024.0 * 1024.0):0.#} MB";
}
