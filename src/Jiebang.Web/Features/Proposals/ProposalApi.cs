using Jiebang.Domain.Proposals;
using Jiebang.Web.Documents;
using Jiebang.Web.Features.Demands;
using Jiebang.Web.Features.Files;
using Jiebang.Web.Features.Filings;

namespace Jiebang.Web.Features.Proposals;

/// <summary>
/// Proposals over JSON: the same use cases as the pages. Cookie calls that change state pass the
/// cross-site check of <see cref="Security.CookieApiCsrf"/>, as every /api write does.
/// </summary>
public static class ProposalApi
{
    const string Owner = nameof(Proposal);

    public static void MapProposalApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/proposals").WithTags("Proposals").RequireAuthorization();
        group.MapGet("/", async (ProposalQueries proposals, HttpContext http, CancellationToken ct) =>
            ApiResults.From(await proposals.OwnAsync(http.User.Actor(), ct)));
        group.MapPost("/", async (StartProposal.Input input, StartProposal start, HttpContext http, CancellationToken ct) =>
            ApiResults.From(await start.HandleAsync(http.User.Actor(), input, ct), id => Results.Created($"/api/proposals/{id}", new { id })));
        group.MapGet("/{id:int}", async (int id, ProposalQueries proposals, HttpContext http, CancellationToken ct) =>
            ApiResults.From(await proposals.DetailAsync(http.User.Actor(), id, ct), d => Results.Ok(new
            {
                d.Proposal.Id, d.Proposal.Title, d.Proposal.Status, d.Proposal.RoundId, d.Proposal.GuidelineItemId, d.Proposal.Category,
                d.Proposal.RecommenderUnitId, d.OwnerUnitName, values = d.Values, version = d.ShownVersion?.Number,
                versions = d.Proposal.Versions.Select(v => new { v.Number, v.ReceiptNumber, v.SubmittedAt }),
                history = d.Proposal.Events.Select(e => new { e.At, e.From, e.To, e.Reason }),
            })));
        group.MapPost("/{id:int}/submit", async (int id, SubmitProposal submit, HttpContext http, CancellationToken ct) =>
            ApiResults.From(await submit.HandleAsync(http.User.Actor(), id, ct)));
        group.MapPut("/{id:int}/draft", (int id, SaveProposalDraft.Input input, SaveProposalDraft save, HttpContext http, CancellationToken ct) =>
            FilingApi.SaveDraftAsync(save, http, id, input, ct));
        group.MapFilerSteps<ProposalStatus, WithdrawProposal, DeleteProposalDraft>();
        group.MapPost("/{id:int}/return", async (int id, ReturnProposal.Input input, ReturnProposal ret, HttpContext http, CancellationToken ct) =>
            ApiResults.From(await ret.HandleAsync(http.User.Actor(), id, input, ct), s => Results.Ok(new { status = s })));
        group.MapGet("/{id:int}/docx", async (int id, ProposalDocuments documents, HttpContext http, CancellationToken ct) =>
            ApiResults.From(await documents.ExportAsync(http.User.Actor(), id, ct),
                f => Results.File(f.Content, DemandDocuments.WordFile.ContentType, f.FileName)));
        group.MapPost("/{id:int}/docx", async (int id, IFormFile file, ProposalDocuments documents, HttpContext http, CancellationToken ct) =>
            {
                await using var stream = file.OpenReadStream();
                return ApiResults.From(await documents.ImportAsync(http.User.Actor(), id, stream, file.Length, ct), i => Results.Ok(new
                {
                    i.Id, i.SavedAt, found = i.Import.With(ImportStatus.Found).Count(), missing = i.Import.With(ImportStatus.Missing).Count(),
                    unreadable = i.Import.With(ImportStatus.Unreadable).Count(), findings = i.Findings.Select(ApiResults.ToFinding),
                }));
            })
            .DisableAntiforgery();
        group.MapGet("/{id:int}/scans", async (int id, FilingScans scans, HttpContext http, CancellationToken ct) =>
            ApiResults.From(await scans.ListAsync(http.User.Actor(), Owner, id, ct)));
        group.MapPost("/{id:int}/scans", async (int id, IFormFile file, FilingScans scans, HttpContext http, CancellationToken ct) =>
            {
                await using var content = file.OpenReadStream();
                return ApiResults.From(await scans.AttachAsync(http.User.Actor(), Owner, id, file.FileName, content, ct),
                    s => Results.Created($"/api/files/{s.Id}", s));
            })
            .DisableAntiforgery();
    }
}
