using System.Text.Json.Nodes;
using Jiebang.Domain.Rules;

namespace Jiebang.Web.Documents;

/// <summary>How one field of the form fared when the Word file was read.</summary>
public enum ImportStatus
{
    /// <summary>The label was found and its value read.</summary>
    Found,
    /// <summary>The label was found and its box left empty: the field is cleared.</summary>
    Empty,
    /// <summary>The label is not in the document: the field keeps its value.</summary>
    Missing,
    /// <summary>The label was found but its value could not be read: the field keeps its value.</summary>
    Unreadable,
}

/// <summary>
/// One field of the import report, with the text as found and the reason when it was not read — or,
/// for a field found, a warning to check what was read.
/// </summary>
public sealed record ImportedField(string Key, string LabelZh, ImportStatus Status, string? FoundText, RuleError? Problem);

/// <summary>
/// What a Word file gave: the values read (found fields only; an empty one as absent) and a report
/// of every field of the form.
/// </summary>
public sealed record WordImport(JsonObject Values, IReadOnlyList<ImportedField> Fields)
{
    public IEnumerable<ImportedField> With(ImportStatus status) => Fields.Where(f => f.Status == status);

    /// <summary>The fields the file decides: found or left empty on purpose.</summary>
    public IEnumerable<string> DecidedKeys => Fields.Where(f => f.Status is ImportStatus.Found or ImportStatus.Empty).Select(f => f.Key);
}
