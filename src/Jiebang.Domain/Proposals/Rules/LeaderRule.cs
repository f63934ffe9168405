using System.Globalization;
using Jiebang.Domain.Eligibility;
using Jiebang.Domain.Identifiers;
using Jiebang.Domain.Rounds;
using Jiebang.Domain.Rules;

namespace Jiebang.Domain.Proposals.Rules;

/// <summary>
/// The project leader [annex 4 §3.1.2]: an employee or authorised in writing; not reaching statutory
/// retirement age (academicians 70) within the project period unless the unit's commitment letter is
/// attached; not leading an ongoing central guidance project (error); not already leading a provincial
/// project approved this year (a warning: "原则上不予支持" is formal review's call).
/// </summary>
static class LeaderRule
{
    public static IEnumerable<RuleError> Check(ProposalFacts facts, RoundSettings settings, DateOnly today)
    {
        var leader = facts.Leader;
        if (!leader.IsEmployee && !facts.HasAuthorizationLetter)
            yield return ProposalErrors.LeaderNotEmployee.At("leader.isEmployee", leader.Name ?? "");

        if (!string.IsNullOrWhiteSpace(leader.IdNumber))
        {
            var idErrors = ResidentId.Check(leader.IdNumber, today, "leader.idNumber");
            foreach (var error in idErrors) yield return error;
            if (idErrors.Count == 0 && ResidentId.TryParse(leader.IdNumber, today, out var id))
            {
                if (settings.ProjectEndsOn is not { } endsOn)
                    yield return ProposalErrors.ProjectPeriodMissing.WarningAt("round.projectEndsOn");
                else if (Retirement(id!, leader, endsOn, facts.HasCommitmentLetter) is { } finding)
                    yield return finding;
            }
        }

        if (leader.LeadsOngoingCentralGuidanceProject)
            yield return ProposalErrors.LeaderOngoingCentralGuidance.At("leader.leadsOngoingCentralGuidanceProject", leader.Name ?? "");
        if (leader.LeadsProvincialProjectThisYear)
            yield return ProposalErrors.LeaderProvincialProjectThisYear.WarningAt("leader.leadsProvincialProjectThisYear", leader.Name ?? "");
    }

    /// <summary>The leader's schedule: academicians 70, men by the men's schedule, women by their post.</summary>
    public static RetirementCategory CategoryOf(ResidentId id, LeaderFacts leader) =>
        leader.IsAcademician ? RetirementCategory.Academician
        : id.IsMale ? RetirementCategory.Man
        : leader.WomanCategory is RetirementCategory.WomanWorker50 ? RetirementCategory.WomanWorker50
        : RetirementCategory.WomanCadre55;

    // Holds when the project ends before the first day of the retirement month (RULES.md). With the
    // commitment letter the finding stays, as a warning, for formal review to check the letter.
    static RuleError? Retirement(ResidentId id, LeaderFacts leader, DateOnly endsOn, bool hasCommitmentLetter)
    {
        var category = CategoryOf(id, leader);
        if (!RetirementAge.ReachesRetirementWithin(id.BirthDate, category, endsOn)) return null;
        var retirement = RetirementAge.Of(id.BirthDate, category);
        object[] args = [leader.Name ?? "", retirement.Month.Year, retirement.Month.Month, retirement.AgeYears,
            retirement.AgeMonths, endsOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)];
        return hasCommitmentLetter
            ? ProposalErrors.LeaderRetiresWithinProject.WarningAt("leader.idNumber", args)
            : ProposalErrors.LeaderRetiresWithinProject.At("leader.idNumber", args);
    }
}
