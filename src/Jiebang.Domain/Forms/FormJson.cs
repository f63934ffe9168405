using System.Text.Json;
using System.Text.Json.Serialization;

namespace Jiebang.Domain.Forms;

/// <summary>How form definitions and taxonomies are written: camelCase names, enums as camelCase strings.</summary>
public static class FormJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false) },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        WriteIndented = true,
    };

    /// <summary>Whether two values are written the same (records holding lists compare by reference otherwise).</summary>
    public static bool Same<T>(T a, T b) => JsonSerializer.Serialize(a, Options) == JsonSerializer.Serialize(b, Options);

    /// <summary>Reads a value; malformed JSON, an unknown member or a missing required one is a <see cref="FormatException"/>.</summary>
    internal static T Read<T>(string json, string what) where T : class
    {
        try
        {
            return JsonSerializer.Deserialize<T>(json, Options) ?? throw new FormatException($"A {what} cannot be null.");
        }
        catch (JsonException e)
        {
            throw new FormatException($"The {what} is not valid: {e.Message}", e);
        }
    }
}
