using System.Text.Json;
using System.Text.Json.Serialization;

namespace Jiebang.Web.Features.Security;

/// <summary>
/// Enums travel by name. Reading, only a defined name is accepted (not a number, not "99", not an
/// undefined name), so an undefined value never reaches a use case; writing, a value is its name.
/// </summary>
public sealed class StrictEnumConverter : JsonConverterFactory
{
    public override bool CanConvert(Type typeToConvert) => typeToConvert.IsEnum;

    public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
        (JsonConverter)Activator.CreateInstance(typeof(Converter<>).MakeGenericType(typeToConvert))!;

    sealed class Converter<T> : JsonConverter<T> where T : struct, Enum
    {
        public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            var name = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
            if (name is { Length: > 0 } && !char.IsAsciiDigit(name[0]) && name[0] != '-'
                && Enum.TryParse<T>(name, ignoreCase: true, out var value) && Enum.IsDefined(value))
                return value;
            throw new JsonException($"Not a {typeof(T).Name}.");
        }

        public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) => writer.WriteStringValue(value.ToString());
    }
}
