using Jiebang.Domain.Rules;
using UglyToad.PdfPig;

namespace Jiebang.Web.Features.Files;

/// <summary>
/// What an uploaded scan really is, by its bytes, never by its name: PDF (which must parse, and
/// whose pages are counted), JPEG or PNG [notice §4.3: the stamped copy as a scan].
/// </summary>
public static class UploadInspector
{
    public sealed record Kind(string ContentType, int? PageCount);

    static readonly byte[] Pdf = "%PDF-"u8.ToArray();
    static readonly byte[] Jpeg = [0xFF, 0xD8, 0xFF];
    static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    static readonly string[] Markup = ["<html", "<!doctype", "<script", "<body", "<iframe", "<svg", "<?xml", "<object", "<embed", "<meta"];

    // An image's first bytes followed by a web page is a polyglot meant to run as HTML if ever served
    // as such; a real scan's compressed data holds no such tags in its first 64 KB.
    static bool HasMarkup(string path)
    {
        var buffer = new byte[64 * 1024];
        int read;
        using (var file = File.OpenRead(path)) read = file.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false);
        var text = System.Text.Encoding.Latin1.GetString(buffer, 0, read);
        return Markup.Any(tag => text.Contains(tag, StringComparison.OrdinalIgnoreCase));
    }

    public static Outcome<Kind> Inspect(string path)
    {
        var head = new byte[8];
        int read;
        using (var file = File.OpenRead(path)) read = file.Read(head, 0, head.Length);
        var start = head.AsSpan(0, read);
        if (start.StartsWith(Jpeg) || start.StartsWith(Png))
            return HasMarkup(path) ? FileErrors.ImageWithMarkup.At("file")
                : new Kind(start.StartsWith(Jpeg) ? "image/jpeg" : "image/png", 1);
        if (!start.StartsWith(Pdf)) return FileErrors.NotAScan.At("file");
        try
        {
            using var document = PdfDocument.Open(path);
            return document.NumberOfPages > 0 ? new Kind("application/pdf", document.NumberOfPages)
                : FileErrors.PdfUnreadable.At("file");
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return FileErrors.PdfUnreadable.At("file");
        }
    }
}
