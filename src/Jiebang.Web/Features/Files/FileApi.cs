namespace Jiebang.Web.Features.Files;

public static class FileApi
{
    public static void MapFileApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api").WithTags("Files").RequireAuthorization();
        group.MapPost("/demands/{id:int}/scans", async (int id, IFormFile file, FilingScans scans, HttpContext http, CancellationToken ct) =>
        {
            await using var content = file.OpenReadStream();
            return ApiResults.From(await scans.AttachAsync(http.User.Actor(), "Demand", id, file.FileName, content, ct),
                s => Results.Created($"/api/files/{s.Id}", s));
        }).DisableAntiforgery();
        group.MapGet("/demands/{id:int}/scans", async (int id, FilingScans scans, HttpContext http, CancellationToken ct) =>
            ApiResults.From(await scans.ListAsync(http.User.Actor(), "Demand", id, ct)));
        group.MapGet("/files/{id:long}", async (long id, FilingScans scans, HttpContext http, CancellationToken ct) =>
            ApiResults.From(await scans.OpenAsync(http.User.Actor(), id, ct),
                d => Results.File(d.Content, d.ContentType, d.FileName)));
    }
}
