using Jiebang.Domain.Rules;

namespace Jiebang.Domain.Demands;

/// <summary>
/// The rules of a demand that read more than one field and the way it is filed; they return findings
/// (errors block, warnings inform) and run the same while typing, at submit and at each later step.
/// </summary>
public static class DemandRules
{
    /// <param name="demand">The demand as saved.</param>
    /// <param name="filedByRecommender">Whether its form is one a recommending unit files itself (it goes to the bureau directly).</param>
    public static IReadOnlyList<RuleError> Check(Demand demand, bool filedByRecommender)
    {
        var findings = new List<RuleError>();
        // Common industry and public-welfare needs go through a recommending unit [notice §4.2].
        if (demand.Kind != DemandKind.EnterpriseOwn && demand.RecommenderUnitId is null && !filedByRecommender)
            findings.Add(DemandErrors.RecommenderRequired.At("recommenderUnitId"));
        return findings;
    }
}
