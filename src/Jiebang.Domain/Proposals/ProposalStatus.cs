namespace Jiebang.Domain.Proposals;

/// <summary>
/// Where a project proposal (申报书) stands [notice §3: 组织申报（揭榜）→ 形式审核]. The first four are the
/// filing lifecycle's; the recommending unit's moves (recommend to the next level, or reject) come next, then
/// the bureau's formal review (pass on to expert review, fail, or return for revision).
/// </summary>
public enum ProposalStatus
{
    Draft = 0,          // 草稿
    Submitted = 1,      // 已提交，待推荐单位审核
    Returned = 2,       // 退回修改
    Withdrawn = 3,      // 已撤回
    Recommended = 4,    // 推荐单位已推荐，报送上一级
    Rejected = 5,       // 推荐单位不予推荐
    FormalReviewPassed = 6, // 形式审核通过，待专家评审
    FormalReviewFailed = 7, // 形式审核不通过
}
