using System.Text;
using System.Text.RegularExpressions;

namespace Jiebang.Web.Documents;

/// <summary>
/// A label as it is compared when a Word file is read: "建议研发\n总投入\n（万元）", "推荐单位    （行业协会）"
/// and "技术需求描述（500字以内）" become "建议研发总投入", "推荐单位" and "技术需求描述". Full-width
/// and half-width forms, white space, line breaks, bracketed hints and a trailing colon do not count.
/// </summary>
static partial class LabelText
{
    public static string Normalize(string label)
    {
        var folded = label.Normalize(NormalizationForm.FormKC);
        var sb = new StringBuilder(folded.Length);
        foreach (var c in folded)
            if (!char.IsWhiteSpace(c) && c != '*') sb.Append(c);
        var text = sb.ToString();
        for (var previous = ""; previous != text;)
        {
            previous = text;
            text = Hint().Replace(text, "");
        }
        return text.TrimEnd(':').ToLowerInvariant();
    }

    [GeneratedRegex(@"\([^()]*\)|【[^【】]*】|\[[^\[\]]*\]")]
    private static partial Regex Hint();
}
