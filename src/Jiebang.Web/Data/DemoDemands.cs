using System.Text.Json.Nodes;
using Jiebang.Domain.Demands;
using Jiebang.Web.Features;
using Jiebang.Web.Features.Access;
using Jiebang.Web.Features.Demands;
using Microsoft.EntityFrameworkCore;

namespace Jiebang.Web.Data;

/// <summary>
/// Demo demands in the demo round open from today, one or more in every <see cref="DemandStatus"/>, filed by
/// the demo units and moved on by the demo accounts through the same use cases the pages call, so each
/// has its versions, events and audit entries. Seeded once: nothing is added while the round holds a demand.
/// </summary>
static class DemoDemands
{
    const string Annex2 = "annex2";
    const string Annex3 = "annex3";

    /// <summary>Where a demo demand ends: its status, and for Returned and Rejected who decided.</summary>
    enum Goal { Draft, Submitted, Withdrawn, Recommended, Forwarded, ReturnedByBureau, RejectedByBureau, Accepted }

    sealed record DemoDemand(string Filer, string FormKey, Goal Goal, string? Via, JsonObject Values, string? Reason = null);

    public static async Task SeedAsync(IServiceProvider services, string roundTitle, CancellationToken cancellationToken)
    {
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<JiebangDbContext>();
        var now = scope.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow();
        var round = await db.Rounds.AsNoTracking().Where(r => r.Title == roundTitle)
            .OrderByDescending(r => r.Id).FirstOrDefaultAsync(cancellationToken);
        // Once only, and only while the round takes filings (a demo database kept past its 60 days stays as it is).
        if (round is null || now < round.OpensAt || now >= round.ClosesAt) return;
        if (await db.Demands.AnyAsync(d => d.RoundId == round.Id, cancellationToken)) return;
        await SeedRoundAsync(services, round.Id, await ActorsAsync(db, cancellationToken), cancellationToken);
    }

    internal static async Task<Dictionary<string, Actor>> ActorsAsync(JiebangDbContext db, CancellationToken cancellationToken)
    {
        var users = await db.Users.AsNoTracking().Where(u => u.IsDemo).ToListAsync(cancellationToken);
        var roles = await (from ur in db.UserRoles
                           join r in db.Roles on ur.RoleId equals r.Id
                           select new { ur.UserId, r.Name }).ToListAsync(cancellationToken);
        return users.ToDictionary(u => u.UserName!, u => new Actor(u.Id, u.UserName!, u.UnitId,
            roles.Where(r => r.UserId == u.Id).Select(r => r.Name!).ToHashSet()));
    }

    static async Task SeedRoundAsync(IServiceProvider services, int roundId, Dictionary<string, Actor> actors,
        CancellationToken cancellationToken)
    {
        var unitOf = actors.Values.Where(a => a.UnitId is not null).GroupBy(a => a.Name).ToDictionary(g => g.Key, g => g.First().UnitId!.Value);
        var staff = actors["staff"];
        var recommended = new List<(int Id, DemoDemand Demand)>();
        foreach (var demo in Demands)
        {
            var filer = actors[demo.Filer];
            var id = await RunAsync(services, (StartDemand s) =>
                s.HandleAsync(filer, new StartDemand.Input { RoundId = roundId, FormKey = demo.FormKey }, cancellationToken));
            var viaUnit = demo.Via is null ? (int?)null : unitOf[demo.Via];
            var kind = demo.FormKey == Annex3 || viaUnit is not null ? DemandKind.IndustryCommon : DemandKind.EnterpriseOwn;
            await RunAsync(services, (SaveDemandDraft s) => s.HandleAsync(filer, id,
                new SaveDemandDraft.Input { Values = (JsonObject)demo.Values.DeepClone(), Kind = kind, RecommenderUnitId = viaUnit },
                cancellationToken));
            if (demo.Goal == Goal.Draft) continue;
            await RunAsync(services, (SubmitDemand s) => s.HandleAsync(filer, id, cancellationToken));
            switch (demo.Goal)
            {
                case Goal.Withdrawn:
                    await RunAsync(services, (WithdrawDemand s) => s.HandleAsync(filer, id, cancellationToken));
                    break;
                case Goal.Recommended or Goal.Forwarded:
                    await RunAsync(services, (DecideOnDemand s) => s.HandleAsync(actors[demo.Via!], id,
                        new DecideOnDemand.Input { Decision = ScreeningDecision.Accept, Reason = demo.Reason }, cancellationToken));
                    if (demo.Goal == Goal.Forwarded) recommended.Add((id, demo));
                    break;
                case Goal.ReturnedByBureau or Goal.RejectedByBureau or Goal.Accepted:
                    var decision = demo.Goal switch
                    {
                        Goal.ReturnedByBureau => ScreeningDecision.Return,
                        Goal.RejectedByBureau => ScreeningDecision.Reject,
                        _ => ScreeningDecision.Accept,
                    };
                    await RunAsync(services, (DecideOnDemand s) => s.HandleAsync(staff, id,
                        new DecideOnDemand.Input { Decision = decision, Reason = demo.Reason }, cancellationToken));
                    break;
            }
            // A recommending unit forwards what it accepted in one batch; what it accepts later waits for the next.
            if (demo.Goal == Goal.Forwarded)
                await RunAsync(services, (SubmitRecommendationBatch s) => s.HandleAsync(actors[demo.Via!], new SubmitRecommendationBatch.Input
                {
                    RoundId = roundId,
                    Opinion = "经本协会组织专家遴选，该需求符合行业共性技术攻关方向，同意推荐报送。",
                }, cancellationToken));
        }
    }

    // Each step in its own scope, as each would be its own request.
    internal static async Task<T> RunAsync<TUseCase, T>(IServiceProvider services, Func<TUseCase, Task<Outcome<T>>> step)
        where TUseCase : notnull
    {
        using var scope = services.CreateScope();
        var outcome = await step(scope.ServiceProvider.GetRequiredService<TUseCase>());
        if (!outcome.Succeeded)
            throw new InvalidOperationException($"demo demand refused: {string.Join("; ", outcome.Errors.Select(e => $"{e.Code} {e.Field}"))}");
        return outcome.Value!;
    }

    static JsonObject Enterprise(string enterprise, string contact, string phone, string profile, string name, string area,
        string[] directions, string description, string technical, string economic, string achievement, string investment,
        string funding, string basis, string? other = null)
    {
        var values = new JsonObject
        {
            ["enterpriseName"] = enterprise, ["region"] = "龙泉市", ["contactName"] = contact, ["contactPhone"] = phone,
            ["profile"] = profile, ["demandName"] = name,
            ["area"] = new JsonObject { ["area"] = area, ["directions"] = new JsonArray(directions.Select(d => (JsonNode)d!).ToArray()) },
            ["description"] = description, ["technicalTargets"] = technical, ["economicSocialTargets"] = economic,
            ["achievementTargets"] = achievement, ["totalInvestment"] = investment, ["fundingPlan"] = funding,
            ["estimationBasis"] = basis, ["leaderOpinion"] = "同意申报，保证配套资金按计划到位。",
        };
        if (other is not null) values["otherTargets"] = other;
        return values;
    }

    static JsonObject Association(string association, string contact, string phone, string name, string background,
        string content, string category, string opinion) => new()
        {
            ["recommender"] = association, ["region"] = "龙泉市", ["contactName"] = contact, ["contactPhone"] = phone,
            ["demandName"] = name, ["background"] = background, ["researchContent"] = content, ["projectCategory"] = category,
            ["reviewOpinion"] = opinion,
        };

    const string Ent1 = "龙泉示例汽车空调配件有限公司";
    const string Ent1Profile = "公司成立于2008年，专业生产汽车空调电磁离合器、压缩机零部件和管路总成，年产值1.8亿元，省级高新技术企业，建有市级企业研发中心。";
    const string Ent2 = "浙江示例新材料科技有限公司";
    const string Ent2Profile = "公司成立于2015年，从事功能陶瓷粉体、高分子复合材料和表面涂层材料的研发与生产，国家级科技型中小企业，现有研发人员32人。";
    const string Ent3 = "龙泉示例菌菇农业科技有限公司";
    const string Ent3Profile = "公司成立于2012年，地处龙泉山区乡镇，从事香菇、黑木耳菌种选育、菌棒生产和鲜菇加工，带动周边农户600余户，市级农业龙头企业。";
    const string Univ = "浙江示例大学";
    const string UnivProfile = "学校设有材料科学与工程、机械工程等学科，建有省级陶瓷材料重点实验室，长期与龙泉青瓷、宝剑企业开展产学研合作。";
    const string Assoc1 = "龙泉市汽车空调零部件行业协会（示例）";
    const string Assoc2 = "龙泉市青瓷宝剑行业协会（示例）";

    static readonly DemoDemand[] Demands =
    [
        new("ent1", Annex2, Goal.Draft, null, Enterprise(Ent1, "王经理", "13905782001", Ent1Profile,
            "汽车空调电动压缩机涡旋盘精密加工技术", "热管理", ["传统汽车和新能源汽车零部件及相关方向"],
            "针对新能源汽车电动压缩机涡旋盘型线加工精度低、一致性差的问题，研究涡旋型线高速铣削刀具路径优化与在线测量补偿技术，" +
            "解决薄壁涡旋齿加工变形控制难题，突破型线轮廓度在线检测瓶颈，实现涡旋盘批量化精密加工。",
            "涡旋型线轮廓度≤0.008mm，齿厚公差±0.005mm，表面粗糙度Ra≤0.4μm，单件加工节拍≤6分钟。",
            "项目完成后3年内新增产值4000万元，新增就业30人，产品一次合格率由92%提高到98%。",
            "申请发明专利2项，实用新型专利3项，制定企业标准1项。", "520.00",
            "企业自筹420万元，申请科技项目补助100万元。", "五轴加工中心及在线测头280万元，刀具与试验材料120万元，人员费用120万元。")),
        new("ent1", Annex2, Goal.Accepted, null, Enterprise(Ent1, "王经理", "13905782001", Ent1Profile,
            "新能源汽车热泵空调低温制热性能提升技术", "热管理", ["传统汽车和新能源汽车零部件及相关方向"],
            "针对新能源汽车热泵空调在零下20℃以下制热能力衰减明显、续航下降的问题，研究补气增焓压缩机与电子膨胀阀协同控制策略，" +
            "开发低温工况下的换热器结霜抑制与快速除霜技术，突破低温高效制热关键技术，形成热泵空调总成产品。",
            "环境温度-20℃时制热能效比COP≥1.8，除霜时间≤5分钟，整车冬季续航衰减降低15%以上。",
            "项目完成后3年内新增产值8000万元，新增就业50人，带动本地配套企业5家。",
            "申请发明专利3项，其中授权1项；形成新产品2个。", "1200.00",
            "企业自筹900万元，申请科技项目补助300万元。", "环境模拟试验舱450万元，样机试制350万元，人员费用400万元。",
            "培养高级工程师2名，建设省级企业研究开发中心1个。")),
        new("ent1", Annex2, Goal.Submitted, "assoc1", Enterprise(Ent1, "王经理", "13905782001", Ent1Profile,
            "汽车空调管路总成轻量化铝合金连接技术", "热管理", ["传统汽车和新能源汽车零部件及相关方向"],
            "本市汽车空调管路企业普遍采用铜铝钎焊接头，重量大、耐腐蚀性差。研究铝合金管路无钎剂感应钎焊与机械扣压复合连接工艺，" +
            "解决异种材料接头腐蚀与密封可靠性问题，形成可在行业内推广的轻量化管路连接共性技术。",
            "管路总成减重20%以上，接头氦检泄漏率≤1×10⁻⁶Pa·m³/s，盐雾试验≥1000小时无泄漏。",
            "项目完成后3年内在本市5家以上管路企业推广应用，带动行业新增产值1.5亿元。",
            "申请发明专利2项，制定团体标准1项。", "680.00",
            "企业自筹480万元，申请科技项目补助200万元。", "感应钎焊设备220万元，检测与试验费用180万元，人员费用280万元。")),
        new("ent2", Annex2, Goal.Submitted, null, Enterprise(Ent2, "李经理", "13905782002", Ent2Profile,
            "高导热氮化铝陶瓷基板流延成型技术", "新材料", ["电子化学材料"],
            "研究高纯氮化铝粉体的表面改性与水基流延浆料配方，解决流延生坯开裂和烧结翘曲问题，突破低温烧结助剂体系设计瓶颈，" +
            "实现新能源汽车功率模块用高导热陶瓷基板的国产化替代。",
            "热导率≥170W/(m·K)，抗弯强度≥400MPa，基板翘曲度≤0.2%，厚度0.38mm至1.0mm。",
            "项目完成后3年内新增产值5000万元，新增就业35人，替代进口降低下游成本20%。",
            "申请发明专利3项，其中授权1项；形成新产品1个。", "900.00",
            "企业自筹650万元，申请科技项目补助250万元。", "流延机与气氛烧结炉400万元，原材料与检测250万元，人员费用250万元。")),
        new("ent2", Annex2, Goal.ReturnedByBureau, null, Enterprise(Ent2, "李经理", "13905782002", Ent2Profile,
            "低VOC水性聚氨酯防腐涂层材料制备技术", "新材料", ["高分子材料"],
            "针对汽车零部件和宝剑刀具表面防护用溶剂型涂料VOC排放高的问题，研究自乳化水性聚氨酯分子结构设计与纳米填料改性技术，" +
            "解决水性涂层耐盐雾、耐磨性不足的核心问题。",
            "涂层VOC含量≤50g/L，中性盐雾≥720小时，铅笔硬度≥2H。",
            "项目完成后可带来较好的经济效益和社会效益。",
            "申请发明专利2项。", "450.00",
            "企业自筹350万元，申请科技项目补助100万元。", "合成反应釜及涂装线200万元，检测费用100万元，人员费用150万元。"),
            "经济社会指标未量化，请补充项目完成后1-3年内的新增产值、节能减排量等具体数据。"),
        new("ent2", Annex2, Goal.Forwarded, "assoc1", Enterprise(Ent2, "李经理", "13905782002", Ent2Profile,
            "汽车空调压缩机用耐高温氢化丁腈橡胶密封材料", "新材料", ["高分子材料"],
            "新型环保制冷剂和高转速电动压缩机对密封件的耐温、耐介质性能提出更高要求，本市配套企业密封件依赖外购。" +
            "研究氢化丁腈橡胶配方与纳米补强体系，解决高温下压缩永久变形大、与冷冻油相容性差的问题。",
            "使用温度-40℃至150℃，150℃×70小时压缩永久变形≤20%，耐R1234yf制冷剂及POE油浸泡体积变化≤10%。",
            "项目完成后3年内满足本市压缩机企业60%以上密封件需求，新增产值3000万元。",
            "申请发明专利2项，制定企业标准2项。", "560.00",
            "企业自筹410万元，申请科技项目补助150万元。", "密炼及硫化设备180万元，老化与介质试验200万元，人员费用180万元。"),
            "该需求符合本行业压缩机密封件国产化方向，同意推荐。"),
        new("ent3", Annex2, Goal.RejectedByBureau, null, Enterprise(Ent3, "刘经理", "13905782003", Ent3Profile,
            "食用菌菌包销售渠道拓展与品牌推广", "农业科技", ["现代农机装备"],
            "拓展香菇、黑木耳菌包在省外市场的销售渠道，建设电商直播基地，开展品牌宣传推广，提高产品知名度和市场占有率。",
            "建设电商直播间2个，入驻电商平台3家。", "项目完成后3年内销售额增加2000万元，带动农户增收。",
            "注册商标1件。", "300.00",
            "企业自筹200万元，申请科技项目补助100万元。", "直播设备50万元，推广费用200万元，人员费用50万元。"),
            "该需求为市场营销和品牌推广，不属于本次技术攻关需求征集范围（通知第一条），不予受理。"),
        new("ent3", Annex2, Goal.Withdrawn, null, Enterprise(Ent3, "刘经理", "13905782003", Ent3Profile,
            "黑木耳液体菌种工厂化生产技术", "农业科技", ["主要农作物新品种引育"],
            "山区黑木耳生产仍以固体菌种为主，制种周期长、污染率高。研究黑木耳液体菌种深层发酵工艺和菌种活力在线检测技术，" +
            "解决液体菌种接种后菌丝萌发不齐、杂菌污染的问题，实现菌种工厂化、标准化生产。",
            "制种周期由45天缩短至10天，接种污染率≤2%，菌丝满袋时间缩短20%。",
            "项目完成后3年内年供应液体菌种可生产菌棒2000万棒，带动山区农户增收3000万元。",
            "申请发明专利1项，制定地方标准1项，选育黑木耳新品系1个。", "380.00",
            "企业自筹280万元，申请科技项目补助100万元。", "发酵罐及无菌接种设备160万元，试验与检测100万元，人员费用120万元。")),
        new("ent3", Annex2, Goal.Submitted, null, Enterprise(Ent3, "刘经理", "13905782003", Ent3Profile,
            "香菇菌棒智能化接种与养菌环境调控装备", "农业科技", ["现代农机装备"],
            "本地香菇菌棒接种主要依靠人工，用工多、效率低、污染率高。研究菌棒自动打孔接种与封口一体化装备，" +
            "开发养菌棚温湿度、二氧化碳浓度物联网调控系统，解决山区菇农用工难和养菌失败率高的问题。",
            "接种效率≥1500棒/小时，接种污染率≤3%，养菌棚温度控制精度±1℃。",
            "项目完成后3年内推广装备50台套，服务菇农1000户，每万棒节约人工成本3000元。",
            "申请发明专利1项，实用新型专利5项，形成新装置2台套。", "460.00",
            "企业自筹340万元，申请科技项目补助120万元。", "样机研制200万元，物联网系统120万元，人员费用140万元。")),
        new("univ", Annex2, Goal.Recommended, "assoc2", Enterprise(Univ, "赵老师", "13905783001", UnivProfile,
            "龙泉青瓷梅子青釉料数字化配方与烧成控制技术", "新材料", ["传统釉料材料"],
            "龙泉青瓷梅子青、粉青釉色依赖匠人经验，成品率低、色差大。研究本地紫金土和釉石原料成分数据库，建立釉料配方与呈色的数字化模型，" +
            "开发电窑、气窑还原气氛智能控制系统，解决釉色一致性差、烧成成品率低的关键问题。",
            "梅子青釉色色差ΔE≤1.5，烧成成品率由60%提高到80%，建立原料成分数据库样本300个以上。",
            "项目完成后3年内在本市青瓷企业推广应用20家以上，带动新增产值5000万元，窑炉能耗降低15%。",
            "申请发明专利3项，发表论文4篇，制定团体标准1项。", "600.00",
            "学校自筹200万元，合作企业出资200万元，申请科技项目补助200万元。", "检测分析设备180万元，窑炉改造200万元，人员及测试费220万元。",
            "培养研究生6名、青瓷技术骨干20名。"),
            "青瓷釉料数字化是本行业迫切需要的共性技术，同意推荐，待随批次报送。"),
        new("assoc1", Annex3, Goal.Submitted, null, Association(Assoc1, "陈协会", "13905781001",
            "汽车空调零部件可靠性共性检测与评价技术",
            "《龙泉市国民经济和社会发展第十四个五年规划》提出做强汽车空调零部件产业。全市汽车空调零部件企业逾百家，" +
            "但多数企业缺乏耐久、振动、泄漏等可靠性检测能力，产品送外地检测周期长、费用高，制约企业进入主机厂配套体系，建设共性检测能力十分紧迫。",
            "研究压缩机、换热器、管路等关键零部件的加速寿命试验方法和失效分析技术，建立可靠性评价指标体系；" +
            "开发多工况耦合的振动—温度—压力综合试验系统；形成面向行业企业开放共享的检测服务模式。创新点在于基于实测载荷谱的加速试验等效方法。",
            "other", "同意推荐。该需求为本行业共性技术难题，经协会理事会审议，列为年度重点攻关方向。")),
        new("assoc2", Annex3, Goal.Accepted, null, Association(Assoc2, "叶协会", "13905781002",
            "龙泉宝剑锻造与热处理工艺数字化控制技术",
            "龙泉宝剑锻制技艺是国家级非物质文化遗产，《龙泉市青瓷宝剑产业高质量发展行动方案》提出推动传统工艺数字化传承。" +
            "目前锻打温度、淬火时机全凭经验，剑身硬度和韧性波动大，老师傅退休后技艺面临失传，亟需将关键工艺参数化。",
            "研究宝剑花纹钢折叠锻打过程温度场测量与记录方法，建立锻造—热处理工艺参数与剑身硬度、韧性、纹理的对应模型；" +
            "开发覆土烧刃淬火的温度智能控制装置；形成可推广的宝剑锻造工艺规范。创新点在于传统技艺与数字化测控的结合。",
            "publicWelfareSelfFunded", "同意推荐。经协会组织专家论证，该需求对传承非遗技艺和提升产品品质意义重大。")),
        new("assoc2", Annex3, Goal.Draft, null, Association(Assoc2, "叶协会", "13905781002",
            "青瓷烧制窑炉节能减排与余热利用技术",
            "全市青瓷企业窑炉以液化气梭式窑为主，热效率不足30%，能耗和碳排放高，《龙泉市碳达峰实施方案》要求传统产业节能降碳。",
            "研究青瓷梭式窑炉保温结构优化和烟气余热回收利用技术，开发适合小微青瓷企业的节能窑炉改造方案。",
            "publicWelfareSelfFunded", "同意推荐。")),
    ];
}
