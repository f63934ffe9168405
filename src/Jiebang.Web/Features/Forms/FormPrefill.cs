using System.Text.Json.Nodes;
using Jiebang.Domain.Forms;

namespace Jiebang.Web.Features.Forms;

/// <summary>A new filing's first values: the blanks the annex prints filled (所属地区: 龙泉市), and what the definition fills from the unit.</summary>
public static class FormPrefill
{
    public static JsonObject InitialValues(FormDefinition form, Data.Unit unit, string regionName)
    {
        var values = new JsonObject();
        foreach (var field in form.Fields)
        {
            var value = form.Filing.Prefill.TryGetValue(field.Key, out var source)
                ? source switch
                {
                    "unit.name" => unit.Name,
                    "unit.contactName" => unit.ContactName,
                    "unit.uscc" => unit.Uscc,
                    "unit.region" => regionName,
                    _ => null,
                }
                : field.DefaultValue;
            if (!string.IsNullOrEmpty(value)) values[field.Key] = value;
        }
        return values;
    }
}
