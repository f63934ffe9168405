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

    public static void Check(string path, LocalizedText label, string text, Findings findings)
    {
        if (!decimal.TryParse(text, Style, CultureInfo.InvariantCulture, out var amount))
        {
            findings.Error(FormErrors.AmountNotANumber, path, label, text.Trim());
            return;
        }
        if (amount < 0) findings.Error(FormErrors.AmountNegative, path, label, text.Trim());
        else if (Decimals(amount) > 2) findings.Error(FormErrors.AmountTooPrecise, path, label, text.Trim());
    }

    /// <summary>经费情况: 其中：中央补助 is part of 总预算 and cannot be more than it.</summary>
    public static void CheckPartOf(FieldDefinition part, FieldDefinition whole, System.Text.Json.Nodes.JsonObject values, Findings findings)
    {
        if (Parse(values[part.Key]) is not { } amount || Parse(values[whole.Key]) is not { } total || amount <= total) return;
        findings.Error(FormErrors.AmountExceedsWhole, part.Key, FieldScope.Label(part), FieldScope.Label(whole),
            amount.ToString(CultureInfo.InvariantCulture), total.ToString(CultureInfo.InvariantCulture));
    }

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
