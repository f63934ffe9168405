using System.Globalization;
using Jiebang.Domain.Proposals.Rules;
using Jiebang.Domain.Rules;
using static Jiebang.Domain.Tests.Proposals.Rules.ProposalRulesFixture;

namespace Jiebang.Domain.Tests.Proposals.Rules;

public sealed class BudgetRulesTests
{
    [Fact]
    public void Check_ValidProposal_HasNoFindings() => Assert.Empty(Check(Valid()));

    [Theory] // the 2024 caps of annex 4 §1: exactly the cap passes, one fen (0.000001 万元) more does not
    [InlineData("区域科技创新体系建设", "300")]
    [InlineData("科技创新基地建设", "500")]
    [InlineData("科技成果转移转化", "200")]
    public void Check_SubsidyAtCapAndOneFenMore_OnlyTheLatterIsOverCap(string category, string capText)
    {
        var cap = decimal.Parse(capText, CultureInfo.InvariantCulture);
        var atCap = Valid().WithBudget(cap, cap * 4) with { Category = category };
        var over = Valid().WithBudget(cap + Money.Fen, cap * 4) with { Category = category };

        Assert.Null(Check(atCap).Find(ProposalErrors.SubsidyOverCap));
        var finding = Check(over).Find(ProposalErrors.SubsidyOverCap);
        Assert.NotNull(finding);
        Assert.Equal("budget.subsidy", finding.Field);
        Assert.Equal(Severity.Error, finding.Severity);
        Assert.Equal($"拟申请财政补助：{category}类每项不超过{capText}万元，现为{capText}.000001万元（附件4第一条）。",
            finding.Message(CultureInfo.GetCultureInfo("zh-CN")));
    }

    [Fact]
    public void Check_SubsidyOf200Point01_NamesTheNumbersInChineseAndEnglish()
    {
        var finding = Check(Valid().WithBudget(200.01m, 1000m)).Find(ProposalErrors.SubsidyOverCap)!;
        Assert.Equal("拟申请财政补助：科技成果转移转化类每项不超过200万元，现为200.01万元（附件4第一条）。",
            finding.Message(CultureInfo.GetCultureInfo("zh-CN")));
        Assert.Contains("at most 200", finding.Message(CultureInfo.GetCultureInfo("en-US")));
        Assert.Equal("annex 4 §1.1.2, 1.2.2, 1.3.2", finding.Clause);
    }

    [Fact] // an item of the challenge list offering 80 万元: exactly 80 passes, one fen more does not
    public void Check_ItemProposalAtItsFundingAndOneFenMore_OnlyTheLatterIsOverTheItem()
    {
        var item = new TakenItemFacts("高性能青瓷釉料配方研发", 80m);
        var atFunding = Valid().WithBudget(80m, 400m) with { Category = null, Item = item };
        var over = Valid().WithBudget(80m + Money.Fen, 400m) with { Category = null, Item = item };

        Assert.Empty(Check(atFunding));
        var finding = Check(over).Find(ProposalErrors.SubsidyOverItemFunding);
        Assert.NotNull(finding);
        Assert.Equal("budget.subsidy", finding.Field);
        Assert.Equal(Severity.Error, finding.Severity);
        Assert.Equal("拟申请财政补助：不得超过榜单项“高性能青瓷釉料配方研发”的支持经费80万元，现为80.000001万元（通知第三条）。",
            finding.Message(CultureInfo.GetCultureInfo("zh-CN")));
        Assert.Equal("notice §3", finding.Clause);
    }

    [Fact]
    public void Check_ItemWithoutFunding_AsksNoLimitOfItsOwn()
    {
        var facts = Valid().WithBudget(150m, 750m) with { Category = null, Item = new TakenItemFacts("公益性技术应用研究", null) };
        Assert.Null(Check(facts).Find(ProposalErrors.SubsidyOverItemFunding));
    }

    [Fact]
    public void Check_AmountFinerThanAFen_IsRefused()
    {
        var facts = Valid() with { Budget = Valid().Budget with { Subsidy = 200m - 0.0000001m } };
        Assert.Equal("budget.subsidy", Check(facts).Find(ProposalErrors.AmountTooPrecise)?.Field);
    }

    [Theory]
    [InlineData("-1")]
    [InlineData("1000001")]
    public void Check_AmountOutOfRange_IsRefusedNamingTheField(string amount)
    {
        var facts = Valid() with { Budget = Valid().Budget with { SelfFunding = decimal.Parse(amount, CultureInfo.InvariantCulture) } };
        var finding = Check(facts).Find(ProposalErrors.AmountOutOfRange)!;
        Assert.Equal("budget.selfFunding", finding.Field);
        Assert.StartsWith("自筹经费：应在0至1000000万元之间", finding.Message(CultureInfo.GetCultureInfo("zh-CN")));
    }

    [Fact]
    public void Check_TotalNotSubsidyPlusSelfFunding_IsAnError()
    {
        var facts = Valid() with { Budget = Valid().Budget with { Total = 1000.01m } };
        Assert.NotNull(Check(facts).Find(ProposalErrors.BudgetSumMismatch));
    }

    [Fact]
    public void Check_CategoryNotOfTheRound_IsAnError()
    {
        var finding = Check(Valid() with { Category = "基础研究" }).Find(ProposalErrors.CategoryUnknown);
        Assert.Equal("category", finding?.Field);
    }

    [Fact]
    public void Check_OneFenOfIndirectCostsFromTheFund_IsAnError()
    {
        Assert.Null(Check(Valid()).Find(ProposalErrors.IndirectCostsFromFund));
        var facts = Valid() with { Budget = Valid().Budget with { IndirectCostsFromFund = Money.Fen } };
        Assert.Equal("budget.indirectCostsFromFund", Check(facts).Find(ProposalErrors.IndirectCostsFromFund)?.Field);
    }

    [Fact]
    public void Check_IndirectCostsInARoundThatAllowsThem_IsAccepted()
    {
        var facts = Valid() with { Budget = Valid().Budget with { IndirectCostsFromFund = 10m } };
        var round = Round(Preset2024 with { IndirectCostsAllowed = true });
        Assert.Null(Check(facts, round).Find(ProposalErrors.IndirectCostsFromFund));
    }
}
