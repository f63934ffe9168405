namespace Jiebang.Web.Features.Similarity;

public static class SimilarityApi
{
    public static void MapSimilarityApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/similarity").WithTags("Similarity").RequireAuthorization();
        group.MapGet("/demands/{id:int}", async (int id, DemandSimilarity similarity, HttpContext http, CancellationToken ct) =>
            ApiResults.From(await similarity.ForReviewAsync(http.User.Actor(), id, ct), r => Results.Ok(r.Similar)));
        group.MapGet("/compare", async (long a, long b, DemandSimilarity similarity, HttpContext http, CancellationToken ct) =>
            ApiResults.From(await similarity.CompareAsync(http.User.Actor(), a, b, ct), r => Results.Ok(new
            {
                a = new { r.A.Id, r.A.Title, r.A.Text }, b = new { r.B.Id, r.B.Title, r.B.Text }, spans = r.Spans,
            })));
        group.MapPost("/imports", async (IFormFile file, ImportHistoricalProjects import, HttpContext http, CancellationToken ct) =>
        {
            await using var content = file.OpenReadStream();
            return ApiResults.From(await import.PreviewAsync(http.User.Actor(), content, ct), p => Results.Ok(new
            {
                p.Token, p.Valid, rows = p.Rows.Select(r => new
                {
                    r.Line, r.Name, r.Unit, r.Leader, r.Year, r.Department, errors = r.Errors.Select(ApiResults.ToFinding),
                }),
            }));
        }).DisableAntiforgery();
        group.MapPost("/imports/{token}/commit", async (string token, ImportHistoricalProjects import, HttpContext http, CancellationToken ct) =>
            ApiResults.From(await import.CommitAsync(http.User.Actor(), token, ct), n => Results.Ok(new { imported = n })));
    }
}
