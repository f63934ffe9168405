namespace Jiebang.Web.Features.Recommendation;

/// <summary>
/// A level's batches over JSON, the same use cases as the pages under /Recommend/Batches; and the letter
/// templates staff keep. Cookie calls that change state pass <see cref="Security.CookieApiCsrf"/>, as every /api write does.
/// </summary>
public static class ProposalBatchApi
{
    public static void MapProposalBatchApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/recommend/batches").WithTags("Recommendation batches").RequireAuthorization();
        group.MapGet("/", async (ProposalBatchQueries queries, HttpContext http, CancellationToken ct) =>
            ApiResults.From(await queries.ListAsync(http.User.Actor(), ct)));
        group.MapGet("/candidates", async (int roundId, ProposalBatchQueries queries, HttpContext http, CancellationToken ct) =>
            ApiResults.From(await queries.CandidatesAsync(http.User.Actor(), roundId, ct), c => Results.Ok(c.Rows.Select(Row))));
        group.MapPost("/", async (OpenProposalBatch.Input input, OpenProposalBatch open, HttpContext http, CancellationToken ct) =>
            ApiResults.From(await open.HandleAsync(http.User.Actor(), input, ct),
                c => Results.Created($"/api/recommend/batches/{c.BatchId}", new { id = c.BatchId, proposalIds = c.ProposalIds })));
        group.MapGet("/{id:int}", async (int id, ProposalBatchQueries queries, HttpContext http, CancellationToken ct) =>
            ApiResults.From(await queries.PreviewAsync(http.User.Actor(), id, ct), p => Results.Ok(new
            {
                p.Batch.Id, p.Batch.RoundId, roundTitle = p.Round.Title, unit = p.UnitName, to = p.AboveName, p.Batch.SubmittedAt,
                p.Batch.Opinion, subsidyWan = p.SubsidyWan, proposals = p.Rows.Select(Row), candidates = p.Candidates.Select(Row),
                quota = new
                {
                    p.Standing.Limit, p.Standing.Used, p.Standing.Left, incentiveItems = p.Standing.Incentive?.Items,
                    incentiveAmountWan = p.Standing.Incentive?.AmountWan, p.Standing.IncentiveUsed, p.Standing.IncentiveLeft,
                    incentiveUsedWan = p.Standing.IncentiveFenUsed / (decimal)Domain.Proposals.Recommendation.QuotaStanding.FenPerWan,
                },
                scans = BatchDocuments.All.Select(d => new
                {
                    document = d.ToString(), name = d.Name().Zh,
                    file = p.Scans.TryGetValue(d, out var a) ? new { a.Id, a.FileName, a.UploadedAt } : null,
                }),
            })));
        group.MapPut("/{id:int}/proposals", async (int id, ChooseBatchProposals.Input input, ChooseBatchProposals choose, HttpContext http,
                CancellationToken ct) =>
            ApiResults.From(await choose.HandleAsync(http.User.Actor(), id, input, ct)));
        group.MapGet("/{id:int}/summary.xlsx", async (int id, BatchSummaryExport export, HttpContext http, CancellationToken ct) =>
            ApiResults.From(await export.XlsxAsync(http.User.Actor(), id, ct), f => Results.File(f.Content, f.ContentType, f.FileName)));
        group.MapGet("/{id:int}/summary.docx", async (int id, BatchSummaryExport export, HttpContext http, CancellationToken ct) =>
            ApiResults.From(await export.DocxAsync(http.User.Actor(), id, ct), f => Results.File(f.Content, f.ContentType, f.FileName)));
        group.MapGet("/{id:int}/letters/{document}", async (int id, string document, BatchLetters letters, HttpContext http, CancellationToken ct) =>
            Enum.TryParse<BatchDocument>(document, ignoreCase: true, out var d) && d.TemplateKey() is not null
                ? ApiResults.From(await letters.HandleAsync(http.User.Actor(), id, d, ct), f => Results.File(f.Content, f.ContentType, f.FileName))
                : Results.NotFound());
        group.MapPost("/{id:int}/scans/{document}", async (int id, string document, IFormFile file, AttachBatchScan attach, HttpContext http,
                CancellationToken ct) =>
            {
                if (!Enum.TryParse<BatchDocument>(document, ignoreCase: true, out var d) || !Enum.IsDefined(d))
                    return ApiResults.Problem([BatchErrors.DocumentUnknown.At("document")]);
                await using var content = file.OpenReadStream();
                return ApiResults.From(await attach.HandleAsync(http.User.Actor(), id, d, file.FileName, content, ct),
                    s => Results.Created($"/api/files/{s.Id}", s));
            })
            .DisableAntiforgery();
        group.MapPost("/{id:int}/submit", async (int id, SubmitProposalBatch.Input input, SubmitProposalBatch submit, HttpContext http,
                CancellationToken ct) =>
            ApiResults.From(await submit.HandleAsync(http.User.Actor(), id, input, ct)));

        var letters = app.MapGroup("/api/letters").WithTags("Letter templates").RequireAuthorization();
        letters.MapGet("/", async (LetterTemplates templates, HttpContext http, CancellationToken ct) =>
            ApiResults.From(await templates.ListAsync(http.User.Actor(), ct), l => Results.Ok(new
            {
                templates = l.Select(t => new { t.Key, t.Title, t.Body, t.UpdatedAt }),
                placeholders = LetterTemplates.Placeholders.Select(p => new { p.Name, meaning = p.Meaning.ToString() }),
            })));
        letters.MapPut("/{key}", async (string key, EditLetterTemplate.Input input, EditLetterTemplate edit, HttpContext http, CancellationToken ct) =>
            ApiResults.From(await edit.HandleAsync(http.User.Actor(), key, input, ct), t => Results.Ok(new { t.Key, t.Title, t.Body, t.UpdatedAt })));
    }

    static object Row(ProposalBatchStore.Row r) => new
    {
        id = r.ProposalId, name = r.ProjectName, unit = r.UnitName, category = r.Target, subsidyWan = r.SubsidyWan, r.Incentive, r.BatchId,
    };
}
