using Jiebang.Domain.Identifiers;
using Jiebang.Domain.Rules;

namespace Jiebang.Domain.Proposals.Rules;

/// <summary>
/// "申报单位和需拨付省级财政经费的参与单位应为在浙具有独立法人资格……不包括政府机关" [annex 4 §3.1.1].
/// The USCC shows a government organ (prefix 11) and a sole trader (92, not a legal person); "registered in
/// Zhejiang" is the unit's registered county, chosen from the region table. A code not issued in Zhejiang
/// (positions 3–4 not 33) is only a warning: national registration offices issue codes too.
/// </summary>
static class ApplicantRule
{
    static readonly LocalizedText GovernmentOrgan = new("政府机关", "a government organ");
    static readonly LocalizedText SoleTrader = new("个体工商户（非法人）", "a sole trader (not a legal person)");
    static readonly LocalizedText NotZhejiang = new("非浙江登记", "not registered in Zhejiang");

    public static IEnumerable<RuleError> Check(ProposalFacts facts, ProposalRoundParameters round)
    {
        var uscc = Uscc.Normalize(facts.UnitUscc);
        if (facts.UnitKind == LeadUnitKind.GovernmentOrgan || uscc.StartsWith("11", StringComparison.Ordinal))
            yield return ProposalErrors.ApplicantGovernmentOrgan.At(facts.UnitKind == LeadUnitKind.GovernmentOrgan ? "unit.kind" : "unit.uscc");
        else if (uscc.StartsWith("92", StringComparison.Ordinal))
            yield return ProposalErrors.ApplicantNotLegalPerson.At("unit.uscc", uscc);
        else if (uscc.Length == 18 && !uscc.AsSpan(2, 2).SequenceEqual("33"))
            yield return ProposalErrors.ApplicantCodeNotZhejiang.WarningAt("unit.uscc", uscc.Substring(2, 6));

        if (facts.UnitRegionCode is { Length: > 0 } region && round.Regions.Find(region) is null)
            yield return ProposalErrors.ApplicantOutsideZhejiang.At("unit.regionCode", region);

        for (var i = 0; i < facts.Partners.Count; i++)
        {
            var partner = facts.Partners[i];
            if (string.IsNullOrWhiteSpace(partner.Uscc)) continue;
            var field = $"partners[{i}].uscc";
            foreach (var finding in Uscc.Check(partner.Uscc, field))
                yield return finding.Code == "USCC_CHECK" ? finding with { Severity = Severity.Warning } : finding;
            if (!partner.ReceivesFunds) continue;
            var code = Uscc.Normalize(partner.Uscc);
            var reason = code.StartsWith("11", StringComparison.Ordinal) ? GovernmentOrgan
                : code.StartsWith("92", StringComparison.Ordinal) ? SoleTrader : null;
            if (reason is not null)
                yield return ProposalErrors.PartnerNotEligible.At(field, partner.Name ?? code, reason);
            else if (code.Length == 18 && !code.AsSpan(2, 2).SequenceEqual("33"))
                yield return ProposalErrors.PartnerNotEligible.WarningAt(field, partner.Name ?? code, NotZhejiang);
        }
    }
}
