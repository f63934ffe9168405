using System.Text.Json;
using System.Text.Json.Nodes;

namespace Jiebang.Web.Documents;

/// <summary>Reads the JSON values of a form for printing: a scalar as text, an array as strings.</summary>
static class ValueText
{
    public static string Of(JsonNode? node) => node switch
    {
        JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>(),
        JsonValue v when v.GetValueKind() is JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => v.ToJsonString(),
        _ => "",
    };

    public static IReadOnlyList<string> Strings(JsonNode? node) =>
        node is JsonArray array ? array.Select(Of).Where(s => s.Length > 0).ToList() : Of(node) is { Length: > 0 } one ? [one] : [];
}
