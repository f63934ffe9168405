using Jiebang.Domain.Demands;
using Jiebang.Domain.Rules;

namespace Jiebang.Web.Features.Guidelines;

/// <summary>A demand's status named in both languages, for rule messages.</summary>
public static class DemandStatusNames
{
    public static LocalizedText Of(DemandStatus status) => status switch
    {
        DemandStatus.Draft => new("草稿", "draft"),
        DemandStatus.Submitted => new("已提交", "submitted"),
        DemandStatus.Recommended => new("已推荐", "recommended"),
        DemandStatus.ForwardedToBureau => new("已报送科技局", "forwarded to the bureau"),
        DemandStatus.Accepted => new("已受理", "accepted"),
        DemandStatus.Returned => new("已退回修改", "returned for revision"),
        DemandStatus.Rejected => new("不予受理", "rejected"),
        DemandStatus.Withdrawn => new("已撤回", "withdrawn"),
        _ => new(status.ToString(), status.ToString()),
    };
}
