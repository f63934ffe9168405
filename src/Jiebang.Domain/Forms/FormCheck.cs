using System.Text.Json.Nodes;
using Jiebang.Domain.Rules;

namespace Jiebang.Domain.Forms;

/// <summary>
/// Checks a form's values against its annex: required fields, the 字 limits, choices, the taxonomy,
/// table rows, amounts, years, phone numbers and e-mail addresses. It reports and never changes a
/// value: a text over its limit is reported with its length, not cut.
/// </summary>
public static class FormCheck
{
    /// <summary>
    /// Every finding for the values, keyed by field key; keys the form does not know are ignored.
    /// Findings name the field by its path: "demandName", or "applicationUnits[2].phone" (rows from 0).
    /// </summary>
    /// <param name="today">The date in China, passed in so the check never reads the clock; null for no date check (a form without ID numbers).</param>
    public static IReadOnlyList<RuleError> Check(FormDefinition form, JsonObject values, Taxonomy? taxonomy, DateOnly? today = null)
    {
        var findings = new Findings(form.Clause, taxonomy, today ?? DateOnly.MaxValue);
        if (FormLimits.WhyNot(values) is { } ceiling) findings.Add([ceiling]);
        FieldScope.Check(form.Fields, values, f => f.Key, FieldScope.Label, findings);
        foreach (var section in form.Sections)
            CheckSection(section, form.Fields.Where(f => f.Section == section.Key).ToList(), values, findings);
        foreach (var part in form.Fields.Where(f => f.PartOf is not null))
            AmountRule.CheckPartOf(part, form.Field(part.PartOf!)!, values, findings);
        foreach (var sum in form.Fields.Where(f => f.SumOf is { Count: > 0 }))
            AmountRule.CheckSum(sum, form, values, findings);
        foreach (var field in form.Fields.Where(f => f.RequiredWhenFemale is not null))
            ResidentIdRule.CheckRequiredWhenFemale(field, values, findings);
        return findings.All;
    }

    // Annex 1, 拟解决的问题: "□1.科学问题 □2.技术问题" — at least one of the boxes is filled.
    static void CheckSection(FormSection section, List<FieldDefinition> fields, JsonObject values, Findings findings)
    {
        if (section.MinFilled is not { } min) return;
        var filled = fields.Count(f => !FieldValue.IsEmpty(values[f.Key]));
        if (filled >= min) return;
        var labels = new LocalizedText(
            string.Join("、", fields.Select(f => f.LabelZh)), string.Join(", ", fields.Select(f => f.LabelEn)));
        findings.Error(FormErrors.SectionTooFew, section.Key, new LocalizedText(section.LabelZh, section.LabelEn), labels, min);
    }
}
