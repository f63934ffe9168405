using System.Globalization;
using System.Text.Json.Nodes;
using Jiebang.Domain.Forms;
using Jiebang.Domain.Rules;

namespace Jiebang.Web.Pages.Shared.Forms;

/// <summary>What the field partial needs to render one form field with its findings.</summary>
public sealed record FieldView(FieldDefinition Field, JsonNode? Value, string Name, IReadOnlyList<RuleError> Findings, Taxonomy? Taxonomy,
    Func<string, IReadOnlyList<RuleError>> FindingsFor, IReadOnlyDictionary<string, string>? AttachedFiles = null)
{
    public static bool Chinese => CultureInfo.CurrentUICulture.Name.StartsWith("zh", StringComparison.Ordinal);
    public string Label => Chinese ? Field.LabelZh : Field.LabelEn;
    public string? Help => Chinese ? Field.HelpZh : Field.HelpEn;
    public string Id => Name.Replace('.', '_').Replace('[', '_').Replace(']', '_');
    public string Path => Name[Features.Forms.FormPost.Prefix.Length..];

    public string Text => Value is JsonValue v ? (v.TryGetValue(out string? s) ? s : v.ToJsonString()) : "";
    public IReadOnlyList<string> Chosen => Value is JsonArray a ? a.Select(x => x?.ToString() ?? "").ToList() : [];
    public string Area => Value is JsonObject o ? o["area"]?.ToString() ?? "" : "";
    public IReadOnlyList<string> Directions => Value is JsonObject o && o["directions"] is JsonArray a ? a.Select(x => x?.ToString() ?? "").ToList() : [];
    public IReadOnlyList<JsonObject> Rows => Value is JsonArray a ? a.OfType<JsonObject>().ToList() : [];

    /// <summary>What a resident ID number says (出生日期 1971-04-01，性别 女), once it is a valid one.</summary>
    public string? FromResidentId =>
        Field.Type == FieldType.ResidentId && Domain.Identifiers.ResidentId.TryParse(Text, DateOnly.MaxValue, out var id)
            ? Chinese ? $"出生日期：{id!.BirthDate:yyyy-MM-dd}，性别：{(id.IsMale ? "男" : "女")}（由身份证号码得出）"
                : $"Born {id!.BirthDate:yyyy-MM-dd}, {(id.IsMale ? "male" : "female")} (read from the ID number)"
            : null;

    public string Limit => Field switch
    {
        { MaxChars: { } max } => Chinese ? $"不超过{max}字" : $"at most {max} characters",
        { AboutChars: { } about } => Chinese ? $"{about}字左右" : $"about {about} characters",
        _ => "",
    };
}
