using System.Text.Json.Nodes;
using Jiebang.Domain.Proposals;
using Jiebang.Domain.Proposals.Recommendation;
using Jiebang.Web.Features.Access;
using Jiebang.Web.Features.FormalReview;
using Jiebang.Web.Features.Proposals;
using Jiebang.Web.Features.Recommendation;
using Microsoft.EntityFrameworkCore;

namespace Jiebang.Web.Data;

/// <summary>
/// Demo proposals on their way up through the levels of annex 4 in the demo call: filed through the
/// Longquan bureau (county, account lqrec), forwarded to the Lishui bureau (city, account lishui, which
/// holds the quota of 10) and on to the bureau's formal review. One in each state a level meets: pending,
/// recommended, rejected, forwarded and pending above, recommended above, and arrived at the bureau; and at the
/// bureau's formal review one in each state: waiting, passed, returned for revision, failed.
/// </summary>
public static class DemoRecommendation
{
    public static async Task SeedAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<JiebangDbContext>();
        var round = await db.Rounds.AsNoTracking().FirstOrDefaultAsync(r => r.PresetKey == DemoProposals.CallPresetKey, cancellationToken);
        if (round is null) return;
        var actors = await DemoDemands.ActorsAsync(db, cancellationToken);
        if (!actors.TryGetValue("lqrec", out var county) || !actors.TryGetValue("lishui", out var city)) return;
        if (await db.ProposalLevels.AnyAsync(l => l.UnitId == city.UnitId, cancellationToken)) return;

        async Task<int> SubmittedAsync(string filer, string name, string leader, string idNumber, string category = "科技成果转移转化")
        {
            var id = await DemoDemands.RunAsync(services, (StartProposal s) =>
                s.HandleAsync(actors[filer], new StartProposal.Input { RoundId = round.Id, Category = category }, cancellationToken));
            var draft = await DemoDemands.RunAsync(services, (ProposalQueries q) => q.DetailAsync(actors[filer], id, cancellationToken));
            var values = (JsonObject)draft.Values.DeepClone();
            foreach (var (key, value) in Values(name, leader, idNumber)) values[key] = value?.DeepClone();
            await DemoDemands.RunAsync(services, (SaveProposalDraft s) => s.HandleAsync(actors[filer], id,
                new SaveProposalDraft.Input { Values = values, RecommenderUnitId = county.UnitId }, cancellationToken));
            await DemoDemands.RunAsync(services, (SubmitProposal s) => s.HandleAsync(actors[filer], id, cancellationToken));
            return id;
        }
        Task RecommendAsync(Actor by, int id, string opinion) => DemoDemands.RunAsync(services, (RecommendProposal s) =>
            s.HandleAsync(by, id, new RecommendProposal.Input { Opinion = opinion }, cancellationToken));

        await SubmittedAsync("ent1", "汽车空调电子膨胀阀智能控制技术成果转化", "周建", "33118119780315201X");
        await RecommendAsync(county, await SubmittedAsync("ent2", "高性能改性塑料成果转化与产业化", "陈静", "33118119820607402X"), "同意推荐。");
        var rejected = await SubmittedAsync("ent2", "废旧塑料回收再利用技术推广", "孙磊", "331181198804163014");
        await DemoDemands.RunAsync(services, (RejectProposal s) => s.HandleAsync(county, rejected,
            new RejectProposal.Input { Reason = "与本单位另一项目内容重叠，建议合并申报。" }, cancellationToken));

        var atCity = await SubmittedAsync("ent3", "香菇菌棒智能化生产线建设", "刘洋", "331181197509211031", "区域科技创新体系建设");
        var recommendedAtCity = await SubmittedAsync("univ", "青瓷数字化烧成技术成果转化", "赵敏", "331181197911114061");
        var atBureau = await SubmittedAsync("ent1", "汽车空调压缩机再制造技术推广应用", "王刚", "331102198507123053");
        foreach (var id in new[] { atCity, recommendedAtCity, atBureau }) await RecommendAsync(county, id, "经审核，同意推荐。");
        await ForwardAsync(services, county, city.UnitId, [atCity, recommendedAtCity, atBureau], "龙泉市科技局推荐项目（第一批）", cancellationToken);
        foreach (var id in new[] { recommendedAtCity, atBureau }) await RecommendAsync(city, id, "同意推荐。");
        await ForwardAsync(services, city, null, [atBureau], "丽水市科技局推荐项目（第一批）", cancellationToken);

        // The bureau's formal review: one waiting (atBureau above), one passed, one returned for revision, one failed.
        var passed = await SubmittedAsync("ent2", "竹木加工废弃物高值化利用技术成果转化", "吴芳", "331181198309204026");
        var returned = await SubmittedAsync("ent3", "高山蔬菜冷链保鲜技术集成示范", "郑强", "331181197603051513", "区域科技创新体系建设");
        var failed = await SubmittedAsync("univ", "宝剑锻造工艺数字化传承平台建设", "钱伟", "331181198005123016");
        int[] reviewed = [passed, returned, failed];
        foreach (var id in reviewed) await RecommendAsync(county, id, "经审核，同意推荐。");
        await ForwardAsync(services, county, city.UnitId, reviewed, "龙泉市科技局推荐项目（第二批）", cancellationToken);
        foreach (var id in reviewed) await RecommendAsync(city, id, "同意推荐。");
        await ForwardAsync(services, city, null, reviewed, "丽水市科技局推荐项目（第二批）", cancellationToken);
        Task DecideAsync(int id, string decision, string? reason) => DemoDemands.RunAsync(services, (DecideFormalReview d) =>
            d.HandleAsync(actors["staff"], id, new DecideFormalReview.Input { Decision = decision, Reason = reason }, cancellationToken));
        await DecideAsync(passed, "pass", "申报主体符合条件，材料齐全。");
        await DecideAsync(returned, "return", "承诺书未加盖单位公章，请上传盖章扫描件后重新提交。");
        await DecideAsync(failed, "fail", "项目负责人同期已承担省级中央引导资金项目，不符合申报条件（附件4第二条）。");
    }

    /// <summary>The level's batch of these proposals, submitted: each goes to <paramref name="above"/>, or to the bureau.</summary>
    static async Task ForwardAsync(IServiceProvider services, Actor by, int? above, int[] ids, string opinion, CancellationToken cancellationToken)
    {
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<JiebangDbContext>();
        var now = scope.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow();
        var proposals = await db.Proposals.Include(p => p.Levels).Where(p => ids.Contains(p.Id)).ToListAsync(cancellationToken);
        var unit = by.UnitId!.Value;
        var batch = ProposalBatch.Open(proposals[0].RoundId, unit, by.UserId!, now);
        db.ProposalBatches.Add(batch);
        await db.SaveChangesAsync(cancellationToken);
        foreach (var proposal in proposals)
        {
            Refused(proposal.PutInBatch(unit, batch.Id, now));
            Refused(proposal.Forward(unit, above, by.AsFiler(), now));
        }
        Refused(batch.Submit(opinion, proposals.Count, above, by.UserId!, now));
        await db.SaveChangesAsync(cancellationToken);
    }

    static void Refused(Domain.Rules.RuleError? error)
    {
        if (error is not null) throw new InvalidOperationException($"demo recommendation refused: {error.Code}");
    }

    static JsonObject Values(string name, string leader, string idNumber) => new()
    {
        ["projectName"] = name, ["contactPhone"] = "13905782001", ["leaderName"] = leader, ["leaderIdNumber"] = idNumber,
        ["leaderTitle"] = "高级工程师", ["leaderAcademician"] = "no", ["leaderEmployee"] = "yes", ["leaderPostCategory"] = "cadre55",
        ["leaderPhone"] = "13905782002", ["leaderOngoingCentralGuidance"] = "no", ["leaderProvincialThisYear"] = "no",
        ["team"] = new JsonArray(new JsonObject { ["name"] = leader, ["title"] = "高级工程师", ["unit"] = "本单位", ["task"] = "项目负责" }),
        ["areaDirection"] = new JsonObject { ["area"] = "新材料", ["directions"] = new JsonArray("合金材料") },
        ["background"] = $"{name}：相关成果已完成小试，本地企业应用需求明确。",
        ["content"] = $"{name}：完成工艺优化与中试验证，建设示范线并在本地企业推广应用。",
        ["expectedResults"] = "形成示范应用1项，申请发明专利1项。",
        ["totalBudget"] = "300", ["subsidyRequested"] = "60", ["selfFunding"] = "240",
        ["budgetRows"] = new JsonArray(
            new JsonObject { ["category"] = "equipment", ["subsidy"] = "60", ["selfFunded"] = "140", ["indirect"] = "no" },
            new JsonObject { ["category"] = "labour", ["subsidy"] = "0", ["selfFunded"] = "100", ["indirect"] = "no" }),
        ["overallGoal"] = "建成示范线并实现推广应用。", ["yearGoal"] = "完成中试验证。",
        ["performanceTargets"] = new JsonArray(new JsonObject { ["target"] = "1" }),
        ["commitmentLetter"] = "demo",
    };
}
