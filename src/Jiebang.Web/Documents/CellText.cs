using System.Text;
using System.Text.RegularExpressions;
using Jiebang.Domain.Forms;

namespace Jiebang.Web.Documents;

/// <summary>
/// The typed text of a value cell, without what the form itself printed there: the grey
/// instructions of a blank annex, and the 盖章 / 年 月 日 lines of the stamp block. Empty lines
/// (extra paragraphs) are dropped; a one-line field joins typed line breaks back into one line.
/// </summary>
static partial class CellText
{
    public static string Of(FieldDefinition field, IReadOnlyList<string> lines, StampBlock? stamp)
    {
        var help = field.HelpZh is { } h ? LabelText.Normalize(h) : null;
        var kept = lines.Select(l => l.Trim()).Where(l => l.Length > 0)
            .Where(l => !IsHelp(LabelText.Normalize(l), help))
            .Where(l => stamp?.AfterField != field.Key || !IsStampLine(l, stamp))
            .ToList();
        return field.Multiline ? string.Join("\n", kept) : JoinLine(kept);
    }

    /// <summary>Lines joined without a space between Chinese characters, with one between Latin words.</summary>
    public static string JoinLine(IEnumerable<string> lines)
    {
        var sb = new StringBuilder();
        foreach (var line in lines.Select(l => l.Trim()).Where(l => l.Length > 0))
        {
            if (sb.Length > 0 && char.IsAsciiLetterOrDigit(sb[^1]) && char.IsAsciiLetterOrDigit(line[0])) sb.Append(' ');
            sb.Append(line);
        }
        return sb.ToString();
    }

    static bool IsHelp(string line, string? help) =>
        help is { Length: > 0 } && line.Length > 0 && (line == help || (line.Length >= 10 && help.Contains(line, StringComparison.Ordinal)));

    // Annexes 2 and 3: "盖 章", "单位（盖章）", "年 月 日" — and a date written on that line.
    static bool IsStampLine(string line, StampBlock stamp)
    {
        var compact = CheckMarks.Compact(line).Replace("(", "").Replace(")", "");
        var label = CheckMarks.Compact(stamp.LabelZh);
        return compact == label || compact == "单位" + label || compact == "盖章" || compact == "单位盖章" || StampDate().IsMatch(compact);
    }

    [GeneratedRegex(@"^(日期:?)?\d{0,4}年\d{0,2}月\d{0,2}日$")]
    private static partial Regex StampDate();
}
