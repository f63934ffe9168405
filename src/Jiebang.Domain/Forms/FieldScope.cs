using System.Text.Json.Nodes;
using Jiebang.Domain.Rules;

namespace Jiebang.Domain.Forms;

/// <summary>Checks a set of fields against one object of values: the whole form, or one table row.</summary>
static class FieldScope
{
    public static LocalizedText Label(FieldDefinition field) => new(field.LabelZh, field.LabelEn);

    public static void Check(IReadOnlyList<FieldDefinition> fields, JsonObject scope,
        Func<FieldDefinition, string> path, Func<FieldDefinition, LocalizedText> label, Findings findings)
    {
        foreach (var field in fields)
        {
            var node = scope[field.Key];
            if (!FieldValue.IsEmpty(node)) FieldCheck.Check(field, path(field), label(field), node!, findings);
            else if (!IsRequired(field, scope)) continue;
            // "（5项以上）": an empty required table says how many rows it lacks.
            else if (field is { Type: FieldType.Table, MinRows: > 0 })
                findings.Error(FormErrors.TableTooFewRows, path(field), label(field), field.MinRows.Value, 0);
            else findings.Error(FormErrors.Required, path(field), label(field));
        }
    }

    static bool IsRequired(FieldDefinition field, JsonObject scope) =>
        field.Required || (field.RequiredWith is { } other && !FieldValue.IsEmpty(scope[other]));
}
