using System.Text.Json.Nodes;
using Jiebang.Domain.Guidelines;
using Jiebang.Domain.Rounds;
using Jiebang.Web.Features.Access;
using Jiebang.Web.Features.Proposals;
using Microsoft.EntityFrameworkCore;

namespace Jiebang.Web.Data;

/// <summary>
/// Demo proposals in every state the applicant meets (draft, submitted, returned, withdrawn, and one taking
/// up an item) in the open demo call, each made through the use cases as a person would.
/// </summary>
public static class DemoProposals
{
    public const string CallPresetKey = DemoGuidelines.CallPresetKey;

    public static async Task SeedAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        if (await DemoCallAsync(services, cancellationToken) is not var (roundId, itemId)) return;
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<JiebangDbContext>();
        if (await db.Proposals.AnyAsync(p => p.RoundId == roundId, cancellationToken)) return;
        var actors = await DemoDemands.ActorsAsync(db, cancellationToken);
        var association = actors["assoc1"].UnitId!.Value;

        async Task<int> StartAsync(string filer, StartProposal.Input input, JsonObject values)
        {
            var id = await DemoDemands.RunAsync(services, (StartProposal s) => s.HandleAsync(actors[filer], input, cancellationToken));
            // What the start prefilled from the unit (name, USCC, region, contact) stays; the demo types the rest.
            var draft = await DemoDemands.RunAsync(services, (ProposalQueries q) => q.DetailAsync(actors[filer], id, cancellationToken));
            var typed = (JsonObject)draft.Values.DeepClone();
            foreach (var (key, value) in values) typed[key] = value?.DeepClone();
            await DemoDemands.RunAsync(services, (SaveProposalDraft s) => s.HandleAsync(actors[filer], id,
                new SaveProposalDraft.Input { Values = typed, RecommenderUnitId = association }, cancellationToken));
            return id;
        }
        Task SubmitAsync(string filer, int id) =>
            DemoDemands.RunAsync(services, (SubmitProposal s) => s.HandleAsync(actors[filer], id, cancellationToken));

        await StartAsync("ent2", new() { RoundId = roundId, Category = "科技成果转移转化" }, Values("高分子改性材料成果转化（草稿）", "张敏"));
        await SubmitAsync("ent1", await StartAsync("ent1", new() { ItemId = itemId }, Values("汽车空调压缩机高导热基板揭榜攻关", "王强")));
        var returned = await StartAsync("ent3", new() { RoundId = roundId, Category = "区域科技创新体系建设" }, Values("食用菌产业科技创新服务平台", "刘洋"));
        await SubmitAsync("ent3", returned);
        await DemoDemands.RunAsync(services, (ReturnProposal s) => s.HandleAsync(actors["assoc1"], returned,
            new ReturnProposal.Input { Reason = "请补充自筹经费来源说明。" }, cancellationToken));
        var withdrawn = await StartAsync("univ", new() { RoundId = roundId, Category = "科技成果转移转化" }, Values("青瓷釉料数字化配方成果转化", "赵敏"));
        await SubmitAsync("univ", withdrawn);
        await DemoDemands.RunAsync(services, (WithdrawProposal s) => s.HandleAsync(actors["univ"], withdrawn, cancellationToken));
    }

    /// <summary>The demo call <see cref="DemoGuidelines"/> published, and its first published item; null when it was not seeded.</summary>
    static async Task<(int RoundId, int ItemId)?> DemoCallAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<JiebangDbContext>();
        var round = await db.Rounds.FirstOrDefaultAsync(r => r.PresetKey == CallPresetKey, cancellationToken);
        if (round is null) return null;
        var item = await db.GuidelineItems.Where(i => i.CallRoundId == round.Id && i.Status == GuidelineItemStatus.Published)
            .OrderBy(i => i.Id).FirstOrDefaultAsync(cancellationToken);
        return item is null ? null : (round.Id, item.Id);
    }

    static JsonObject Values(string name, string leader) => new()
    {
        ["projectName"] = name, ["contactPhone"] = "13905782001", ["leaderName"] = leader, ["leaderIdNumber"] = "33010219800101123X",
        ["leaderTitle"] = "高级工程师", ["leaderAcademician"] = "no", ["leaderEmployee"] = "yes", ["leaderPhone"] = "13905782002",
        ["leaderOngoingCentralGuidance"] = "no", ["leaderProvincialThisYear"] = "no",
        ["team"] = new JsonArray(new JsonObject { ["name"] = leader, ["title"] = "高级工程师", ["unit"] = "本单位", ["task"] = "项目负责" }),
        ["areaDirection"] = new JsonObject { ["area"] = "新材料", ["directions"] = new JsonArray("合金材料") },
        ["background"] = $"{name}：本地产业对相关技术需求迫切，现有技术依赖外地。",
        ["content"] = $"{name}：开展关键工艺研究，建设中试线并开展应用示范。",
        ["expectedResults"] = "形成示范应用，申请发明专利2项。",
        ["totalBudget"] = "500", ["subsidyRequested"] = "100", ["selfFunding"] = "400",
        ["budgetRows"] = new JsonArray(
            new JsonObject { ["category"] = "equipment", ["subsidy"] = "100", ["selfFunded"] = "200", ["indirect"] = "no" },
            new JsonObject { ["category"] = "labour", ["subsidy"] = "0", ["selfFunded"] = "200", ["indirect"] = "no" }),
        ["overallGoal"] = "建成示范线并实现应用。", ["yearGoal"] = "完成工艺验证。",
        ["performanceTargets"] = new JsonArray(new JsonObject { ["target"] = "1" }),
        ["commitmentLetter"] = "demo",
    };
}
