using System.Text;
using System.Text.Json.Nodes;
using Jiebang.Domain.Forms;

namespace Jiebang.Web.Features.Forms;

/// <summary>
/// The part of a demand that says what the work is: the fields its form marks as compared for
/// similarity (name, background, content, targets). The unit's profile, contacts, budget and
/// opinions are left out: they would make every demand of a unit look like every other.
/// </summary>
public static class FilingText
{
    public static string Of(FormDefinition form, JsonObject values)
    {
        var text = new StringBuilder();
        foreach (var field in form.Fields.Where(f => f.ComparedForSimilarity))
            if (values[field.Key] is JsonValue v && v.TryGetValue(out string? s) && s.Trim().Length > 0)
                text.AppendLine(s.Trim());
        return text.ToString();
    }
}
