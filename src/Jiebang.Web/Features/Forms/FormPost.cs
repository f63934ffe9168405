using System.Text.Json.Nodes;
using Jiebang.Domain.Forms;

namespace Jiebang.Web.Features.Forms;

/// <summary>
/// Reads a posted HTML form into the same JSON values the API takes, so that both go through one
/// save path. Names: <c>f.key</c>, <c>f.key.area</c> / <c>f.key.directions</c>, <c>f.key[i].column</c>.
/// </summary>
public static class FormPost
{
    public const string Prefix = "f.";

    public static JsonObject ToValues(FormDefinition form, IFormCollection posted)
    {
        var values = new JsonObject();
        foreach (var field in form.Fields)
        {
            var name = Prefix + field.Key;
            JsonNode? value = field.Type switch
            {
                FieldType.MultipleChoice => new JsonArray(posted[name].Where(v => !string.IsNullOrEmpty(v)).Select(v => (JsonNode?)v).ToArray()),
                FieldType.AreaDirection => new JsonObject
                {
                    ["area"] = posted[name + ".area"].ToString(),
                    ["directions"] = new JsonArray(posted[name + ".directions"].Where(v => !string.IsNullOrEmpty(v)).Select(v => (JsonNode?)v).ToArray()),
                },
                FieldType.Table => Table(field, posted, name),
                _ => posted.ContainsKey(name) ? posted[name].ToString() : null,
            };
            if (value is not null) values[field.Key] = value;
        }
        return values;
    }

    static JsonArray Table(FieldDefinition table, IFormCollection posted, string name)
    {
        var presets = table.PresetRows ?? [];
        var rows = new JsonArray();
        for (var i = 0; posted.Keys.Any(k => k.StartsWith($"{name}[{i}].", StringComparison.Ordinal)); i++)
        {
            var preset = i < presets.Count ? presets[i] : null;
            var row = new JsonObject();
            // The cells the annex prints already named are shown, not posted.
            foreach (var column in (table.Columns ?? []).Where(c => preset?.Cells.ContainsKey(c.Key) != true))
                row[column.Key] = posted[$"{name}[{i}].{column.Key}"].ToString();
            // A row left wholly empty is not kept: it was only the blank line to type into. A listed
            // row is kept even empty, as its place says which indicator the next rows are.
            if (preset is not null || row.Any(c => c.Value?.GetValue<string>().Trim().Length > 0)) rows.Add(row);
        }
        return rows;
    }
}
