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

    /// <summary>
    /// A copy of a filing's draft with the file's values: fields found (or left empty) in the file replace
    /// the draft's, fields missing or unreadable keep it. Every filing kind's import saves this.
    /// </summary>
    public JsonObject MergedInto(JsonObject draft)
    {
        var values = (JsonObject)draft.DeepClone();
        foreach (var key in DecidedKeys)
        {
            values.Remove(key);
            if (Values[key] is { } value) values[key] = value.DeepClone();
        }
        return values;
    }

    /// <summary>A file name for a filing's Word file: its title without path or control characters, at most 80 long.</summary>
    public static string FileName(string title)
    {
        var invalid = Path.GetInvalidFileNameChars().Concat(['\\', '/', ':', '*', '?', '"', '<', '>', '|']).ToHashSet();
        var safe = new string([.. title.Select(c => invalid.Contains(c) || char.IsControl(c) ? '_' : c)]).Trim();
        return (safe.Length > 80 ? safe[..80] : safe) + ".docx";
    }
}
