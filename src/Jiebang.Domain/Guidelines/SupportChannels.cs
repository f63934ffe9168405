using Jiebang.Domain.Rules;

namespace Jiebang.Domain.Guidelines;

/// <summary>The support channels' names as the notice prints them [notice §2].</summary>
public static class SupportChannels
{
    public static LocalizedText NameOf(SupportChannel channel) => channel switch
    {
        SupportChannel.CentralGuidanceFund => new("省级中央引导资金项目", "Provincial: central guidance fund"),
        SupportChannel.JianbingLingyan => new("省“尖兵”“领雁”研发攻关项目", "Provincial: Jianbing / Lingyan R&D"),
        SupportChannel.CityOpenCompetitionSubsidy => new("龙泉市本级揭榜挂帅科技计划项目（财政补助类）", "City open competition (fiscal subsidy)"),
        SupportChannel.CityOpenCompetitionSelfFunded => new("龙泉市本级揭榜挂帅科技计划项目（公益性技术应用研究自筹类）", "City open competition (public-welfare, self-funded)"),
        SupportChannel.CityUniversityZju => new("市校合作项目（浙江大学龙泉创新中心科研项目）", "City–university: ZJU Longquan Innovation Center"),
        SupportChannel.CityUniversityOther => new("市校合作项目（龙泉产业创新研究院、市校合作科创中心科研项目）", "City–university: other universities"),
        _ => new("未选择", "Not chosen"),
    };
}
