using System.Text.Json.Nodes;
using Jiebang.Domain.Rules;

namespace Jiebang.Domain.Forms;

/// <summary>
/// The repeated rows of the annexes: 核心技术参数（5项以上） and 攻关成果潜在的应用单位（3家以上） in annex 1.
/// A row left entirely empty is ignored: it neither counts toward the minimum nor needs its columns.
/// </summary>
static class TableRule
{
    public static void Check(FieldDefinition table, string path, LocalizedText label, JsonNode node, Findings findings)
    {
        if (node is not JsonArray rows)
        {
            findings.Error("FORM_VALUE_INVALID", path, label);
            return;
        }
        var filled = 0;
        for (var i = 0; i < rows.Count; i++)
        {
            if (FieldValue.IsEmpty(rows[i])) continue;
            filled++;
            if (rows[i] is not JsonObject row)
            {
                findings.Error("FORM_VALUE_INVALID", $"{path}[{i}]", label);
                continue;
            }
            var rowIndex = i;
            FieldScope.Check(table.Columns!, row, c => $"{path}[{rowIndex}].{c.Key}", c => CellLabel(table, rowIndex, c), findings);
        }
        if (filled < table.MinRows) findings.Error("FORM_TABLE_TOO_FEW_ROWS", path, label, table.MinRows.Value, filled);
        if (filled > table.MaxRows) findings.Error("FORM_TABLE_TOO_MANY_ROWS", path, label, table.MaxRows.Value, filled);
    }

    // People count rows from 1; the path counts from 0.
    static LocalizedText CellLabel(FieldDefinition table, int row, FieldDefinition column) => new(
        $"{table.LabelZh}第{row + 1}行的{column.LabelZh}", $"{table.LabelEn}, row {row + 1}, {column.LabelEn}");
}
