using System.Globalization;
using Jiebang.Domain.Proposals.Rules;
using Jiebang.Domain.Rules;

namespace Jiebang.Domain.Tests.Proposals.Rules;

public sealed class ProposalErrorsTests
{
    public static TheoryData<string> Codes() => new(ProposalErrors.All.Select(c => c.Code));

    [Theory]
    [MemberData(nameof(Codes))]
    public void EveryCode_HasChineseAndEnglishTextAndAClause(string code)
    {
        var entry = ProposalErrors.All.Single(c => c.Code == code);
        Assert.False(string.IsNullOrWhiteSpace(entry.Clause));
        var zh = entry.At("field", "甲", "乙", "丙", "丁", "戊", "己", "庚").Message(CultureInfo.GetCultureInfo("zh-CN"));
        var en = entry.At("field", "a", "b", "c", "d", "e", "f", "g").Message(CultureInfo.GetCultureInfo("en-US"));
        Assert.NotEqual(code, zh);
        Assert.NotEqual(zh, en);
        Assert.Contains('：', zh);
        Assert.Contains(':', en);
    }

    [Fact]
    public void All_ListsEveryCatalogueField()
    {
        var fields = typeof(ProposalErrors).GetFields().Where(f => f.FieldType == typeof(ErrorCode)).Select(f => (ErrorCode)f.GetValue(null)!);
        Assert.Equal(fields.Select(f => f.Code).Order(), ProposalErrors.All.Select(c => c.Code).Order());
    }
}
