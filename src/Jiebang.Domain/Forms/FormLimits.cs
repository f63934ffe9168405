using System.Text.Json.Nodes;
using Jiebang.Domain.Rules;

namespace Jiebang.Domain.Forms;

/// <summary>
/// The hard ceilings on anything a person or a file can send as a form's values, whatever the
/// form says: no text longer than <see cref="MaxTextChars"/>, no table or list longer than
/// <see cref="MaxRows"/>, no key longer than <see cref="MaxKeyChars"/> and no object with more
/// than <see cref="MaxKeys"/> keys (unknown keys included). A form's own 字 limits are far below.
/// </summary>
public static class FormLimits
{
    public const int MaxTextChars = 20_000;
    public const int MaxRows = 200;
    public const int MaxKeyChars = 64;
    public const int MaxKeys = 200;

    /// <summary>The first value past a ceiling, named by its path, or null when all are within.</summary>
    public static RuleError? WhyNot(JsonObject values) => Find(values, "");

    static RuleError? Find(JsonNode? node, string path)
    {
        switch (node)
        {
            case JsonObject obj:
                if (obj.Count > MaxKeys) return FormErrors.KeysOverCeiling.At(path, Name(path), MaxKeys, obj.Count);
                foreach (var (key, value) in obj)
                {
                    var child = path.Length == 0 ? key : $"{path}.{key}";
                    if (key.Length > MaxKeyChars)
                        return FormErrors.KeyOverCeiling.At(path, Name(path), MaxKeyChars, key.Length);
                    if (Find(value, child) is { } error) return error;
                }
                return null;
            case JsonArray array:
                if (array.Count > MaxRows) return FormErrors.RowsOverCeiling.At(path, Name(path), MaxRows, array.Count);
                for (var i = 0; i < array.Count; i++)
                    if (Find(array[i], $"{path}[{i}]") is { } error) return error;
                return null;
            case JsonValue value when value.GetValueKind() == System.Text.Json.JsonValueKind.String:
                var length = value.GetValue<string>().Length;
                return length > MaxTextChars ? FormErrors.TextOverCeiling.At(path, Name(path), MaxTextChars, length) : null;
            default:
                return null;
        }
    }

    // The path names the value ("applicationUnits[2].phone"); the whole form has no path.
    static LocalizedText Name(string path) => path.Length == 0 ? new("表单", "Form") : new(path, path);

    /// <summary>A single text a person sends outside a form (a name, a contact, a title) against the ceiling.</summary>
    public static RuleError? WhyNotText(string? text, string field, int maxChars = MaxTextChars) =>
        text is not null && text.Length > maxChars ? FormErrors.TextOverCeiling.At(field, Name(field), maxChars, text.Length) : null;

    /// <summary>Each named text against its own ceiling: a unit's name, a contact, a user name.</summary>
    public static IEnumerable<RuleError> WhyNotTexts(params (string Field, string LabelZh, string LabelEn, string? Text, int MaxChars)[] texts) =>
        texts.Select(t => WhyNotText(t.Text, t.Field, t.MaxChars) is { } e ? e with { Label = new(t.LabelZh, t.LabelEn) } : null).OfType<RuleError>();

    /// <summary>A unit's or person's name, a contact, an e-mail address, a reason: the short texts of the platform.</summary>
    public const int MaxNameChars = 100, MaxEmailChars = 254, MaxReasonChars = 2000;
}
