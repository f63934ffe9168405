using Jiebang.Domain.Regions;
using Jiebang.Domain.Rules;

namespace Jiebang.Domain.Proposals.Rules;

/// <summary>
/// Self-funding [annex 4 §2.2]: "由企业牵头申报的，自筹经费比例一般不低于80%；由高校院所、新型研发机构等事业性质单位
/// 牵头……自筹经费一般不低于省级财政补助经费。农业类企业、山区26县或海岛县的单位自筹经费比例原则上不低于60%。"
/// Shares are of the total budget. The 60 % clause relieves units in the listed counties and agricultural
/// enterprises; a public institution's own rule (self-funding ≥ the subsidy, i.e. 50 %) is already lower,
/// so it keeps that rule wherever it is. The county list is the round's version of it.
/// </summary>
static class SelfFundingRule
{
    const string Field = "budget.selfFunding";

    public static IEnumerable<RuleError> Check(ProposalFacts facts, ProposalRoundParameters round)
    {
        var settings = round.Settings;
        var onList = false;
        if (facts.UnitRegionCode is { Length: > 0 } region)
        {
            if (!MountainIslandLists.IsKnownVersion(settings.RegionListVersion))
                yield return ProposalErrors.RegionListUnknown.At("round.regionListVersion", settings.RegionListVersion);
            else
                onList = round.Regions.IsOnList(region, settings.RegionListVersion) == true;
        }

        if (facts.Budget is not { Total: > 0m and var total, Subsidy: { } subsidy, SelfFunding: { } self }) yield break;

        if (IsPublicInstitution(facts.UnitKind))
        {
            if (self < subsidy)
                yield return ProposalErrors.SelfFundingBelowSubsidy.At(Field, Money.Wan(self), Money.Wan(subsidy));
            yield break;
        }

        var relieved = onList || (facts.IsAgricultural && facts.UnitKind == LeadUnitKind.Enterprise);
        decimal? minimum = relieved ? settings.MountainIslandSelfFundingMinShare
            : facts.UnitKind == LeadUnitKind.Enterprise ? settings.EnterpriseSelfFundingMinShare : null;
        // Compared as self ≥ share × total, exactly: no division, no rounding.
        if (minimum is { } share && share > 0 && self < share * total)
        {
            var why = onList ? new LocalizedText("山区海岛县单位", "a unit in a mountain or island county")
                : relieved ? new LocalizedText("农业类企业", "an agricultural enterprise")
                : new LocalizedText("企业牵头", "an enterprise-led project");
            yield return ProposalErrors.SelfFundingBelowShare.At(Field, why, Money.Percent(share), Money.Percent(self / total),
                Money.Wan(self), Money.Wan(total));
        }
    }

    /// <summary>"高校院所、新型研发机构等事业性质单位" [annex 4 §2.2].</summary>
    public static bool IsPublicInstitution(LeadUnitKind? kind) =>
        kind is LeadUnitKind.University or LeadUnitKind.ResearchInstitute or LeadUnitKind.NewRdInstitution
            or LeadUnitKind.Hospital or LeadUnitKind.OtherPublicInstitution;
}
