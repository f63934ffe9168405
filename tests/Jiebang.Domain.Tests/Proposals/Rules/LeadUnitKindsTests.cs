using Jiebang.Domain.Integrity;
using Jiebang.Domain.Proposals.Rules;
using Jiebang.Domain.Units;

namespace Jiebang.Domain.Tests.Proposals.Rules;

public sealed class LeadUnitKindsTests
{
    [Theory]
    [InlineData(UnitType.Enterprise, "91331181MA2E0T3K5K", LeadUnitKind.Enterprise)]
    [InlineData(UnitType.Enterprise, "12331181002599166X", LeadUnitKind.OtherPublicInstitution)]
    [InlineData(UnitType.University, "12330000470000128M", LeadUnitKind.University)]
    [InlineData(UnitType.ScienceBureau, "113311810020000041", LeadUnitKind.GovernmentOrgan)]
    public void From_TypeAndCode_GivesTheKind(UnitType type, string uscc, LeadUnitKind kind) =>
        Assert.Equal(kind, LeadUnitKinds.From(type, uscc));

    public static TheoryData<string> BlacklistCodes() => new(BlacklistErrors.All.Select(c => c.Code));

    [Theory]
    [MemberData(nameof(BlacklistCodes))]
    public void BlacklistErrors_EveryCodeHasBothTexts(string code)
    {
        var entry = BlacklistErrors.All.Single(c => c.Code == code);
        var zh = entry.At("f", 3, "甲", "乙", "丙", "丁").Message(System.Globalization.CultureInfo.GetCultureInfo("zh-CN"));
        var en = entry.At("f", 3, "a", "b", "c", "d").Message(System.Globalization.CultureInfo.GetCultureInfo("en-US"));
        Assert.NotEqual(code, zh);
        Assert.NotEqual(zh, en);
    }
}
