using System.Text.Json.Nodes;
using Jiebang.Domain.Forms;
using Jiebang.Web.Features.PersonalData;

namespace Jiebang.Web.Features.Forms;

/// <summary>
/// The phone fields of a form (联系方式, and phone columns of tables) and its resident-ID fields (项目负责人
/// 身份证号码) are personal information: kept encrypted inside the stored values, and shown masked to
/// anyone outside the filing unit.
/// </summary>
public sealed class FormPhones(PersonalDataProtector personal)
{
    const string Marker = "enc:";

    /// <summary>
    /// Encrypts each phone. A value that only looks encrypted (typed or imported text beginning with
    /// the marker) is encrypted like any other, so that it cannot break the draft when read back.
    /// </summary>
    public JsonObject Protect(FormDefinition form, JsonObject values) =>
        Map(form, values, v => v.Length == 0 || IsOurs(v) ? v : Marker + personal.Protect(v));

    public JsonObject Unprotect(FormDefinition form, JsonObject values) =>
        Map(form, values, v => v.StartsWith(Marker, StringComparison.Ordinal) ? personal.TryUnprotect(v[Marker.Length..]) ?? v : v);

    bool IsOurs(string value) => value.StartsWith(Marker, StringComparison.Ordinal) && personal.TryUnprotect(value[Marker.Length..]) is not null;

    /// <summary>Masks values already unprotected: 139****1234, 3301**********064X.</summary>
    public static JsonObject Mask(FormDefinition form, JsonObject values) =>
        Map(form, values, (field, v) => v.Length == 0 ? v
            : field.Type == FieldType.ResidentId ? Domain.Identifiers.ResidentId.Mask(Domain.Identifiers.ResidentId.Normalize(v))
            : PersonalDataProtector.Mask(v));

    /// <summary>Whether a field holds personal information kept encrypted: a phone or a resident ID number.</summary>
    public static bool IsPersonal(FieldDefinition field) => field.Type is FieldType.Phone or FieldType.ResidentId;

    static JsonObject Map(FormDefinition form, JsonObject values, Func<string, string> change) =>
        Map(form, values, (_, v) => change(v));

    static JsonObject Map(FormDefinition form, JsonObject values, Func<FieldDefinition, string, string> change)
    {
        var copy = (JsonObject)values.DeepClone();
        foreach (var field in form.Fields)
        {
            if (IsPersonal(field)) Change(copy, field.Key, v => change(field, v));
            else if (field.Type == FieldType.Table && copy[field.Key] is JsonArray rows)
                foreach (var row in rows.OfType<JsonObject>())
                    foreach (var column in (field.Columns ?? []).Where(IsPersonal))
                        Change(row, column.Key, v => change(column, v));
        }
        return copy;
    }

    static void Change(JsonObject holder, string key, Func<string, string> change)
    {
        if (holder[key] is JsonValue value && value.TryGetValue(out string? text)) holder[key] = change(text);
    }
}
