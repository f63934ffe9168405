using System.Text.Json.Nodes;

namespace Jiebang.Web.Features.Forms;

/// <summary>Whether a new form's values hold anything typed: a value that is neither blank nor what the form started with.</summary>
public static class FormContent
{
    public static bool HasContent(JsonObject values, JsonObject initial) =>
        values.Any(p => !IsBlank(p.Value) && !JsonNode.DeepEquals(p.Value, initial[p.Key]));

    static bool IsBlank(JsonNode? node) => node switch
    {
        null => true,
        JsonArray items => items.All(IsBlank),
        JsonObject members => members.All(m => IsBlank(m.Value)),
        JsonValue value when value.TryGetValue(out string? text) => string.IsNullOrWhiteSpace(text),
        _ => false,
    };
}
