using Jiebang.Web.Features.Filings;

namespace Jiebang.Web.Features.Demands;

public static class DemandApi
{
    public static void MapDemandApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/demands").WithTags("Demands").RequireAuthorization();
        group.MapGet("/", async (DemandQueries demands, HttpContext http, CancellationToken ct) =>
            ApiResults.From(await demands.OwnAsync(http.User.Actor(), ct)));
        group.MapGet("/sent-to-me", async (DemandQueries demands, HttpContext http, CancellationToken ct) =>
            ApiResults.From(await demands.SentToMeAsync(http.User.Actor(), ct)));
        group.MapGet("/inbox", async ([AsParameters] BureauInbox.Filter filter, BureauInbox inbox, HttpContext http, CancellationToken ct) =>
            ApiResults.From(await inbox.HandleAsync(http.User.Actor(), filter, ct)));
        group.MapGet("/inbox.xlsx", async ([AsParameters] BureauInbox.Filter filter, DemandSummaryExport export, HttpContext http, CancellationToken ct) =>
            ApiResults.From(await export.HandleAsync(http.User.Actor(), filter, ct), file => SummaryFile(http, file, "需求汇总表")));
        group.MapPost("/", async (StartDemand.Input input, StartDemand start, HttpContext http, CancellationToken ct) =>
            ApiResults.From(await start.HandleAsync(http.User.Actor(), input, ct), id => Results.Created($"/api/demands/{id}", new { id })));
        group.MapGet("/{id:int}", async (int id, DemandQueries demands, HttpContext http, CancellationToken ct) =>
            ApiResults.From(await demands.DetailAsync(http.User.Actor(), id, ct), d => Results.Ok(new
            {
                d.Demand.Id, d.Demand.Title, d.Demand.Status, d.Demand.FormKey, d.Demand.Kind, d.Demand.RecommenderUnitId, d.OwnerUnitName,
                d.RoundTitle, values = d.Values, version = d.ShownVersion?.Number,
                versions = d.Demand.Versions.Select(v => new { v.Number, v.ReceiptNumber, v.SubmittedAt }),
                history = d.Demand.Events.Select(e => new { e.At, e.From, e.To, e.Reason }),
            })));
        group.MapPost("/{id:int}/submit", async (int id, SubmitDemand submit, HttpContext http, CancellationToken ct) =>
            ApiResults.From(await submit.HandleAsync(http.User.Actor(), id, ct)));
        group.MapPut("/{id:int}/draft", (int id, SaveDemandDraft.Input input, SaveDemandDraft save, HttpContext http, CancellationToken ct) =>
            FilingApi.SaveDraftAsync(save, http, id, input, ct));
        group.MapFilerSteps<Domain.Demands.DemandStatus, WithdrawDemand, DeleteDemandDraft>();
        group.MapPost("/{id:int}/decision", async (int id, DecideOnDemand.Input input, DecideOnDemand decide, HttpContext http, CancellationToken ct) =>
            ApiResults.From(await decide.HandleAsync(http.User.Actor(), id, input, ct), s => Results.Ok(new { status = s })));
        group.MapGet("/{id:int}/diff", async (int id, int from, int to, DemandDiff diff, HttpContext http, CancellationToken ct) =>
            ApiResults.From(await diff.HandleAsync(http.User.Actor(), id, from, to, ct)));

        app.MapGet("/api/recommendation-batches/summary.xlsx", async (int roundId, DemandSummaryExport export, HttpContext http, CancellationToken ct) =>
            ApiResults.From(await export.ForRecommenderAsync(http.User.Actor(), roundId, ct), file => SummaryFile(http, file, "推荐汇总表")))
            .WithTags("Demands").RequireAuthorization();
        app.MapPost("/api/recommendation-batches", async (SubmitRecommendationBatch.Input input, SubmitRecommendationBatch submit,
                HttpContext http, CancellationToken ct) =>
            ApiResults.From(await submit.HandleAsync(http.User.Actor(), input, ct), s => Results.Created($"/api/recommendation-batches/{s.BatchId}", s)))
            .WithTags("Demands").RequireAuthorization();
    }

    // The temporary file goes away when the response is done with it.
    static IResult SummaryFile(HttpContext http, DemandSummaryExport.File file, string title)
    {
        http.Response.Headers["X-Row-Count"] = file.Rows.ToString();
        var stream = new FileStream(file.Path, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete, 81920,
            FileOptions.DeleteOnClose | FileOptions.Asynchronous);
        return Results.File(stream, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            $"{title}-{DateTime.UtcNow.AddHours(8):yyyyMMdd-HHmm}.xlsx");
    }
}
