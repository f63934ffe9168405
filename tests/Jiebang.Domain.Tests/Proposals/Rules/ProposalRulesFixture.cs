using System.Globalization;
using Jiebang.Domain.Identifiers;
using Jiebang.Domain.Proposals.Rules;
using Jiebang.Domain.Regions;
using Jiebang.Domain.Rounds;
using Jiebang.Domain.Rules;

namespace Jiebang.Domain.Tests.Proposals.Rules;

/// <summary>The 2024 preset round, the real region table and a proposal that breaks no rule.</summary>
static class ProposalRulesFixture
{
    public static readonly RoundSettings Preset2024 = RoundPresets.CentralGuidanceFund2024.Settings;

    public static readonly MountainIslandLists Regions = MountainIslandLists.ParseTsv(
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Data", "zhejiang_regions.tsv")));

    public static readonly DateOnly Today = new(2024, 3, 20);

    public const string LongquanEnterprise = "91331181MA2E0T3K5K";
    public const string ShangchengDistrict = "330102"; // Hangzhou, on no list
    public const string Longquan = "331181";

    public static ProposalRoundParameters Round(RoundSettings? settings = null) => new(settings ?? Preset2024, Regions);

    /// <summary>An enterprise in Hangzhou asking 200 of 1000 万元, led by a man born 1975.</summary>
    public static ProposalFacts Valid() => new()
    {
        Name = "高性能青瓷釉料中试基地建设",
        Category = "科技成果转移转化",
        UnitKind = LeadUnitKind.Enterprise,
        UnitUscc = LongquanEnterprise,
        UnitRegionCode = ShangchengDistrict,
        Leader = new LeaderFacts { Name = "张三", IdNumber = Id("1975-06-15", male: true) },
        Budget = new BudgetFacts { Total = 1000m, Subsidy = 200m, SelfFunding = 800m, IndirectCostsFromFund = 0m },
        RecommenderUnitId = 7,
    };

    public static ProposalFacts WithBudget(this ProposalFacts facts, decimal subsidy, decimal selfFunding) =>
        facts with { Budget = facts.Budget with { Total = subsidy + selfFunding, Subsidy = subsidy, SelfFunding = selfFunding } };

    /// <summary>A valid resident ID number for a person born on <paramref name="birth"/> (yyyy-MM-dd).</summary>
    public static string Id(string birth, bool male, string address = "331181")
    {
        var date = DateOnly.ParseExact(birth, "yyyy-MM-dd", CultureInfo.InvariantCulture);
        var first17 = address + date.ToString("yyyyMMdd", CultureInfo.InvariantCulture) + (male ? "013" : "024");
        return first17 + ResidentId.CheckCharacter(first17);
    }

    public static IReadOnlyList<RuleError> Check(ProposalFacts facts, ProposalRoundParameters? round = null) =>
        ProposalRules.Check(facts, round ?? Round(), Today);

    public static RuleError? Find(this IReadOnlyList<RuleError> findings, ErrorCode code) =>
        findings.SingleOrDefault(f => f.Code == code.Code);
}
