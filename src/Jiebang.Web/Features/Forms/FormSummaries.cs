using System.Text;
using System.Text.Json.Nodes;
using Jiebang.Domain.Demands;
using Jiebang.Domain.Forms;

namespace Jiebang.Web.Features.Forms;

/// <summary>Takes the title, area, directions and searchable text out of a form's values.</summary>
public static class FormSummaries
{
    public static DemandSummary From(FormDefinition form, JsonObject values)
    {
        string Text(FieldDefinition? f) => f is null ? "" : values[f.Key] is JsonValue v && v.TryGetValue(out string? s) ? s.Trim() : "";
        // The field the definition names; a definition that names none is titled by its 需求名称 or 项目名称.
        var title = form.Filing.TitleField is { } titleKey ? form.Field(titleKey)
            : form.Fields.FirstOrDefault(f => f.Type == FieldType.Text && (f.LabelZh.Contains("需求名称") || f.LabelZh.Contains("项目名称")));
        var areaField = form.Fields.FirstOrDefault(f => f.Type == FieldType.AreaDirection);
        var area = "";
        var directions = "";
        if (areaField is not null && values[areaField.Key] is JsonObject chosen)
        {
            area = chosen["area"]?.GetValue<string>() ?? "";
            directions = chosen["directions"] is JsonArray list ? string.Join("；", list.Select(d => d?.GetValue<string>())) : "";
        }
        var search = new StringBuilder();
        // Phones and ID numbers stay out of the searchable copy: it is not encrypted.
        foreach (var field in form.Fields.Where(f => !FormPhones.IsPersonal(f) && f.Type != FieldType.Table))
            Collect(values[field.Key], search);
        foreach (var table in form.Fields.Where(f => f.Type == FieldType.Table))
            foreach (var row in (values[table.Key] as JsonArray ?? []).OfType<JsonObject>())
                foreach (var column in (table.Columns ?? []).Where(c => !FormPhones.IsPersonal(c)))
                    Collect(row[column.Key], search);
        // Bounded as the title and area are: the directions are a key of the inbox's covering index.
        return new DemandSummary(Truncate(Text(title), 200), Truncate(area, 100), Truncate(directions, 500), search.ToString());
    }

    static void Collect(JsonNode? node, StringBuilder into)
    {
        switch (node)
        {
            case JsonObject o: foreach (var (_, v) in o) Collect(v, into); break;
            case JsonArray a: foreach (var v in a) Collect(v, into); break;
            case JsonValue v when v.TryGetValue(out string? s): into.Append(s).Append('\n'); break;
        }
    }

    // Only the index columns are bounded; the form's own text is kept whole in the draft.
    static string Truncate(string s, int max) => s.Length <= max ? s : s[..max];
}
