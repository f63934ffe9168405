using System.Text.Json.Nodes;
using Jiebang.Web.Documents;
using static Jiebang.Web.Tests.Documents.BureauDocument;

namespace Jiebang.Web.Tests.Documents;

/// <summary>
/// Annexes 2 and 3 as the bureau published them with the notice, cell for cell and with their own
/// line breaks in the labels ("技术需求\n名称", "所属\n领域", "期望达到的\n\n目标" down four rows, "推荐单位
/// （行业协会）"), filled as an enterprise or an association would fill them, and read back.
/// </summary>
public sealed class BureauAnnex23Tests
{
    static WordImport Read(string key, byte[] docx) => AnnexWordReaderTests.Read(key, docx);

    static string Value(WordImport import, string key) => import.Values[key]?.ToString() ?? "";

    [Fact]
    public void Annex2_TheBureausOwnLayout_FilledByAnEnterprise_IsRead()
    {
        var docx = Of(
            [Text("企业名称"), Text("浙江龙泉青瓷新材料有限公司"), Text("所属地区"), Text("龙泉市")],
            [Text("联系人"), Text("张伟"), Text("联系方式"), Text("138 1234 5678")],
            [Text("企业简介"), Text("公司成立于2010年，专注于青瓷釉料研发。", "（可附页）")],
            [Text("技术需求\n名称"), Text("青瓷釉料低温烧成关键技术"), Text("所属\n领域"), Text("新材料")],
            [Text("技术需求描述（500字以内）"), Text("研究低温烧成釉料配方，", "突破烧成能耗高的技术瓶颈。")],
            [MergedLabel("期望达到的", "", "目标"), Text("主要技术指标"), Text("烧成温度降低100℃。")],
            [UnderMerge(), Text("经济社会指标"), Text("新增产值5000万元。")],
            [UnderMerge(), Text("科技成果指标"), Text("申请发明专利3项。")],
            [UnderMerge(), Text("其他指标"), Text("培养技术骨干5名。")],
            [MergedLabel("资金预算"), Text("预计总投入"), Text("８００.５万元")],
            [UnderMerge(), Text("拟筹资方案"), Text("企业自筹600万元。")],
            [UnderMerge(), Text("测算依据说明"), Text("设备购置500万元。")],
            [Text("企业负责人\n\n意见"), Text("同意申报。", "", "盖 章", "2024年4月10日")]);

        var import = Read("annex2", docx);

        Assert.Equal("浙江龙泉青瓷新材料有限公司", Value(import, "enterpriseName"));
        Assert.Equal("龙泉市", Value(import, "region"));
        Assert.Equal("138 1234 5678", Value(import, "contactPhone"));
        Assert.Equal("青瓷釉料低温烧成关键技术", Value(import, "demandName"));
        Assert.Equal("新材料", (import.Values["area"] as JsonObject)?["area"]?.ToString());
        Assert.Equal("研究低温烧成釉料配方，\n突破烧成能耗高的技术瓶颈。", Value(import, "description"));
        Assert.Equal("烧成温度降低100℃。", Value(import, "technicalTargets"));
        Assert.Equal("培养技术骨干5名。", Value(import, "otherTargets"));
        Assert.Equal("800.5", Value(import, "totalInvestment"));
        Assert.Equal("企业自筹600万元。", Value(import, "fundingPlan"));
        Assert.Equal("同意申报。", Value(import, "leaderOpinion"));
        Assert.DoesNotContain(import.Fields, f => f.Status is ImportStatus.Missing or ImportStatus.Unreadable && f.Key != "profilePages");
    }

    [Fact]
    public void Annex3_TheBureausOwnLayout_FilledByAnAssociation_IsRead()
    {
        var docx = Of(
            [Text("推荐单位    （行业协会）"), Text("龙泉市青瓷行业协会"), Text("所属地区"), Text("龙泉市")],
            [Text("填报单位联系人"), Text("李娜"), Text("联系方式"), Text("0578-7223456")],
            [Text("需求名称"), Text("青瓷窑炉烟气减排共性技术")],
            [Text("背景意义    （500字以内）"), Text("依据市政府工作报告，窑炉烟气治理紧迫。")],
            [Text("主要研发内容（500字以内）"), Text("研究窑炉烟气在线监测与低成本脱硝技术。")],
            [Text("拟申报计划    项目类别"), Text("☑ 公益性技术应用研究自筹类项目     □ 其他")],
            [Text("主管部门\n\n审核意见"), Text("经审核，同意推荐。", "盖 章", "年   月   日")]);

        var import = Read("annex3", docx);

        Assert.Equal("龙泉市青瓷行业协会", Value(import, "recommender"));
        Assert.Equal("李娜", Value(import, "contactName"));
        Assert.Equal("0578-7223456", Value(import, "contactPhone"));
        Assert.Equal("青瓷窑炉烟气减排共性技术", Value(import, "demandName"));
        Assert.Equal("publicWelfareSelfFunded", Value(import, "projectCategory"));
        Assert.Equal("经审核，同意推荐。", Value(import, "reviewOpinion"));
        Assert.DoesNotContain(import.Fields, f => f.Status is ImportStatus.Missing or ImportStatus.Unreadable);
    }
}
