using System.Diagnostics;

namespace Jiebang.Web.Tests.Infrastructure;

/// <summary>
/// LibreOffice headless and poppler, as the tests use them to open generated documents: each
/// conversion runs with its own profile directory, so that conversions may run side by side.
/// </summary>
public static class LibreOffice
{
    /// <summary>TestResults/documents at the repository root, where PDFs and page images are kept to look at.</summary>
    public static string ResultsDirectory { get; } = Directory.CreateDirectory(Path.Combine(RepositoryRoot(), "TestResults", "documents")).FullName;

    /// <summary>Converts a file ("pdf", "odt", "docx") into the directory and returns the new file's path.</summary>
    public static async Task<string> ConvertAsync(string file, string format, string outDir)
    {
        var profile = Directory.CreateTempSubdirectory("jiebang-lo-");
        try
        {
            var filter = format == "docx" ? "docx:\"MS Word 2007 XML\"" : format;
            await RunAsync("soffice", $"--headless --norestore -env:UserInstallation=file://{profile.FullName} --convert-to {filter} --outdir \"{outDir}\" \"{file}\"");
        }
        finally
        {
            profile.Delete(recursive: true);
        }
        var converted = Path.Combine(outDir, Path.GetFileNameWithoutExtension(file) + "." + format);
        return File.Exists(converted) ? converted : throw new InvalidOperationException($"soffice made no {format} from {file}");
    }

    /// <summary>
    /// A .docx as LibreOffice writes it: opened and saved again (through <paramref name="via"/>, such
    /// as "odt", when given); a copy is kept in <see cref="ResultsDirectory"/> to be looked at.
    /// </summary>
    public static async Task<byte[]> ResavedAsync(string name, byte[] docx, string? via = null)
    {
        var dir = Directory.CreateTempSubdirectory("jiebang-docx-");
        try
        {
            var file = Path.Combine(dir.FullName, name + ".docx");
            await File.WriteAllBytesAsync(file, docx);
            if (via is not null)
            {
                file = await ConvertAsync(file, via, dir.FullName);
                File.Delete(Path.Combine(dir.FullName, name + ".docx"));
            }
            var theirs = await ConvertAsync(file, "docx", Directory.CreateDirectory(Path.Combine(dir.FullName, "out")).FullName);
            var bytes = await File.ReadAllBytesAsync(theirs);
            await File.WriteAllBytesAsync(Path.Combine(ResultsDirectory, name + "-libreoffice.docx"), bytes);
            return bytes;
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    /// <summary>The text of a PDF in reading order, cell by cell.</summary>
    public static async Task<string> PdfTextAsync(string pdf)
    {
        var txt = Path.ChangeExtension(pdf, ".txt");
        await RunAsync("pdftotext", $"\"{pdf}\" \"{txt}\"");
        return await File.ReadAllTextAsync(txt);
    }

    /// <summary>What pdfinfo says of a PDF: its pages, their size ("841.89 x 595.276 pts (A4) (landscape)"…).</summary>
    public static async Task<string> PdfInfoAsync(string pdf) => await RunAsync("pdfinfo", $"\"{pdf}\"");

    /// <summary>Writes each page as PNG at 60 dpi next to the PDF, to be looked at.</summary>
    public static Task PngPagesAsync(string pdf) =>
        RunAsync("pdftoppm", $"-png -r 60 \"{pdf}\" \"{Path.ChangeExtension(pdf, null)}\"");

    static async Task<string> RunAsync(string program, string arguments)
    {
        var start = new ProcessStartInfo(program, arguments) { RedirectStandardOutput = true, RedirectStandardError = true };
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{program} did not start");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{program} {arguments} exited {process.ExitCode}: {await output} {await error}");
        return await output;
    }

    public static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Jiebang.slnx"))) return dir.FullName;
        throw new DirectoryNotFoundException("Jiebang.slnx not found above " + AppContext.BaseDirectory);
    }
}
