using Jiebang.Web.Documents;

namespace Jiebang.Web.Features.Demands;

/// <summary>Word export and import of demands, and the blank templates of the forms.</summary>
public static class DemandDocumentsApi
{
    public static void MapDemandDocumentsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api").WithTags("Documents").RequireAuthorization();
        group.MapGet("/demands/{id:int}/docx", async (int id, DemandDocuments documents, HttpContext http, CancellationToken ct) =>
            ApiResults.From(await documents.ExportAsync(http.User.Actor(), id, ct), File));
        group.MapGet("/forms/{key}/template.docx", async (string key, int? roundId, DemandDocuments documents, HttpContext http, CancellationToken ct) =>
            ApiResults.From(await documents.TemplateAsync(http.User.Actor(), key, roundId, ct), File));
        // A multipart upload from the API: the auth cookie is SameSite=Lax, so another site cannot post it.
        group.MapPost("/demands/{id:int}/docx", async (int id, IFormFile file, DemandDocuments documents, HttpContext http, CancellationToken ct) =>
            {
                await using var stream = file.OpenReadStream();
                return ApiResults.From(await documents.ImportAsync(http.User.Actor(), id, stream, file.Length, ct), i => Results.Ok(new
                {
                    i.Id, i.SavedAt,
                    found = i.Import.With(ImportStatus.Found).Count(),
                    empty = i.Import.With(ImportStatus.Empty).Count(),
                    missing = i.Import.With(ImportStatus.Missing).Count(),
                    unreadable = i.Import.With(ImportStatus.Unreadable).Count(),
                    fields = i.Import.Fields.Select(f => new
                    {
                        f.Key, label = f.LabelZh, status = f.Status.ToString().ToLowerInvariant(), text = f.FoundText,
                        message = f.Problem?.Message(),
                    }),
                    findings = i.Findings.Select(ApiResults.ToFinding),
                }));
            })
            .DisableAntiforgery();
    }

    static IResult File(DemandDocuments.WordFile file) =>
        Results.File(file.Content, DemandDocuments.WordFile.ContentType, file.FileName);
}
