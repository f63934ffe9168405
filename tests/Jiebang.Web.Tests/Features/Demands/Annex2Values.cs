using System.Text.Json.Nodes;

namespace Jiebang.Web.Tests.Features.Demands;

/// <summary>A fully and correctly filled annex 2, to vary one field at a time.</summary>
public static class Annex2Values
{
    public static JsonObject Valid(string demandName = "高导热氮化铝陶瓷基板制备技术") => new()
    {
        ["enterpriseName"] = "测试企业甲", ["region"] = "龙泉市", ["contactName"] = "王经理", ["contactPhone"] = "13905781234",
        ["profile"] = "公司成立于2010年，主营汽车空调零部件。", ["demandName"] = demandName,
        ["area"] = new JsonObject { ["area"] = "新材料", ["directions"] = new JsonArray("电子化学材料") },
        ["description"] = "研究高导热氮化铝粉体制备与流延成型工艺，解决烧结致密化与翘曲问题，导热率达到170W/(m·K)。",
        ["technicalTargets"] = "热导率≥170W/(m·K)，抗弯强度≥400MPa。", ["economicSocialTargets"] = "项目完成后3年新增产值5000万元。",
        ["achievementTargets"] = "申请发明专利3项，其中授权1项。", ["totalInvestment"] = "800.00",
        ["fundingPlan"] = "企业自筹600万元，申请补助200万元。", ["estimationBasis"] = "设备300万元，材料200万元，人工300万元。",
        ["leaderOpinion"] = "同意申报。",
    };
}
