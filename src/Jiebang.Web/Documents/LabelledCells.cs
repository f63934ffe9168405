using Jiebang.Domain.Forms;

namespace Jiebang.Web.Documents;

/// <summary>
/// Pairs each field's label cell with its value cell by reading the table's cells in order: a cell
/// whose text is a field's label opens it, and the next cell that is not a label is its value. A
/// section header (期望达到的目标) decides between fields that share a label; merged continuation
/// cells are passed over. A table field whose label is followed by its column labels, each with a
/// value cell, is read by <see cref="LabelledColumns"/>.
/// </summary>
sealed record LabelledCells(IReadOnlyDictionary<string, DocCell> Values, IReadOnlyList<DocCell> Unclaimed)
{
    public static LabelledCells Find(FormDefinition form, List<List<DocCell>> rows)
    {
        var fields = form.Fields.Where(f => f.Type != FieldType.Attachment)
            .GroupBy(f => LabelText.Normalize(f.LabelZh)).ToDictionary(g => g.Key, g => g.ToList());
        var sections = form.Sections.GroupBy(s => LabelText.Normalize(s.LabelZh)).ToDictionary(g => g.Key, g => g.First().Key);
        var values = new Dictionary<string, DocCell>();
        var unclaimed = new List<DocCell>();
        FieldDefinition? open = null;
        LabelledColumns? columns = null;
        string? section = null;
        foreach (var cell in rows.SelectMany(r => r))
        {
            if (cell.ContinuesMerge) continue;
            var text = cell.Tables.Count == 0 ? LabelText.Normalize(cell.Text) : "";
            if (columns is not null)
            {
                if (columns.Take(cell, fields.ContainsKey(text) || sections.ContainsKey(text))) continue;
                values[columns.Key] = columns.Cell();
                columns = null;
            }
            if (sections.TryGetValue(text, out var s)) section = s;
            if (fields.TryGetValue(text, out var candidates)
                && candidates.Where(f => !values.ContainsKey(f.Key)).OrderBy(f => f.Section == section ? 0 : 1).FirstOrDefault() is { } field)
            {
                open = field;
                if (field.Section is null) section = sections.ContainsKey(text) ? section : null;
                continue;
            }
            if (sections.ContainsKey(text)) continue;
            if (open is not null && LabelledColumns.Start(open, cell) is { } table)
            {
                columns = table;
                open = null;
            }
            else if (open is not null)
            {
                values[open.Key] = cell;
                // The boxes of an area field are read from all free cells, this one included.
                if (open.Type == FieldType.AreaDirection) unclaimed.Add(cell);
                open = null;
            }
            else unclaimed.Add(cell);
        }
        if (columns is not null) values[columns.Key] = columns.Cell();
        return new LabelledCells(values, unclaimed);
    }
}
