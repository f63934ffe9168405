using Jiebang.Domain.Rules;

namespace Jiebang.Domain.Eligibility;

/// <summary>The rules of who may lead a project.</summary>
public static class EligibilityErrors
{
    /// <summary>A warning: the unit may still apply with a commitment letter, which formal review checks.</summary>
    public static readonly ErrorCode LeaderReachesRetirement = ErrorCode.Invalid("LEADER_REACHES_RETIREMENT",
        Clause.Law("NPC Standing Committee decision of 2024-09-13; annex 4"));
}
