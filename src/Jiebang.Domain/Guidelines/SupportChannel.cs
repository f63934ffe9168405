namespace Jiebang.Domain.Guidelines;

/// <summary>The notice's four support channels [notice §2], with the city channels' sub-kinds.</summary>
public enum SupportChannel
{
    CentralGuidanceFund = 1,        // 省级中央引导资金项目 (annex 4)
    JianbingLingyan = 2,            // 省"尖兵""领雁"研发攻关项目
    CityOpenCompetitionSubsidy = 3, // 龙泉市本级揭榜挂帅：财政补助类
    CityOpenCompetitionSelfFunded = 4, // 龙泉市本级揭榜挂帅：公益性技术应用研究自筹类
    CityUniversityZju = 5,          // 市校合作：浙江大学龙泉创新中心科研项目
    CityUniversityOther = 6,        // 市校合作：龙泉产业创新研究院 / 市校合作科创中心科研项目
}
