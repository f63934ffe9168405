namespace Jiebang.Domain.Demands;

/// <summary>Where a technology demand stands on its way to the bureau's guideline pool [notice §3, §4.2].</summary>
public enum DemandStatus
{
    Draft = 0,               // 草稿
    Submitted = 1,           // 已提交：待推荐单位遴选，或（直报）待科技局受理
    Recommended = 2,         // 推荐单位已遴选通过，待随批次报送
    ForwardedToBureau = 3,   // 推荐单位已报送科技局
    Returned = 4,            // 退回修改
    Rejected = 5,            // 不予受理
    Accepted = 6,            // 科技局已受理，入指南编制库
    Withdrawn = 7,           // 已撤回：填报单位在截止前撤回，可修改后重新提交
}

/// <summary>What kind of need it is; common industry and public-welfare needs go through a recommending unit [notice §4.2].</summary>
public enum DemandKind
{
    EnterpriseOwn = 1,            // 企业自身技术需求
    IndustryCommon = 2,           // 产业共性技术需求
    PublicWelfareSelfFunded = 3,  // 公益性技术应用研究自筹类
}
