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

    /// <summary>A compressor maker's description: two sentences of it (68 字 with punctuation) are copied below.</summary>
    public const string CompressorDescription =
        "公司生产电动汽车空调用涡旋压缩机，年产能四十万台，主要配套国内新能源整车企业。随着整车静音要求提高，现有产品在八千转以上高转速工况下噪声偏大，"
        + "客户多次提出整改要求，部分车型定点因此推迟。经测试分析，噪声主要来自排气脉动、涡盘啮合冲击和电机电磁力三个方面，单靠增加隔音材料已无法满足要求。"
        + CompressorCore
        + "项目拟联合高校建立噪声与振动联合仿真平台，完成三轮样机迭代，并在整车上开展主观评价与客观测试。同时建立关键零件的形位公差控制标准，"
        + "改进动盘加工的装夹方式和在线检测手段，使批量产品的噪声离散度明显减小，为后续高端车型配套打下基础。";

    /// <summary>The technical core of the compressor description, 62 normalised 字 in two sentences.</summary>
    public const string CompressorCore =
        "采用非对称型线的动静涡盘并优化背压腔结构，使排气脉动降低三成以上。电机转子改用分段斜极设计，抑制十二阶电磁噪声。";

    /// <summary>A different need of another unit that takes the compressor core into its own text.</summary>
    public const string HeatPumpOwnText =
        "本单位开发寒冷地区用热泵空调，需在零下二十五摄氏度稳定制热，目前样机在零下十五摄氏度以下制热量衰减超过四成，除霜期间室内温度波动明显。"
        + "拟开发喷气增焓补气回路与低温润滑油匹配方案，研究补气压力与主路流量的协同控制策略，优化室外换热器的分流与翅片间距，缩短除霜时间。"
        + "同时研究四通阀换向过程的压力冲击，改进电子膨胀阀的开度控制算法，使机组在极寒工况下平稳运行。项目完成后将在东北和西北地区开展示范应用，"
        + "累计推广不少于五千台，形成寒冷地区热泵空调的企业标准和检测规范。";

    public const string HeatPumpTargets = "零下二十五摄氏度制热能效比不低于二点零，整机噪声不高于五十八分贝。";

    /// <summary>An electric-motor maker's description; <see cref="MotorPassage"/> and the shorter cuts below are taken from its second sentence.</summary>
    public const string MotorDescription =
        "公司主营新能源汽车驱动电机，年产电机十二万台，配套省内多家整车企业。现有圆线绕组电机在高速区效率下降明显，绕组端部温升偏高，影响整车续航。"
        + "采用发卡式扁铜线绕组和定子油冷喷淋结构，使槽满率提高到百分之七十以上，并以碳纤维护套固定转子磁钢，保证每分钟两万转下的结构安全。"
        + "项目还将建立电机效率图谱测试台架和绕组绝缘寿命评价方法，形成企业标准。";

    /// <summary>52 normalised 字 of the motor description, starting inside its second sentence.</summary>
    public const string MotorPassage = "绕组和定子油冷喷淋结构，使槽满率提高到百分之七十以上，并以碳纤维护套固定转子磁钢，保证每分钟两万转下的结构安全。";

    /// <summary>55 normalised 字 of the same sentence as another applicant would paste them: other punctuation, no full stop.</summary>
    public const string MotorPassageRepunctuated = "扁铜线绕组和定子油冷喷淋结构；使槽满率提高到百分之七十以上、并以碳纤维护套固定转子磁钢。保证每分钟两万转下的结构安全";

    /// <summary>40 normalised 字 of the same sentence: shorter than the passage rule's 50.</summary>
    public const string MotorFortyChars = "采用发卡式扁铜线绕组和定子油冷喷淋结构，使槽满率提高到百分之七十以上，并以碳纤维护套";

    /// <summary>A tractor maker's own text (122 normalised 字), in two halves a copied passage goes between.</summary>
    public const string TractorOwnStart =
        "本单位为农业机械企业，拟开发丘陵山区用电动拖拉机。现有样机在坡地作业时驱动系统过热，连续作业不足三小时，电池包布置也使整机重心偏高。";
    public const string TractorOwnEnd =
        "拟研究轻量化底盘与电池包一体化布置，开发适应坡地工况的整机控制策略和能量回收方法，并在浙西南茶园和果园开展示范应用，形成整机产品。";

    public const string TractorTargets = "坡度二十五度连续作业不少于六小时，整机质量不超过一点八吨。";
}
