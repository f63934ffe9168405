using Jiebang.Domain.Demands;
using Jiebang.Domain.Guidelines;
using Jiebang.Domain.Rounds;
using Jiebang.Web.Features.Guidelines;
using Microsoft.EntityFrameworkCore;

namespace Jiebang.Web.Data;

/// <summary>
/// The demo call (发榜), open from the day the demo is first seeded for five weeks, with items staff
/// compiled from the demo's accepted demands through the same use cases the pages call: two demands
/// merged into one item, one demand split into two, all published; then one draft compiled after
/// publication, which stays unpublished. Seeded once, while the demo demand round holds its demands.
/// </summary>
static class DemoGuidelines
{
    public const string CallPresetKey = "demo-call-2026";
    public const string CallTitle = "演示：2026年度龙泉市揭榜挂帅科技项目申报（进行中）";

    const string HeatPump = "新能源汽车热泵空调低温制热性能提升技术";
    const string Valve = "热泵空调电子膨胀阀精准控制与系统匹配技术";
    const string Sword = "龙泉宝剑锻造与热处理工艺数字化控制技术";
    const string Residue = "香菇菌渣资源化利用与有机肥制备技术";

    public static async Task SeedAsync(IServiceProvider services, string demandRoundTitle, CancellationToken cancellationToken)
    {
        int callId;
        Dictionary<string, int> accepted;
        Dictionary<string, Features.Access.Actor> actors;
        using (var scope = services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<JiebangDbContext>();
            if (await db.Rounds.AnyAsync(r => r.PresetKey == CallPresetKey, cancellationToken)) return;
            var round = await db.Rounds.AsNoTracking().Where(r => r.Title == demandRoundTitle).OrderByDescending(r => r.Id)
                .FirstOrDefaultAsync(cancellationToken);
            if (round is null) return;
            accepted = await db.Demands.AsNoTracking().Where(d => d.RoundId == round.Id && d.Status == DemandStatus.Accepted)
                .ToDictionaryAsync(d => d.Title, d => d.Id, cancellationToken);
            if (!new[] { HeatPump, Valve, Sword, Residue }.All(accepted.ContainsKey)) return;
            actors = await DemoDemands.ActorsAsync(db, cancellationToken);
            var now = scope.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow();
            var closes = At1730China(now, days: 35);
            var call = new Round
            {
                PresetKey = CallPresetKey, Title = CallTitle, Kind = RoundKind.ProposalCall,
                OpensAt = now.AddDays(-1), ClosesAt = closes, Forms = ["proposal@2", "annex4-table@1", "annex4-performance@1"],
                TaxonomyKey = "longquan-2024", Settings = RoundPresets.CentralGuidanceFund2024.Settings, CreatedAt = now, UpdatedAt = now,
                Stages =
                [
                    // Formal review runs as proposals reach the bureau, so that staff can try it on the demo's.
                    new RoundStage(RoundStageKind.FormalReview, now.AddDays(-1), At1730China(now, 42)),
                    new RoundStage(RoundStageKind.ExpertReview, At1730China(now, 42), At1730China(now, 63)),
                    new RoundStage(RoundStageKind.NoticePeriod, At1730China(now, 70), At1730China(now, 77)),
                ],
            };
            db.Rounds.Add(call);
            await db.SaveChangesAsync(cancellationToken);
            callId = call.Id;
        }
        var staff = actors["staff"];

        async Task<IReadOnlyList<int>> CompileAsync(CompileGuidelineItems.Mode mode, int count, params string[] titles) =>
            await DemoDemands.RunAsync(services, (CompileGuidelineItems c) => c.HandleAsync(staff, new CompileGuidelineItems.Input
            {
                CallRoundId = callId, DemandIds = [.. titles.Select(t => accepted[t])], Mode = mode, SplitCount = count,
            }, cancellationToken));
        async Task EditAsync(int id, EditGuidelineItem.Input input) =>
            await DemoDemands.RunAsync(services, (EditGuidelineItem e) => e.HandleAsync(staff, id, input, cancellationToken));

        var merged = await CompileAsync(CompileGuidelineItems.Mode.Merge, 1, HeatPump, Valve);
        await EditAsync(merged[0], HeatPumpItem);
        var split = await CompileAsync(CompileGuidelineItems.Mode.Split, 2, Sword);
        await EditAsync(split[0], SwordForgingItem);
        await EditAsync(split[1], SwordQuenchingItem);
        await DemoDemands.RunAsync(services, (PublishCall p) => p.HandleAsync(staff, callId, new PublishCall.Input { NoticeText = Notice },
            cancellationToken));
        var draft = await CompileAsync(CompileGuidelineItems.Mode.Merge, 1, Residue);
        await EditAsync(draft[0], new EditGuidelineItem.Input
        {
            Name = "香菇菌渣高值化利用技术（待完善）", Area = "碳达峰碳中和", Direction = "固废处置与资源化利用", PeriodMonths = 24,
        });
    }

    static DateTimeOffset At1730China(DateTimeOffset now, int days)
    {
        var day = now.ToChina().AddDays(days);
        return ChinaTime.At(day.Year, day.Month, day.Day, 17, 30);
    }

    static readonly EditGuidelineItem.Input HeatPumpItem = new()
    {
        Name = "新能源汽车热泵空调低温高效制热与电子膨胀阀协同控制技术", Area = "热管理", Direction = "传统汽车和新能源汽车零部件及相关方向",
        Goals = "1. 环境温度-20℃时热泵系统制热能效比COP≥1.8，除霜时间≤5分钟；\n2. 电子膨胀阀过热度控制精度±1K，开度响应时间≤0.5秒；\n" +
            "3. 整车冬季续航衰减降低15%以上；\n4. 申请发明专利不少于3项，形成热泵空调总成新产品1个以上。",
        Conditions = "在龙泉市注册、具有独立法人资格的企业，可联合高校、科研院所揭榜；须具备热泵系统台架试验条件。",
        Channel = SupportChannel.CityOpenCompetitionSubsidy, FundingWan = 300m, PeriodMonths = 24,
    };

    static readonly EditGuidelineItem.Input SwordForgingItem = new()
    {
        Name = "龙泉宝剑花纹钢折叠锻打过程数字化测控技术", Area = "其他", Direction = "传统工艺数字化传承",
        Goals = "1. 建立锻打温度场测量与记录方法，温度测量误差≤±10℃；\n2. 建立锻造工艺参数与剑身硬度、韧性、纹理的对应模型，样本不少于200件；\n" +
            "3. 形成宝剑锻造工艺规范1项。",
        Conditions = "本市宝剑企业或行业协会牵头，须有国家级或省级非遗传承人参与。",
        Channel = SupportChannel.CityOpenCompetitionSelfFunded, PeriodMonths = 24,
    };

    static readonly EditGuidelineItem.Input SwordQuenchingItem = new()
    {
        Name = "龙泉宝剑覆土烧刃淬火温度智能控制装置研制", Area = "互联网+", Direction = "智能装备",
        Goals = "1. 研制覆土烧刃淬火温度智能控制装置1台套，控温精度±5℃；\n2. 剑刃硬度HRC 56–60，批次合格率由70%提高到90%；\n3. 申请实用新型专利2项。",
        Conditions = "高校、科研院所与本市宝剑企业联合揭榜，企业须为第一合作单位。",
        Channel = SupportChannel.CityUniversityOther, FundingWan = 80m, PeriodMonths = 18,
    };

    const string Notice = """
        为加快突破我市产业发展的共性和关键核心技术，根据《关于征集2024年度科技项目技术攻关需求的通知》征集的技术需求，经专家论证，市科技局编制了本年度揭榜挂帅科技项目榜单，现予发布。

        一、申报要求
        （一）揭榜单位应为在龙泉市注册、具有独立法人资格的企业、高校、科研院所或新型研发机构，可联合申报。
        （二）每个榜单项原则上支持1个揭榜单位（联合体），同一单位（联合体）限揭1项。
        （三）申报内容须对照榜单项的攻关目标及考核指标逐项响应。

        二、申报方式
        请在申报截止前登录本平台，选择榜单项点击“揭榜申报”填写申报书，并上传盖章扫描件。空白表格见附件。

        三、评审程序
        形式审核（主体和格式）→ 专家评审（网评和现场答辩）→ 立项公示 → 签订合同 → 下达第一期资金。

        本通知为演示数据。
        """;
}
