using System.Text.Json.Nodes;
using Jiebang.Domain.Forms;
using Jiebang.Web.Tests.Infrastructure;

namespace Jiebang.Web.Tests.Documents;

/// <summary>The real annex definitions and taxonomies of src/Jiebang.Web/SeedData, and filled values for each.</summary>
public static class Annexes
{
    static readonly string SeedData = Path.Combine(LibreOffice.RepositoryRoot(), "src", "Jiebang.Web", "SeedData");

    public static FormDefinition Form(string key) =>
        FormDefinition.Parse(File.ReadAllText(Path.Combine(SeedData, "forms", $"{key}.v1.json")));

    /// <summary>The taxonomy the form's area field names (annex 1: the provincial list; annex 2: Longquan's).</summary>
    public static Taxonomy? TaxonomyOf(FormDefinition form) =>
        form.Fields.FirstOrDefault(f => f.TaxonomyKey is not null)?.TaxonomyKey is { } key
            ? Taxonomy.Parse(File.ReadAllText(Path.Combine(SeedData, "taxonomies", $"{key}.json")))
            : null;

    public static JsonObject Values(string key) => key switch
    {
        "annex1" => Annex1(),
        "annex2" => Annex2(),
        "annex3" => Annex3(),
        "annex4-table" => ProposalTable(),
        "annex4-performance" => PerformanceTargets(),
        _ => throw new ArgumentOutOfRangeException(nameof(key)),
    };

    public static JsonObject Annex1() => new()
    {
        ["demandName"] = "高性能铜合金精密带材关键制备技术",
        ["focusArea"] = new JsonObject { ["area"] = "新材料", ["directions"] = new JsonArray("合金材料", "先进半导体材料") },
        ["background"] = "引线框架用高强高导铜合金带材长期依赖进口，是集成电路封装的关键基础材料。\n突破后可保障产业链安全。",
        ["scientificProblem"] = "高强度与高导电率的协同调控机理。",
        ["technicalProblem"] = "大卷重带材的板形与残余应力控制。",
        ["goals"] = "形成年产5000吨高性能铜合金带材的生产能力。",
        ["researchContent"] = "合金成分设计、熔铸、热轧、冷轧与时效工艺研究。",
        ["expectedResults"] = "开发出可替代进口的引线框架铜合金带材并实现批量应用。",
        ["advancedLevel"] = "internationalAdvanced",
        ["resultNature"] = "importSubstitution",
        ["benchmarkCountry"] = "日本",
        ["benchmarkUnit"] = "某铜业株式会社",
        ["benchmarkModel"] = "C7025",
        ["coreParameters"] = Rows(5, i => new JsonObject { ["benchmarkValue"] = $"参数{i}：对标值{i * 10}", ["developedValue"] = $"参数{i}：研发值{i * 11}" }),
        ["targetLevels"] = new JsonArray("matchInternational", "substituteMassProduction"),
        ["platformName"] = "浙江省铜合金材料重点实验室",
        ["platformLevel"] = "provincial",
        ["platformCertifier"] = "浙江省科学技术厅",
        ["duration"] = 3,
        ["totalInvestment"] = "2500.00",
        ["applicationUnits"] = Rows(3, i => new JsonObject { ["unit"] = $"应用单位{i}", ["contact"] = $"联系人{i}", ["phone"] = $"0578-722345{i}" }),
        ["recommendedUnits"] = "浙江大学、龙泉某铜业有限公司",
        ["filingUnit"] = "龙泉市科学技术局",
        ["filingContact"] = "孙亮",
        ["filingPhone"] = "13912345678",
    };

    public static JsonObject Annex2() => new()
    {
        ["enterpriseName"] = "浙江龙泉青瓷新材料有限公司",
        ["region"] = "龙泉市",
        ["contactName"] = "张伟",
        ["contactPhone"] = "13812345678",
        ["profile"] = "公司成立于2010年，专注于青瓷釉料与功能陶瓷材料的研发与生产。",
        ["demandName"] = "青瓷釉料低温烧成关键技术",
        ["area"] = new JsonObject { ["area"] = "新材料", ["directions"] = new JsonArray("高分子材料") },
        ["description"] = "研究低温烧成釉料配方，突破烧成能耗高的技术瓶颈。",
        ["technicalTargets"] = "烧成温度降低100℃，釉面光泽度不低于90。",
        ["economicSocialTargets"] = "项目完成后3年内新增产值5000万元。",
        ["achievementTargets"] = "申请发明专利3项，制定团体标准1项。",
        ["otherTargets"] = "培养技术骨干5名。",
        ["totalInvestment"] = "800.50",
        ["fundingPlan"] = "企业自筹600万元，申请财政补助200.5万元。",
        ["estimationBasis"] = "设备购置500万元，材料费200万元，测试化验100.5万元。",
        ["leaderOpinion"] = "同意申报。",
    };

    public static JsonObject Annex3() => new()
    {
        ["recommender"] = "龙泉市青瓷行业协会",
        ["region"] = "龙泉市",
        ["contactName"] = "李娜",
        ["contactPhone"] = "0578-7223456",
        ["demandName"] = "青瓷窑炉烟气减排共性技术",
        ["background"] = "依据市政府工作报告关于青瓷产业绿色转型的部署，窑炉烟气治理紧迫。",
        ["researchContent"] = "研究窑炉烟气在线监测与低成本脱硝技术。",
        ["projectCategory"] = "publicWelfareSelfFunded",
        ["reviewOpinion"] = "经审核，同意推荐。",
    };

    /// <summary>Annex 4, 附件1: the recommending department's list, as the notice's example rows.</summary>
    public static JsonObject ProposalTable() => new()
    {
        ["recommenderName"] = "丽水市科学技术局",
        ["projects"] = new JsonArray(
            new JsonObject
            {
                ["projectName"] = "龙泉青瓷全国重点实验室建设", ["leadUnit"] = "浙江龙泉青瓷研究院",
                ["supportContent"] = "应用数字化烧成等技术，开展釉料配方等方面研究，完善实验室基础条件建设。培养创新高级专业人才80名以上，转化科研成果15项。",
                ["relatedField"] = "新材料", ["proposedFunding"] = "500", ["selfFunding"] = "650.5",
            },
            new JsonObject
            {
                ["projectName"] = "丽水国家创新型城市建设", ["leadUnit"] = "丽水市生产力促进中心",
                ["supportContent"] = "围绕高水平建设国家创新型城市，转化科技成果50项以上，培育国家高新技术企业100家以上。",
                ["relatedField"] = "区域创新", ["proposedFunding"] = "300", ["selfFunding"] = "1200",
            }),
    };

    /// <summary>Annex 4, 附件2: values for some listed indicators and one of the filer's own.</summary>
    public static JsonObject PerformanceTargets()
    {
        var form = Form("annex4-performance");
        var presets = form.Field("indicators")!.PresetRows!;
        var rows = new JsonArray();
        for (var i = 0; i < presets.Count; i++)
        {
            var row = new JsonObject();
            var name = presets[i].Cells.GetValueOrDefault("level3");
            if (name == "转化科技成果数量") row["target"] = "15";
            if (name == "资金使用及时率") row["target"] = "100";
            if (name == "促进技术合同成交额") row["target"] = "1500";
            if (presets[i].HintZh?.Contains("产出指标") == true) { row["level3"] = "制定团体标准数量"; row["target"] = "2项"; }
            rows.Add(row);
        }
        return new JsonObject
        {
            ["projectName"] = "龙泉青瓷全国重点实验室建设", ["leadUnit"] = "浙江龙泉青瓷研究院",
            ["totalBudget"] = "1150.5", ["centralSubsidy"] = "500",
            ["overallGoal"] = "建成青瓷材料领域有影响力的重点实验室，培养创新高级专业人才80名以上。",
            ["yearGoal"] = "完成实验室基础条件建设，转化科研成果15项。",
            ["indicators"] = rows,
        };
    }

    static JsonArray Rows(int count, Func<int, JsonObject> row) => new([.. Enumerable.Range(1, count).Select(row)]);
}
