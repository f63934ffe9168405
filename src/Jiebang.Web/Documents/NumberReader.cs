using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Jiebang.Domain.Forms;
using Jiebang.Domain.Rules;

namespace Jiebang.Web.Documents;

/// <summary>
/// Amounts (建议研发总投入, 预计总投入 in 万元) and years (攻关时限) as typed: full-width digits, a unit,
/// thousands separators and boxes (□1年 □2年 ☑3年) are all understood.
/// </summary>
static partial class NumberReader
{
    public static FieldParse Amount(string text, LocalizedText label)
    {
        var compact = CheckMarks.Compact(text);
        if (compact.Length == 0) return FieldParse.Empty;
        var number = compact.Replace(",", "").Replace("，", "").Replace("万元", "").Replace("元", "").Replace("¥", "").Replace("￥", "");
        if (number.Length == 0) return FieldParse.Empty;
        return decimal.TryParse(number, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out _)
            ? FieldParse.Of(JsonValue.Create(number))
            : FieldParse.Unreadable(DocxErrors.FieldAmount, label, ChoiceReader.Shorten(text));
    }

    public static FieldParse Years(FieldDefinition field, string text, LocalizedText label)
    {
        if (field.AllowedYears is { Count: > 0 } allowed && CheckMarks.HasMarks(text))
        {
            var options = allowed.Select(y => new ChoiceOption(y.ToString(CultureInfo.InvariantCulture), $"{y}年", "")).ToList();
            var choice = ChoiceReader.Read(options, text, single: true, label);
            return choice.Value is JsonValue v ? FieldParse.Of(JsonValue.Create(int.Parse(v.GetValue<string>(), CultureInfo.InvariantCulture))) : choice;
        }
        var compact = CheckMarks.Compact(text);
        if (compact.Length == 0 || compact == "年") return FieldParse.Empty;
        var match = YearCount().Match(compact);
        if (match.Success) return FieldParse.Of(JsonValue.Create(int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture)));
        var chinese = "一二三四五六七八九十".IndexOf(compact.TrimEnd('年')[0]);
        return compact.TrimEnd('年').Length == 1 && chinese >= 0
            ? FieldParse.Of(JsonValue.Create(chinese + 1))
            : FieldParse.Unreadable(DocxErrors.FieldYears, label, ChoiceReader.Shorten(text));
    }

    /// <summary>Telephone numbers, e-mail addresses and dates with full-width digits and letters folded.</summary>
    public static string Folded(string text) => CellText.JoinLine(text.Normalize(NormalizationForm.FormKC).Split('\n'));

    [GeneratedRegex(@"^(\d{1,2})(个)?年?$")]
    private static partial Regex YearCount();
}
