using System.Text.Json.Nodes;
using Jiebang.Domain.Identifiers;
using Jiebang.Domain.Rules;

namespace Jiebang.Domain.Forms;

/// <summary>Checks one filled value by its field's type.</summary>
static class FieldCheck
{
    public static void Check(FieldDefinition field, string path, LocalizedText label, JsonNode node, Findings findings)
    {
        switch (field.Type)
        {
            case FieldType.Table: TableRule.Check(field, path, label, node, findings); return;
            case FieldType.MultipleChoice: ChoiceRule.CheckMany(field, path, label, node, findings); return;
            case FieldType.AreaDirection: AreaDirectionRule.Check(field, path, label, node, findings); return;
        }
        if (!FieldValue.TryText(node, out var text))
        {
            findings.Error(FormErrors.ValueInvalid, path, label);
            return;
        }
        switch (field.Type)
        {
            case FieldType.Text: TextRule.Check(field, path, label, text, findings); break;
            case FieldType.SingleChoice: ChoiceRule.CheckOne(field, path, label, text, findings); break;
            case FieldType.Amount: AmountRule.Check(field, path, label, text, findings); break;
            case FieldType.YearSpan: YearSpanRule.Check(field, path, label, text, findings); break;
            case FieldType.Phone: findings.Add(PhoneNumber.Check(text, path, label)); break;
            case FieldType.Email: FormatRule.CheckEmail(path, label, text, findings); break;
            case FieldType.Date: FormatRule.CheckDate(path, label, text, findings); break;
            case FieldType.ResidentId: ResidentIdRule.Check(path, label, text, findings); break;
            case FieldType.Attachment: break; // an upload id; the upload itself is checked where it is stored
        }
    }
}
