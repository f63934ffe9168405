using Jiebang.Domain.Forms;

namespace Jiebang.Web.Documents;

/// <summary>
/// A table column's label at the start of a line, as the bureau writes it: "对标产品（技术）：",
/// "研发产品（技术）" or "对标产品：" followed by nothing, by a colon, a space or the value itself.
/// </summary>
static class ColumnLabel
{
    /// <summary>The column whose label starts the line, and the rest of the line after it.</summary>
    public static (FieldDefinition Column, string After)? At(IReadOnlyList<FieldDefinition> columns, string line)
    {
        var text = line.TrimStart();
        foreach (var column in columns)
        {
            var label = LabelText.Normalize(column.LabelZh);
            if (label.Length == 0) continue;
            // The longest prefix that reads as the label, so that its hint and colon go with it.
            for (var k = Math.Min(text.Length, column.LabelZh.Length * 2 + 8); k > 0; k--)
            {
                var prefix = text[..k];
                if (LabelText.Normalize(prefix) != label || !EndsLabel(prefix, text[k..])) continue;
                return (column, text[k..].TrimStart(' ', '\t', ':', '：', '　'));
            }
        }
        return null;
    }

    /// <summary>How many of the columns are written "label：" somewhere in the lines.</summary>
    public static int Count(IReadOnlyList<FieldDefinition> columns, IEnumerable<string> lines)
    {
        var text = CheckMarks.Compact(string.Join("\n", lines)).ToLowerInvariant();
        return columns.Count(c => text.Contains(CheckMarks.Compact(c.LabelZh).ToLowerInvariant() + ":", StringComparison.Ordinal)
            || text.Contains(LabelText.Normalize(c.LabelZh) + ":", StringComparison.Ordinal));
    }

    static bool EndsLabel(string prefix, string rest) =>
        rest.Length == 0 || prefix[^1] is ':' or '：' or ')' or '）' or ']' or '】' || char.IsWhiteSpace(rest[0]) || rest[0] is ':' or '：';
}
