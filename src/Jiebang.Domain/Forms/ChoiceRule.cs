using System.Text.Json.Nodes;
using Jiebang.Domain.Rules;

namespace Jiebang.Domain.Forms;

/// <summary>The □ boxes of the annexes: a value must be one of the field's options.</summary>
static class ChoiceRule
{
    public static void CheckOne(FieldDefinition field, string path, LocalizedText label, string value, Findings findings)
    {
        if (!field.Options!.Any(o => o.Value == value))
            findings.Error(FormErrors.ChoiceUnknown, path, label, value, Choices(field));
    }

    // Annex 1, 攻关水平（可多选）: any number of the five levels.
    public static void CheckMany(FieldDefinition field, string path, LocalizedText label, JsonNode node, Findings findings)
    {
        if (node is not JsonArray array)
        {
            findings.Error(FormErrors.ValueInvalid, path, label);
            return;
        }
        foreach (var item in array.Where(i => !FieldValue.IsEmpty(i)))
        {
            if (FieldValue.TryText(item!, out var value)) CheckOne(field, path, label, value, findings);
            else findings.Error(FormErrors.ValueInvalid, path, label);
        }
    }

    static LocalizedText Choices(FieldDefinition field) => new(
        string.Join("、", field.Options!.Select(o => o.LabelZh)), string.Join(", ", field.Options!.Select(o => o.LabelEn)));
}
