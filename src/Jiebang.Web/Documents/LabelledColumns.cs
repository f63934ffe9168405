using Jiebang.Domain.Forms;

namespace Jiebang.Web.Documents;

/// <summary>
/// A table field laid out, as in the bureau's annex 1, by its column labels as cells after the
/// table's label, each followed by its value cell —
/// <code>
/// | 核心技术参数（5项以上） | 对标产品（技术）： | 1.抗拉强度… |
/// | (merged)               | 研发产品（技术）： | 1.抗拉强度… |
/// </code>
/// — or with the value after the label in the same cell ("对标产品（技术）：1.抗拉强度…"), even all the
/// columns in one cell, each label starting its line. A value cell goes to the earliest column
/// label still waiting for one, so column labels written as a header row over their value cells
/// read the same way. Empty cells and the table's own label
/// repeated (a merge undone) are passed over; another field's label, or any other cell no column
/// waits for, ends the table.
/// </summary>
sealed class LabelledColumns
{
    readonly FieldDefinition _field;
    readonly Dictionary<string, List<IReadOnlyList<string>>> _paragraphs;
    readonly Queue<FieldDefinition> _waiting = new();

    LabelledColumns(FieldDefinition field)
    {
        _field = field;
        _paragraphs = Columns.ToDictionary(c => c.Key, _ => new List<IReadOnlyList<string>>());
    }

    /// <summary>The table field's key.</summary>
    public string Key => _field.Key;

    public IReadOnlyList<FieldDefinition> Columns => _field.Columns ?? [];

    /// <summary>The paragraphs written for one column, each as its lines.</summary>
    public IReadOnlyList<IReadOnlyList<string>> Of(FieldDefinition column) => _paragraphs[column.Key];

    /// <summary>The table, when the cell after its label is one of its column labels.</summary>
    public static LabelledColumns? Start(FieldDefinition field, DocCell cell)
    {
        if (field.Type != FieldType.Table || field.Columns is not { Count: > 0 }) return null;
        var table = new LabelledColumns(field);
        return table.TakeLabel(cell) ? table : null;
    }

    /// <summary>Whether the cell belongs to the table; when it does, it is taken.</summary>
    public bool Take(DocCell cell, bool isFieldLabel)
    {
        if (TakeLabel(cell)) return true;
        if (cell.Tables.Count == 0 && LabelText.Normalize(cell.Text) == LabelText.Normalize(_field.LabelZh)) return true;
        if (isFieldLabel) return false;
        if (_waiting.TryDequeue(out var column))
        {
            _paragraphs[column.Key].AddRange(cell.Paragraphs);
            return true;
        }
        return cell.IsEmpty;
    }

    /// <summary>The table as one value cell: each column label with what was written for it.</summary>
    public DocCell Cell() =>
        new([.. Columns.SelectMany(c => _paragraphs[c.Key].Prepend([c.LabelZh + "："]))], [], false) { Columns = this };

    // A cell that starts with a column label, and may hold further column labels each at the start of
    // a line: each label's lines, up to the next, are its column's. "单位：… 联系人：…" with two labels on
    // one line is a row written out, read as such, and not taken.
    bool TakeLabel(DocCell cell)
    {
        if (cell.Tables.Count > 0) return false;
        var sections = new List<(FieldDefinition Column, List<IReadOnlyList<string>> Paragraphs)>();
        foreach (var paragraph in cell.Paragraphs)
        {
            List<string>? lines = null;
            foreach (var line in paragraph)
            {
                if (ColumnLabel.At(Columns, line) is ({ } column, var after))
                {
                    if (ColumnLabel.Count(Columns, [after]) > 0) return false;
                    lines = [after];
                    sections.Add((column, [lines]));
                }
                else if (ColumnLabel.Count(Columns, [line]) > 0) return false;
                else if (sections.Count == 0)
                {
                    if (line.Trim().Length > 0) return false;
                }
                else if (lines is null) sections[^1].Paragraphs.Add(lines = [line]);
                else lines.Add(line);
            }
        }
        if (sections.Count == 0) return false;
        foreach (var (column, paragraphs) in sections) _paragraphs[column.Key].AddRange(paragraphs);
        _waiting.Enqueue(sections[^1].Column);
        return true;
    }
}
