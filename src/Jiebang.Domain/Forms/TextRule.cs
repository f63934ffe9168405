using Jiebang.Domain.Rules;
using Jiebang.Domain.Text;

namespace Jiebang.Domain.Forms;

/// <summary>
/// The 字 limits of the annexes, counted as Word counts them: "500字以内" (annex 2 技术需求描述; annex 3
/// 背景意义, 主要研发内容) is an error when exceeded, "500字左右" (annex 1 攻关背景和意义) only a warning.
/// </summary>
static class TextRule
{
    public static void Check(FieldDefinition field, string path, LocalizedText label, string text, Findings findings)
    {
        if (field.MaxChars is null && field.AboutChars is null) return;
        var count = WordCount.Count(text);
        if (count > field.MaxChars) findings.Error(FormErrors.TextTooLong, path, label, field.MaxChars.Value, count);
        else if (count > field.AboutChars) findings.Warning(FormErrors.TextLongerThanAbout, path, label, field.AboutChars.Value, count);
    }
}
