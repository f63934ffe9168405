namespace Jiebang.Web.Documents;

/// <summary>Limits on uploaded Word files, bound from the "Documents" section of the configuration.</summary>
public sealed class WordImportOptions
{
    public const string Section = "Documents";

    /// <summary>The largest .docx accepted, in bytes: 10 MB unless configured.</summary>
    public long MaxWordBytes { get; set; } = 10 * 1024 * 1024;

    /// <summary>The most one XML part of the package (word/document.xml, styles…) may expand to: 4 MB.</summary>
    public long MaxPartBytes { get; set; } = 4 * 1024 * 1024;

    /// <summary>The most all parts together, pictures included, may expand to: 40 MB.</summary>
    public long MaxExpandedBytes { get; set; } = 40 * 1024 * 1024;

    /// <summary>The most rows one table of the document may have; the annexes' longest has a few dozen.</summary>
    public int MaxTableRows { get; set; } = 500;
}
