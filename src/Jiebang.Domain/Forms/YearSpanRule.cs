using System.Globalization;
using Jiebang.Domain.Rules;

namespace Jiebang.Domain.Forms;

/// <summary>Annex 1, 攻关时限: □1年 □2年 □3年 — a whole number of years among the allowed ones.</summary>
static class YearSpanRule
{
    public static void Check(FieldDefinition field, string path, LocalizedText label, string text, Findings findings)
    {
        var allowed = field.AllowedYears ?? [];
        if (int.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var years)
            && years > 0 && (allowed.Count == 0 || allowed.Contains(years))) return;
        var list = allowed.Count == 0
            ? new LocalizedText("整数", "whole numbers")
            : new LocalizedText(string.Join("、", allowed), string.Join(", ", allowed));
        findings.Error(FormErrors.YearsNotAllowed, path, label, list, text.Trim());
    }
}
