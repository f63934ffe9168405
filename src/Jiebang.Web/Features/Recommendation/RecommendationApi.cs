using Jiebang.Domain.Proposals.Recommendation;

namespace Jiebang.Web.Features.Recommendation;

/// <summary>
/// A recommending level's queue and decisions over JSON, the same use cases as its pages. Cookie calls
/// that change state pass the cross-site check every /api write does.
/// </summary>
public static class RecommendationApi
{
    public static void MapRecommendationApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/recommend/proposals").WithTags("Recommendation").RequireAuthorization();
        group.MapGet("/", async (LevelQueue queue, HttpContext http, CancellationToken ct) =>
            ApiResults.From(await queue.ForAsync(http.User.Actor(), ct), rounds => Results.Ok(rounds.Select(r => new
            {
                r.RoundId, r.RoundTitle, above = r.AboveUnitName, quota = QuotaJson(r.Quota),
                proposals = r.Rows.Select(p => new
                {
                    id = p.ProposalId, p.Title, unit = p.OwnerUnitName, p.Target, p.Level, decision = p.Decision.ToString(),
                    incentive = p.UsesIncentive, subsidy = p.SubsidyWan, forwarded = p.Forwarded, p.BatchId, heldHere = p.HeldHere, p.Receipt,
                }),
            }))));
        group.MapPost("/{id:int}/recommend", async (int id, RecommendProposal.Input input, RecommendProposal recommend, HttpContext http,
                CancellationToken ct) =>
            ApiResults.From(await recommend.HandleAsync(http.User.Actor(), id, input, ct), r => Results.Ok(new
            {
                id = r.ProposalId, decision = LevelDecision.Recommended.ToString(), incentive = r.Incentive, quota = QuotaJson(r.Standing),
            })));
        group.MapPost("/{id:int}/reject", async (int id, RejectProposal.Input input, RejectProposal reject, HttpContext http, CancellationToken ct) =>
            ApiResults.From(await reject.HandleAsync(http.User.Actor(), id, input, ct), s => Results.Ok(new { status = s.ToString() })));
        group.MapPost("/{id:int}/undo", async (int id, UndoRecommendation undo, HttpContext http, CancellationToken ct) =>
            ApiResults.From(await undo.HandleAsync(http.User.Actor(), id, ct), d => Results.Ok(new { decision = d.ToString() })));
    }

    static object QuotaJson(QuotaStanding q) => new
    {
        limit = q.Limit, used = q.Used, left = q.Left,
        incentive = q.Incentive is { } i ? new
        {
            items = i.Items, itemsUsed = q.IncentiveUsed, itemsLeft = q.IncentiveLeft, amount = i.AmountWan,
            amountUsed = q.IncentiveFenUsed / (decimal)QuotaStanding.FenPerWan,
        } : null,
    };
}
