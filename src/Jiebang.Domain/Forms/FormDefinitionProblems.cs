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
        if (form.Filing.TitleField is { } title && form.Field(title) is null)
            problems.Add($"filing.titleField: unknown field {title}");
        foreach (var (key, source) in form.Filing.Prefill)
            if (form.Field(key) is null || !FormFiling.PrefillSources.Contains(source))
                problems.Add($"filing.prefill: {key} from {source} is not a field filled from the unit");
        if (form.Layout == FormLayout.List && form.Fields.Count(f => f.Type == FieldType.Table) != 1)
            problems.Add("layout list: the form needs exactly one table");
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
            if (field.RequiredWhenFemale is { } idField && fields.FirstOrDefault(f => f.Key == idField) is not { Type: FieldType.ResidentId })
                problems.Add($"{at}: requiredWhenFemale names no resident-ID field {idField}");
            foreach (var part in field.SumOf ?? [])
                if (!SumPartExists(fields, part)) problems.Add($"{at}: sumOf names no amount {part}");
            if (field.PartOf is { } whole && fields.FirstOrDefault(f => f.Key == whole) is not { Type: FieldType.Amount })
                problems.Add($"{at}: partOf names no amount field {whole}");
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
                    PresetRows(field, at, problems);
                    Fields(field.Columns!, at + ".", problems, sections);
                    break;
            }
            if (field.Type != FieldType.Table && field.PresetRows is not null) problems.Add($"{at}: only a table has preset rows");
            if (field.Options?.GroupBy(o => o.Value).FirstOrDefault(g => g.Count() > 1) is { } option)
                problems.Add($"{at}: option {option.Key} appears twice");
        }
    }

    static bool SumPartExists(IReadOnlyList<FieldDefinition> fields, string part)
    {
        var dot = part.IndexOf('.');
        var field = fields.FirstOrDefault(f => f.Key == (dot < 0 ? part : part[..dot]));
        return dot < 0 ? field is { Type: FieldType.Amount }
            : field?.Columns?.Any(c => c.Key == part[(dot + 1)..] && c.Type == FieldType.Amount) == true;
    }

    static void PresetRows(FieldDefinition table, string at, List<string> problems)
    {
        if (table.PresetRows is not { } presets) return;
        var columns = table.Columns!.Select(c => c.Key).ToHashSet();
        if (presets.Count > table.MaxRows) problems.Add($"{at}: more preset rows than maxRows");
        for (var i = 0; i < presets.Count; i++)
        {
            if (presets[i].Cells.Keys.FirstOrDefault(k => !columns.Contains(k)) is { } unknown)
                problems.Add($"{at}.presetRows[{i}]: unknown column {unknown}");
            if (presets[i].Cells.Count >= columns.Count) problems.Add($"{at}.presetRows[{i}]: no column is left to fill");
        }
    }
}
