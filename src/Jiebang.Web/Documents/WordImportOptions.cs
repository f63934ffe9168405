namespace Jiebang.Web.Documents;

/// <summary>Limits on uploaded Word files, bound from the "Documents" section of the configuration.</summary>
public sealed class WordImportOptions
{
    public const string Section = "Documents";

    /// <summary>The largest .docx accepted, in bytes: 10 MB unless configured.</summary>
    public long MaxWordBytes { get; set; } = 10 * 1024 * 1024;
}
