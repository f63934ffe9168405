namespace Jiebang.Domain.Forms;

/// <summary>What makes a definition unusable: keys repeated, choices without options, tables without columns.</summary>
static class FormDefinitionProblems
{
    public static List<string> Find(FormDefinition form)
    {
        var problems = new List<string>();
        var sections = form.Sections.Select(s => s.Key).ToHashSet();
        Fields(form.Fields, "", problems, sections);
        foreach (var field in form.Fields)
            if (field.Section is { } section && !sections.Contains(section))
                problems.Add($"{field.Key}: unknown section {section}");
        if (form.StampBlock is { } stamp && form.Field(stamp.AfterField) is null)
            problems.Add($"stampBlock: unknown field {stamp.AfterField}");
        return problems;
    }

    static void Fields(IReadOnlyList<FieldDefinition> fields, string prefix, List<string> problems, HashSet<string> sections)
    {
        var keys = fields.Select(f => f.Key).ToHashSet();
        foreach (var key in fields.GroupBy(f => f.Key).Where(g => g.Count() > 1).Select(g => g.Key))
            problems.Add($"{prefix}{key}: key appears twice");
        foreach (var field in fields)
        {
            var at = prefix + field.Key;
            if (string.IsNullOrWhiteSpace(field.Key)) problems.Add($"{prefix}: empty key");
            if (field.RequiredWith is { } other && !keys.Contains(other)) problems.Add($"{at}: requiredWith unknown field {other}");
            switch (field.Type)
            {
                case FieldType.SingleChoice or FieldType.MultipleChoice when field.Options is not { Count: > 0 }:
                    problems.Add($"{at}: a choice needs options");
                    break;
                case FieldType.YearSpan when field.AllowedYears is { Count: 0 }:
                    problems.Add($"{at}: allowedYears is empty");
                    break;
                case FieldType.Table when field.Columns is not { Count: > 0 }:
                    problems.Add($"{at}: a table needs columns");
                    break;
                case FieldType.Table:
                    if (field.Columns!.FirstOrDefault(c => c.Type is FieldType.Table or FieldType.AreaDirection) is { } nested)
                        problems.Add($"{at}.{nested.Key}: a column must be of a scalar type");
                    if (field.MinRows > field.MaxRows) problems.Add($"{at}: minRows exceeds maxRows");
                    Fields(field.Columns!, at + ".", problems, sections);
                    break;
            }
            if (field.Options?.GroupBy(o => o.Value).FirstOrDefault(g => g.Count() > 1) is { } option)
                problems.Add($"{at}: option {option.Key} appears twice");
        }
    }
}
