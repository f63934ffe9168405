namespace Jiebang.Web.Features.FormalReview;

/// <summary>
/// The bureau's formal review over JSON, the same use cases as its pages. Cookie calls that change state pass the
/// cross-site check every /api write does.
/// </summary>
public static class FormalReviewApi
{
    public static void MapFormalReviewApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/formal-review").WithTags("Formal review").RequireAuthorization();
        group.MapGet("/", async (int? callId, string? view, int? page, FormalReviewQueue queue, HttpContext http, CancellationToken ct) =>
            ApiResults.From(await queue.ForAsync(http.User.Actor(), callId, view, page, ct), l => Results.Ok(new
            {
                l.CallId, view = l.View.ToString(), counts = l.Counts.ToDictionary(c => c.Key.ToString(), c => c.Value),
                l.Rows.Total, l.Rows.Page, l.Rows.Pages,
                proposals = l.Rows.Rows.Select(r => new
                {
                    id = r.ProposalId, r.Title, unit = r.OwnerUnitName, r.Target, status = r.Status.ToString(), r.ArrivedAt, r.Receipt,
                }),
            })));
        group.MapPost("/{id:int}", async (int id, DecideFormalReview.Input input, DecideFormalReview decide, HttpContext http,
                CancellationToken ct) =>
            ApiResults.From(await decide.HandleAsync(http.User.Actor(), id, input, ct), s => Results.Ok(new { status = s.ToString() })));
    }
}
