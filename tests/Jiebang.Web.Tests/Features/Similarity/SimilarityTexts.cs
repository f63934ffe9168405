namespace Jiebang.Web.Tests.Features.Similarity;

/// <summary>Same-area texts written for these tests: two unrelated new-material needs that share boilerplate, and a funded project.</summary>
public static class SimilarityTexts
{
    public const string CeramicsBackground =
        "新能源汽车电驱系统和大功率电子器件对散热基板提出了更高要求，现有氧化铝陶瓷基板热导率仅为二十余瓦，已难以满足功率模块长期可靠运行的需要。国内高端氮化铝基板主要依赖日本企业进口，价格高、交货周期长，制约了本地汽车空调和电控部件企业的产品升级。";
    public const string CeramicsContent =
        "研究高纯氮化铝粉体的碳热还原合成与除氧工艺，开发适合流延成型的浆料配方和脱脂制度，攻克低温烧结助剂体系下的致密化与翘曲控制难题，建立基板金属化与激光划片的中试工艺，形成年产十万片的示范生产线。";
    public const string CeramicsTargets =
        "基板热导率不低于一百七十瓦每米开尔文，抗弯强度不低于四百兆帕，翘曲度小于千分之二，实现在电动压缩机控制器中的批量应用，替代进口产品。";

    public const string CoatingBackground =
        "龙泉宝剑和青瓷礼品出口持续增长，但传统剑身防锈依赖涂油和蜡封，运输和展示过程中易出现锈斑，客户投诉率较高。现有有机防护涂层在高温高湿环境下附着力下降，且影响金属纹理的观赏效果，亟需一种透明、耐久、环保的防护技术。";
    public const string CoatingContent =
        "研制以有机硅改性的纳米二氧化硅透明防护涂层，优化溶胶凝胶配方与低温固化工艺，研究涂层与高碳钢表面的界面结合机理，开发适合手工锻打剑身的喷涂和浸涂装备，并建立盐雾和湿热加速老化评价方法。";

    /// <summary>The kind of sentence every demand of an area carries.</summary>
    public const string Boilerplate = "本项目面向国家和我省重大战略需求，突破关键核心技术，达到国内领先水平，形成自主知识产权，带动相关产业高质量发展。";

    public const string FundedAbstract =
        "项目围绕功率电子封装需求，开展高导热陶瓷材料研究。研究高纯氮化铝粉体的碳热还原合成与除氧工艺，开发适合流延成型的浆料配方和脱脂制度，攻克低温烧结助剂体系下的致密化与翘曲控制难题，建立基板金属化与激光划片的中试工艺，形成年产十万片的示范生产线。项目已于二〇二二年通过验收。";

    public const string NewTextAroundReusedParagraph =
        "本单位拟面向储能变流器市场开发高可靠功率模块。储能电站对变流器的寿命和可靠性要求远高于一般工业场景，模块需在频繁充放电和昼夜温差下保持稳定。";
}
