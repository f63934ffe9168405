using Jiebang.Domain.Forms;

namespace Jiebang.Web.Documents;

/// <summary>
/// The row of a document's table that names a table field's columns (一级指标 | 二级指标 | 三级指标 |
/// 指标值; 项目名称 | 承担单位 | …), found by the labels, and where each column stands in it (-1 when
/// the row does not name it).
/// </summary>
sealed record ColumnHeader(int Row, IReadOnlyList<int> Positions)
{
    /// <summary>The first row that names at least <paramref name="enough"/> of the columns, or null.</summary>
    public static ColumnHeader? Find(IReadOnlyList<FieldDefinition> columns, List<List<DocCell>> rows, Func<int, bool> enough)
    {
        var labels = columns.Select(c => LabelText.Normalize(c.LabelZh)).ToList();
        int PositionIn(List<DocCell> row, string label) => row.FindIndex(c => LabelText.Normalize(c.Text) == label);
        var at = rows.FindIndex(r => enough(labels.Count(l => PositionIn(r, l) >= 0)));
        return at < 0 ? null : new ColumnHeader(at, [.. labels.Select(l => PositionIn(rows[at], l))]);
    }
}
