using Jiebang.Domain.Proposals.Rules;
using Jiebang.Domain.Rules;
using static Jiebang.Domain.Tests.Proposals.Rules.ProposalRulesFixture;

namespace Jiebang.Domain.Tests.Proposals.Rules;

public sealed class ApplicantRuleTests
{
    [Fact]
    public void Check_GovernmentOrganCode_IsAnError() =>
        Assert.NotNull(Check(Valid() with { UnitUscc = "11331181002599166X" }).Find(ProposalErrors.ApplicantGovernmentOrgan));

    [Fact]
    public void Check_DeclaredGovernmentOrgan_IsAnError() =>
        Assert.Equal("unit.kind", Check(Valid() with { UnitKind = LeadUnitKind.GovernmentOrgan }).Find(ProposalErrors.ApplicantGovernmentOrgan)?.Field);

    [Fact]
    public void Check_PublicInstitutionCode12_IsEligible() =>
        Assert.Null(Check(Valid() with { UnitUscc = "12331181002599166X" }).Find(ProposalErrors.ApplicantGovernmentOrgan));

    [Fact]
    public void Check_SoleTrader_IsNotALegalPerson() =>
        Assert.NotNull(Check(Valid() with { UnitUscc = "92331181MA2E0T3K5K" }).Find(ProposalErrors.ApplicantNotLegalPerson));

    [Fact]
    public void Check_RegionOutsideZhejiang_IsAnError() =>
        Assert.Equal("unit.regionCode", Check(Valid() with { UnitRegionCode = "110105" }).Find(ProposalErrors.ApplicantOutsideZhejiang)?.Field);

    [Fact]
    public void Check_CodeIssuedOutsideZhejiang_IsAWarning() =>
        Assert.Equal(Severity.Warning, Check(Valid() with { UnitUscc = "91350100M000100Y43" }).Find(ProposalErrors.ApplicantCodeNotZhejiang)?.Severity);

    [Fact]
    public void Check_FundedPartnerThatIsAGovernmentOrgan_IsAnError()
    {
        var facts = Valid() with { Partners = [new PartnerFacts("某局", "11331181002599166X", ReceivesFunds: true)] };
        Assert.Equal("partners[0].uscc", Check(facts).Find(ProposalErrors.PartnerNotEligible)?.Field);
        var unfunded = Valid() with { Partners = [new PartnerFacts("某局", "11331181002599166X")] };
        Assert.Null(Check(unfunded).Find(ProposalErrors.PartnerNotEligible));
    }
}
