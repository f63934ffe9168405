using System.Text.Json.Nodes;
using Jiebang.Domain.Guidelines;
using Jiebang.Domain.Rounds;
using Jiebang.Web.Data;
using Jiebang.Web.Tests.Infrastructure;

namespace Jiebang.Web.Tests.Features.Proposals;

/// <summary>A call of a test's own, open now, with a published item and a draft one; and a proposal's complete values.</summary>
public static class TestCalls
{
    public sealed record Call(int RoundId, int PublishedItemId, int DraftItemId);

    public static async Task<Call> OpenCallAsync(JiebangFactory app)
    {
        await using var db = app.CreateDbContext();
        var now = app.Clock.GetUtcNow();
        var round = new Round
        {
            Title = "测试：项目申报", Kind = RoundKind.ProposalCall, OpensAt = now.AddDays(-1), ClosesAt = now.AddDays(30),
            Forms = ["proposal@1", "annex4-table@1", "annex4-performance@1"], TaxonomyKey = "longquan-2024",
            Settings = new RoundSettings
            {
                CapsByCategory = new() { ["区域科技创新体系建设"] = 300m, ["科技成果转移转化"] = 200m },
                ProjectStartsOn = new DateOnly(2024, 6, 1), ProjectEndsOn = new DateOnly(2026, 5, 31),
            },
            CreatedAt = now, UpdatedAt = now,
        };
        db.Rounds.Add(round);
        await db.SaveChangesAsync();
        GuidelineItem Item(string name) => GuidelineItem.Compile(round.Id, new GuidelineItemContent(name, "新材料", "合金材料",
            "热导率不低于170 W/(m·K)", "浙江省内注册的企业", SupportChannel.CentralGuidanceFund, 200m, 24, null), [], now);
        var published = Item("高导热氮化铝陶瓷基板研制");
        published.Publish(now);
        var draft = Item("尚未发布的榜单项目");
        db.GuidelineItems.AddRange(published, draft);
        await db.SaveChangesAsync();
        return new Call(round.Id, published.Id, draft.Id);
    }

    /// <summary>Every field of the proposal form filled in; the leader a man (33010219800101123X).</summary>
    public static JsonObject CompleteValues(string name = "高导热氮化铝陶瓷基板研制", string? content = null) => new()
    {
        ["projectName"] = name, ["applicantUnit"] = "测试企业甲", ["applicantUscc"] = "91331181MA2E0T3K5K", ["applicantRegion"] = "龙泉市",
        ["contactName"] = "联系人", ["contactPhone"] = "13905781234",
        ["leaderName"] = "张三", ["leaderIdNumber"] = "33010219800101123X", ["leaderTitle"] = "高级工程师",
        ["leaderAcademician"] = "no", ["leaderEmployee"] = "yes", ["leaderPhone"] = "13905785678",
        ["team"] = new JsonArray(new JsonObject { ["name"] = "李四", ["title"] = "工程师", ["unit"] = "测试企业甲", ["task"] = "工艺开发" }),
        ["areaDirection"] = new JsonObject { ["area"] = "新材料", ["directions"] = new JsonArray("合金材料") },
        ["background"] = "现有氧化铝陶瓷基板热导率不足，高端氮化铝基板依赖进口。",
        ["content"] = content ?? "研究高纯氮化铝粉体合成与流延成型工艺，建立中试生产线。",
        ["expectedResults"] = "基板热导率不低于170瓦每米开尔文。",
        ["totalBudget"] = "100", ["subsidyRequested"] = "40", ["selfFunding"] = "60",
        ["budgetRows"] = new JsonArray(
            new JsonObject { ["category"] = "equipment", ["subsidy"] = "40", ["selfFunded"] = "20", ["indirect"] = "no" },
            new JsonObject { ["category"] = "labour", ["subsidy"] = "0", ["selfFunded"] = "40", ["indirect"] = "no" }),
        ["overallGoal"] = "建成年产十万片示范线。", ["yearGoal"] = "完成小试。",
        ["performanceTargets"] = new JsonArray(new JsonObject { ["target"] = "2" }),
        ["commitmentLetter"] = "1",
    };
}
