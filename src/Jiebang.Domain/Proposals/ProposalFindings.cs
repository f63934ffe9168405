using Jiebang.Domain.Rules;

namespace Jiebang.Domain.Proposals;

/// <summary>
/// Every finding on a proposal, the same while typing, at save and at submit: the form's own check
/// (fields, ID numbers, budget sums), the filing's rules here, and the annex-4 rules engine's findings
/// (caps, self-funding shares, the leader's retirement, blacklists), which the caller passes in.
/// </summary>
public static class ProposalFindings
{
    public static IReadOnlyList<RuleError> Of(Proposal proposal, IReadOnlyList<RuleError> formFindings,
        IEnumerable<RuleError>? annex4RuleFindings = null)
    {
        var findings = new List<RuleError>(formFindings);
        // A project goes through one recommending unit, and only one [annex 4 §3.1].
        if (proposal.RecommenderUnitId is null) findings.Add(ProposalFilingErrors.RecommenderRequired.At("recommenderUnitId"));
        // The seam for Proposals/Rules: its findings join here, so pages and submit see them alike.
        findings.AddRange(annex4RuleFindings ?? []);
        return findings;
    }
}
