using System.Globalization;
using Jiebang.Domain.Rules;

namespace Jiebang.Domain.Eligibility;

/// <summary>The month a person reaches statutory retirement age, and the age it is.</summary>
public sealed record StatutoryRetirement(DateOnly Month, int AgeInMonths)
{
    public int AgeYears => AgeInMonths / 12;

    /// <summary>The months beyond <see cref="AgeYears"/>: 60 years 1 month gives 1.</summary>
    public int AgeMonths => AgeInMonths % 12;
}

/// <summary>
/// Statutory retirement age from 2025-01-01 under the NPC Standing Committee's decision of
/// 13 September 2024 and the State Council's measures attached to it (RULES.md).
/// </summary>
public static class RetirementAge
{
    // base age, first birth month affected, birth months per month of delay, most delay (months).
    sealed record Schedule(int BaseYears, int FirstYear, int Step, int MostDelay);

    static Schedule For(RetirementCategory category) => category switch
    {
        RetirementCategory.Man => new(60, 1965, 4, 36),
        RetirementCategory.WomanCadre55 => new(55, 1970, 4, 36),
        RetirementCategory.WomanWorker50 => new(50, 1975, 2, 60),
        RetirementCategory.Academician => new(70, 1965, 1, 0), // no delay: most delay 0
        _ => throw new ArgumentOutOfRangeException(nameof(category), category, null),
    };

    /// <summary>
    /// n = (birthYear − firstYear) × 12 + birthMonth; delay = n &lt; 1 ? 0 : min(mostDelay, ⌈n / step⌉);
    /// retirement month = birth month + base × 12 + delay. The day of birth does not matter.
    /// </summary>
    public static StatutoryRetirement Of(DateOnly birthDate, RetirementCategory category)
    {
        var schedule = For(category);
        var n = ((birthDate.Year - schedule.FirstYear) * 12) + birthDate.Month;
        var delay = n < 1 ? 0 : Math.Min(schedule.MostDelay, (n + schedule.Step - 1) / schedule.Step);
        var age = (schedule.BaseYears * 12) + delay;
        return new(new DateOnly(birthDate.Year, birthDate.Month, 1).AddMonths(age), age);
    }

    /// <summary>
    /// True when the leader reaches retirement age within a project ending on <paramref name="projectEndsOn"/>:
    /// the rule "must not reach statutory retirement age within the project period" holds only when
    /// the project ends before the first day of the retirement month.
    /// </summary>
    public static bool ReachesRetirementWithin(DateOnly birthDate, RetirementCategory category, DateOnly projectEndsOn) =>
        projectEndsOn >= Of(birthDate, category).Month;

    /// <summary>
    /// The finding for a leader who retires within the project, or null. A warning, not an error:
    /// the unit may still apply with a commitment letter (rehired or delayed retirement), which
    /// formal review checks.
    /// </summary>
    public static RuleError? CheckLeader(DateOnly birthDate, RetirementCategory category, DateOnly projectEndsOn,
        string field = "leader")
    {
        if (!ReachesRetirementWithin(birthDate, category, projectEndsOn)) return null;
        var retirement = Of(birthDate, category);
        return EligibilityErrors.LeaderReachesRetirement.WarningAt(field, retirement.Month.Year, retirement.Month.Month,
            retirement.AgeYears, retirement.AgeMonths, projectEndsOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
    }
}
