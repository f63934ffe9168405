using Jiebang.Domain.Identifiers;
using Jiebang.Domain.Rules;

namespace Jiebang.Domain.Proposals.Rules;

/// <summary>
/// The rules of annex 4 for a central guidance fund proposal, run the same while filling, at submit and
/// at each recommendation: <c>ProposalRules.Check(facts, round, today)</c>. Findings with
/// <see cref="Severity.Error"/> block submission; warnings inform the applicant and formal review.
/// </summary>
public static class ProposalRules
{
    /// <param name="facts">The proposal's values as the form holds them; missing values are not checked.</param>
    /// <param name="round">The round's settings and region lists, the blacklist entries and other proposals to check against.</param>
    /// <param name="today">The date in China (China Standard Time), passed in so that no rule reads the clock.</param>
    public static IReadOnlyList<RuleError> Check(ProposalFacts facts, ProposalRoundParameters round, DateOnly today)
    {
        var findings = new List<RuleError>();
        findings.AddRange(BudgetRules.Check(facts, round.Settings));
        findings.AddRange(SelfFundingRule.Check(facts, round));
        findings.AddRange(ApplicantRule.Check(facts, round));
        findings.AddRange(LeaderRule.Check(facts, round.Settings, today));
        for (var i = 0; i < facts.Team.Count; i++)
            if (!string.IsNullOrWhiteSpace(facts.Team[i].IdNumber))
                findings.AddRange(ResidentId.Check(facts.Team[i].IdNumber, today, $"team[{i}].idNumber"));
        findings.AddRange(BlacklistRule.Check(facts, round.Blacklist, today));
        findings.AddRange(OneChannelRule.Check(facts, round));
        return findings;
    }
}
