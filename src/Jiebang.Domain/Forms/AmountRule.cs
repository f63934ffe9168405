using System.Globalization;
using Jiebang.Domain.Rules;

namespace Jiebang.Domain.Forms;

/// <summary>
/// An amount in 万元 (annex 1 建议研发总投入; annex 2 预计总投入): a number, not negative, to the 元 at
/// most — two decimals of 万元 are hundreds of 元, as the bureau's budget tables write them.
/// </summary>
static class AmountRule
{
    const NumberStyles Style = NumberStyles.AllowLeadingWhite | NumberStyles.AllowTrailingWhite
        | NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent;

    public static void Check(FieldDefinition field, string path, LocalizedText label, string text, Findings findings)
    {
        if (!decimal.TryParse(text, Style, CultureInfo.InvariantCulture, out var amount))
        {
            findings.Error(FormErrors.AmountNotANumber, path, label, text.Trim());
            return;
        }
        if (amount < 0) findings.Error(FormErrors.AmountNegative, path, label, text.Trim());
        else if (Decimals(amount) > 2) findings.Error(FormErrors.AmountTooPrecise, path, label, text.Trim());
        else if (amount > field.MaxValue) findings.Error(FormErrors.AmountTooLarge, path, label, Format(field.MaxValue.Value), text.Trim());
    }

    /// <summary>经费情况: 其中：中央补助 is part of 总预算 and cannot be more than it.</summary>
    public static void CheckPartOf(FieldDefinition part, FieldDefinition whole, System.Text.Json.Nodes.JsonObject values, Findings findings)
    {
        if (Parse(values[part.Key]) is not { } amount || Parse(values[whole.Key]) is not { } total || amount <= total) return;
        findings.Error(FormErrors.AmountExceedsWhole, part.Key, FieldScope.Label(part), FieldScope.Label(whole),
            amount.ToString(CultureInfo.InvariantCulture), total.ToString(CultureInfo.InvariantCulture));
    }

    /// <summary>
    /// 总预算 = 申请补助 + 自筹经费, and each the sum of its column in the budget's rows: checked once every
    /// part is a number (a table's column counts when some row has it), so a half-typed budget says nothing.
    /// </summary>
    public static void CheckSum(FieldDefinition total, FormDefinition form, System.Text.Json.Nodes.JsonObject values, Findings findings)
    {
        if (Parse(values[total.Key]) is not { } whole) return;
        var sum = 0m;
        var labels = new List<LocalizedText>();
        foreach (var part in total.SumOf!)
        {
            var dot = part.IndexOf('.');
            if (dot < 0)
            {
                if (form.Field(part) is not { } field || Parse(values[part]) is not { } amount) return;
                sum += amount;
                labels.Add(FieldScope.Label(field));
                continue;
            }
            var (tableKey, columnKey) = (part[..dot], part[(dot + 1)..]);
            if (form.Field(tableKey) is not { } table || table.Columns?.FirstOrDefault(c => c.Key == columnKey) is not { } column) return;
            var cells = (values[tableKey] as System.Text.Json.Nodes.JsonArray ?? []).OfType<System.Text.Json.Nodes.JsonObject>()
                .Select(row => Parse(row[columnKey])).Where(a => a is not null).ToList();
            if (cells.Count == 0) return;
            sum += cells.Sum(a => a!.Value);
            labels.Add(new($"{table.LabelZh}的{column.LabelZh}合计", $"{table.LabelEn}, total of {column.LabelEn}"));
        }
        if (sum == whole) return;
        var names = new LocalizedText(string.Join(" + ", labels.Select(l => l.Zh)), string.Join(" + ", labels.Select(l => l.En)));
        findings.Error(FormErrors.AmountSumMismatch, total.Key, FieldScope.Label(total), Format(whole), names, Format(sum));
    }

    static string Format(decimal amount) => amount.ToString("0.##", CultureInfo.InvariantCulture);

    static decimal? Parse(System.Text.Json.Nodes.JsonNode? node) =>
        node is System.Text.Json.Nodes.JsonValue value
        && (value.TryGetValue<decimal>(out var number)
            || (value.TryGetValue<string>(out var text) && decimal.TryParse(text, Style, CultureInfo.InvariantCulture, out number)))
            ? number : null;

    // Trailing zeros add no precision: "12.500" is 12.5.
    static int Decimals(decimal amount)
    {
        var text = amount.ToString(CultureInfo.InvariantCulture);
        var point = text.IndexOf('.');
        return point < 0 ? 0 : text[(point + 1)..].TrimEnd('0').Length;
    }
}
