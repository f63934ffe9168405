using Jiebang.Domain.Guidelines;

namespace Jiebang.Web.Features.Guidelines;

/// <summary>Staff's challenge-list work as JSON, on the same use cases as the pages.</summary>
public static class GuidelineApi
{
    public sealed record ItemJson(int Id, int CallRoundId, int Number, GuidelineItemStatus Status, GuidelineItemContent Content,
        IReadOnlyList<int> Sources, DateTimeOffset? PublishedAt, Guid ConcurrencyStamp)
    {
        public static ItemJson Of(GuidelineItem i) =>
            new(i.Id, i.CallRoundId, i.Number, i.Status, i.Content, [.. i.Sources.Select(s => s.DemandId)], i.PublishedAt, i.ConcurrencyStamp);
    }

    public static void MapGuidelineApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/guidelines").WithTags("Guidelines").RequireAuthorization();
        group.MapGet("/items/{id:int}", async (int id, GuidelineQueries queries, HttpContext http, CancellationToken ct) =>
            ApiResults.From(await queries.ItemAsync(http.User.Actor(), id, ct), d => Results.Ok(ItemJson.Of(d.Item))));
        group.MapPost("/items", async (CompileGuidelineItems.Input input, CompileGuidelineItems compile, HttpContext http, CancellationToken ct) =>
            ApiResults.From(await compile.HandleAsync(http.User.Actor(), input, ct), ids => Results.Ok(new { ids })));
        group.MapPut("/items/{id:int}", async (int id, EditGuidelineItem.Input input, EditGuidelineItem edit, HttpContext http, CancellationToken ct) =>
            ApiResults.From(await edit.HandleAsync(http.User.Actor(), id, input, ct), i => Results.Ok(ItemJson.Of(i))));
        group.MapPost("/items/{id:int}/withdraw", async (int id, WithdrawGuidelineItem.Input input, WithdrawGuidelineItem withdraw,
                HttpContext http, CancellationToken ct) =>
            ApiResults.From(await withdraw.HandleAsync(http.User.Actor(), id, input, ct), i => Results.Ok(ItemJson.Of(i))));
        group.MapPost("/calls/{id:int}/publish", async (int id, PublishCall.Input input, PublishCall publish, HttpContext http, CancellationToken ct) =>
            ApiResults.From(await publish.HandleAsync(http.User.Actor(), id, input, ct)));
    }
}
