using Jiebang.Domain.Demands;
using Jiebang.Domain.Rules;

namespace Jiebang.Web.Features.Demands;

/// <summary>
/// One name for each kind and state of a demand, wherever it is shown: the pages' resources
/// (<c>DemandKind_*</c>, <c>DemandStatus_*</c>, checked equal by a test), the Excel summary, the rule
/// messages and the history. docs/glossary.md lists them with the words not to use.
/// </summary>
public static class DemandTerms
{
    public static readonly LocalizedText DirectToBureau = new("直接报送科技局", "sent directly to the bureau");

    public static LocalizedText Kind(DemandKind kind) => kind switch
    {
        DemandKind.IndustryCommon => new("产业共性技术需求", "Common industry need"),
        DemandKind.PublicWelfareSelfFunded => new("公益性技术应用研究自筹类需求", "Public-welfare research, self-funded"),
        _ => new("企业技术需求", "Enterprise technology need"),
    };

    public static LocalizedText Status(DemandStatus status) => status switch
    {
        DemandStatus.Draft => new("草稿", "Draft"),
        DemandStatus.Submitted => new("已提交", "Submitted"),
        DemandStatus.Recommended => new("推荐单位已遴选", "Screened by the recommending unit"),
        DemandStatus.ForwardedToBureau => new("已报送科技局", "Sent to the bureau"),
        DemandStatus.Returned => new("退回修改", "Returned for revision"),
        DemandStatus.Rejected => new("不予受理", "Rejected"),
        DemandStatus.Accepted => new("已受理入库", "Accepted into the guideline pool"),
        DemandStatus.Withdrawn => new("已撤回", "Withdrawn"),
        _ => new(status.ToString(), status.ToString()),
    };
}
