using System.Text.Json.Nodes;
using Jiebang.Domain.Identifiers;
using Jiebang.Domain.Rules;

namespace Jiebang.Domain.Forms;

/// <summary>
/// A resident ID number typed in a form (the project leader's), checked as GB 11643 says: the check
/// character, a birth date that exists and is past, a province code. Its findings name the form's field.
/// </summary>
static class ResidentIdRule
{
    public static void Check(string path, LocalizedText label, string text, Findings findings) =>
        findings.Add(ResidentId.Check(text, findings.Today, path).Select(e => e with { Label = label }));

    /// <summary>
    /// A woman's retirement schedule follows her post (cadre 55 or worker 50), which the ID cannot say:
    /// the form asks for it once the ID number says its holder is a woman (RULES.md, retirement age).
    /// </summary>
    public static void CheckRequiredWhenFemale(FieldDefinition field, JsonObject values, Findings findings)
    {
        if (!FieldValue.IsEmpty(values[field.Key])) return;
        if (!FieldValue.TryText(values[field.RequiredWhenFemale!] ?? "", out var text)) return;
        if (!ResidentId.TryParse(text, findings.Today, out var id) || id!.IsMale) return;
        findings.Error(FormErrors.RequiredForWoman, field.Key, FieldScope.Label(field));
    }
}
