using System.Text.Json;
using System.Text.Json.Nodes;

namespace Jiebang.Domain.Forms;

/// <summary>Reads the JSON values of a form: what counts as empty, and a scalar as text.</summary>
static class FieldValue
{
    /// <summary>Null, blank text, or an array or object holding nothing but empties (an untouched table row).</summary>
    public static bool IsEmpty(JsonNode? node) => node switch
    {
        null => true,
        JsonArray array => array.All(IsEmpty),
        JsonObject obj => obj.All(p => IsEmpty(p.Value)),
        JsonValue value => value.GetValueKind() switch
        {
            JsonValueKind.String => string.IsNullOrWhiteSpace(value.GetValue<string>()),
            JsonValueKind.Null => true,
            _ => false,
        },
        _ => false,
    };

    /// <summary>A string as written, a number or boolean as its JSON text; false for an array or object.</summary>
    public static bool TryText(JsonNode node, out string text)
    {
        text = "";
        if (node is not JsonValue value) return false;
        text = value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : value.ToJsonString();
        return true;
    }
}
