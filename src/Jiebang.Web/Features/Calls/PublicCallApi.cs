using Jiebang.Web.Documents;
using Jiebang.Web.Features.Demands;
using Jiebang.Web.Features.Forms;

namespace Jiebang.Web.Features.Calls;

/// <summary>
/// The public face as data: the same calls and items as the pages, as JSON and as an Atom feed, and
/// each published call's blank forms as Word files. No sign-in; nothing unpublished answers but 404.
/// </summary>
public static class PublicCallApi
{
    public static void MapPublicCallApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/public/calls").WithTags("Public calls").AllowAnonymous();
        api.MapGet("/", async (PublicCalls calls, CancellationToken ct) => Results.Ok(await calls.ListAsync(ct)));
        api.MapGet("/{id:int}", async (int id, PublicCalls calls, CancellationToken ct) =>
            await calls.CallAsync(id, ct) is { } call ? Results.Ok(call) : Results.NotFound());
        api.MapGet("/{id:int}/items/{itemId:int}", async (int id, int itemId, PublicCalls calls, CancellationToken ct) =>
            await calls.ItemAsync(id, itemId, ct) is { } item ? Results.Ok(item) : Results.NotFound());

        app.MapGet(CallFeed.Path, async (CallFeed feed, HttpContext http, CancellationToken ct) =>
                Results.Bytes(await feed.BuildAsync($"{http.Request.Scheme}://{http.Request.Host}", ct), CallFeed.ContentType + "; charset=utf-8"))
            .AllowAnonymous().WithTags("Public calls");
        app.MapGet("/calls/{id:int}/forms/{key}.docx", async (int id, string key, PublicCalls calls, FormRegistry forms,
                AnnexWordWriter writer, CancellationToken ct) =>
            {
                if (await calls.PublishedFormAsync(id, key, ct) is not { } found) return Results.NotFound();
                var form = await forms.FormAsync(found.Form.Key, found.Form.Version, ct);
                if (form is null) return Results.NotFound();
                var taxonomyKey = DemandStore.TaxonomyKeyOf(form, found.Call);
                var taxonomy = string.IsNullOrEmpty(taxonomyKey) ? null : await forms.TaxonomyAsync(taxonomyKey, ct);
                return Results.File(writer.Blank(form, taxonomy), AnnexWordWriter.ContentType, $"{form.TitleZh}.docx");
            })
            .AllowAnonymous().WithTags("Public calls");
    }
}
