using Jiebang.Domain.Forms;
using Jiebang.Domain.Proposals.Rules;
using Jiebang.Domain.Rules;

namespace Jiebang.Web.Features.Proposals;

/// <summary>
/// Where a rule's finding shows on the proposal form: the rules name facts (<c>budget.subsidy</c>,
/// <c>leader.idNumber</c>), the form names its fields (<c>subsidyRequested</c>, <c>leaderIdNumber</c>); table
/// cells (<c>partners[0].uscc</c>, <c>team[2].idNumber</c>) are named alike. A fact no field holds (the
/// category, the round's settings) is a finding on the proposal as a whole ("").
/// </summary>
public static class ProposalRuleFields
{
    static readonly Dictionary<string, string> FormFieldOf = new(StringComparer.Ordinal)
    {
        ["name"] = "projectName",
        ["unit.uscc"] = "applicantUscc",
        ["unit.kind"] = "applicantUnit",
        ["unit.regionCode"] = "applicantRegion",
        ["leader.idNumber"] = "leaderIdNumber",
        ["leader.isEmployee"] = "leaderEmployee",
        ["leader.leadsOngoingCentralGuidanceProject"] = "leaderOngoingCentralGuidance",
        ["leader.leadsProvincialProjectThisYear"] = "leaderProvincialThisYear",
        ["budget.total"] = "totalBudget",
        ["budget.subsidy"] = "subsidyRequested",
        ["budget.selfFunding"] = "selfFunding",
        ["budget.indirectCostsFromFund"] = "budgetRows",
        ["recommenderUnitId"] = "recommenderUnitId",
    };

    /// <summary>
    /// The checks the form's own field types already make (amounts in range and precision, the budget's sum,
    /// ID numbers and codes): the rules' twin of one is left out where the form found an error at that field.
    /// </summary>
    static readonly HashSet<string> FormAlsoChecks =
        [ProposalErrors.AmountOutOfRange.Code, ProposalErrors.AmountTooPrecise.Code, ProposalErrors.BudgetSumMismatch.Code];

    public static string FormField(string ruleField, FormDefinition form)
    {
        if (FormFieldOf.TryGetValue(ruleField, out var key))
            return key == "recommenderUnitId" || form.Fields.Any(f => f.Key == key) ? key : "";
        var table = ruleField.Split('[')[0];
        return ruleField.Contains('[') && form.Fields.Any(f => f.Key == table && f.Type == FieldType.Table) ? ruleField : "";
    }

    /// <summary>The rules' findings at the form's fields, without those the form's findings already say.</summary>
    public static IEnumerable<RuleError> OnForm(IEnumerable<RuleError> ruleFindings, IReadOnlyList<RuleError> formFindings, FormDefinition form)
    {
        var formErrorsAt = formFindings.Where(f => f.IsError).Select(f => f.Field).ToHashSet(StringComparer.Ordinal);
        var said = formFindings.Select(f => (f.Code, f.Field)).ToHashSet();
        foreach (var finding in ruleFindings)
        {
            var placed = finding with { Field = FormField(finding.Field, form) };
            if (said.Contains((placed.Code, placed.Field))) continue;
            if (formErrorsAt.Contains(placed.Field) && (FormAlsoChecks.Contains(placed.Code) || IsIdentifierCheck(placed.Code))) continue;
            said.Add((placed.Code, placed.Field));
            yield return placed;
        }
    }

    static bool IsIdentifierCheck(string code) => code.StartsWith("ID_", StringComparison.Ordinal) || code.StartsWith("USCC_", StringComparison.Ordinal);
}
