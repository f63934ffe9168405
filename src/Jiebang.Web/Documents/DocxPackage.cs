using System.IO.Compression;
using System.Xml.Linq;
using Jiebang.Domain.Rules;

namespace Jiebang.Web.Documents;

/// <summary>
/// Whether uploaded bytes are a Word .docx, judged by content and never by the file name: a ZIP
/// package whose [Content_Types].xml declares a WordprocessingML main document. An OLE compound file
/// is what Word writes for a password-protected .docx, and also a legacy .doc.
/// </summary>
static class DocxPackage
{
    const string MainDocumentType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml";
    const string MacroDocumentType = "application/vnd.ms-word.document.macroEnabled.main+xml";
    static readonly byte[] Zip = [0x50, 0x4B, 0x03, 0x04];
    static readonly byte[] Ole = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

    public static RuleError? WhyNot(ReadOnlySpan<byte> bytes, long maxBytes)
    {
        if (bytes.Length == 0) return DocxErrors.Empty.At("file");
        if (bytes.Length > maxBytes) return TooLarge(maxBytes);
        if (bytes.StartsWith(Ole)) return DocxErrors.Encrypted.At("file");
        if (!bytes.StartsWith(Zip)) return DocxErrors.NotWord.At("file");
        return null;
    }

    public static RuleError TooLarge(long maxBytes) => DocxErrors.TooLarge.At("file", Size(maxBytes));

    static string Size(long bytes) => bytes >= 1024 * 1024
        ? $"{Math.Round(bytes / 1024d / 1024d, 1).ToString(System.Globalization.CultureInfo.InvariantCulture)}MB"
        : $"{Math.Max(1, bytes / 1024)}KB";

    /// <summary>
    /// What the package expands to, measured by decompressing each part into one small buffer: the
    /// sizes in the ZIP's headers are the sender's word and are not trusted. An XML part past
    /// <paramref name="maxPartBytes"/> or all parts past <paramref name="maxTotalBytes"/> are refused
    /// before any part is parsed.
    /// </summary>
    public static RuleError? WhyNotExpanded(byte[] bytes, long maxPartBytes, long maxTotalBytes)
    {
        var buffer = System.Buffers.ArrayPool<byte>.Shared.Rent(64 * 1024);
        try
        {
            using var zip = new ZipArchive(new MemoryStream(bytes, writable: false), ZipArchiveMode.Read);
            long total = 0;
            foreach (var entry in zip.Entries)
            {
                var isXml = entry.FullName.EndsWith(".xml", StringComparison.OrdinalIgnoreCase)
                    || entry.FullName.EndsWith(".rels", StringComparison.OrdinalIgnoreCase);
                long part = 0;
                using var stream = entry.Open();
                int read;
                while ((read = stream.Read(buffer, 0, buffer.Length)) > 0)
                {
                    part += read;
                    total += read;
                    if (isXml && part > maxPartBytes)
                        return DocxErrors.PartTooLarge.At("file", Size(maxPartBytes), entry.FullName);
                    if (total > maxTotalBytes) return DocxErrors.ExpandedTooLarge.At("file", Size(maxTotalBytes));
                }
            }
            return null;
        }
        catch (InvalidDataException)
        {
            return DocxErrors.Unreadable.At("file");
        }
        finally
        {
            System.Buffers.ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>The ZIP must name a Word main document in [Content_Types].xml; a .xlsx or a zipped folder does not.</summary>
    public static RuleError? WhyNotWordPackage(byte[] bytes)
    {
        try
        {
            using var zip = new ZipArchive(new MemoryStream(bytes), ZipArchiveMode.Read);
            var types = zip.GetEntry("[Content_Types].xml");
            if (types is null) return DocxErrors.NotWord.At("file");
            using var stream = types.Open();
            var xml = XDocument.Load(stream);
            // The main document is named by an Override, or by the Default for .xml as the Open XML SDK writes it.
            var isWord = xml.Descendants().Any(e => e.Name.LocalName is "Override" or "Default"
                && (string?)e.Attribute("ContentType") is MainDocumentType or MacroDocumentType);
            return isWord ? null : DocxErrors.NotWord.At("file");
        }
        catch (Exception e) when (e is InvalidDataException or System.Xml.XmlException or IOException)
        {
            return DocxErrors.Unreadable.At("file");
        }
    }
}
