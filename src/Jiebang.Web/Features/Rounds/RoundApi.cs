namespace Jiebang.Web.Features.Rounds;

public static class RoundApi
{
    public static void MapRoundApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/rounds").WithTags("Rounds").RequireAuthorization();
        group.MapGet("/", async (RoundCommands rounds, HttpContext http, CancellationToken ct) =>
            ApiResults.From(await rounds.ListAsync(http.User.Actor(), ct)));
        group.MapGet("/{id:int}", async (int id, RoundCommands rounds, HttpContext http, CancellationToken ct) =>
            ApiResults.From(await rounds.GetAsync(http.User.Actor(), id, ct)));
        group.MapPost("/", async (RoundCommands.Input input, RoundCommands rounds, HttpContext http, CancellationToken ct) =>
            ApiResults.From(await rounds.CreateAsync(http.User.Actor(), input, ct), r => Results.Created($"/api/rounds/{r.Id}", r)));
        group.MapPut("/{id:int}", async (int id, RoundCommands.Input input, RoundCommands rounds, HttpContext http, CancellationToken ct) =>
            ApiResults.From(await rounds.UpdateAsync(http.User.Actor(), id, input, ct)));
    }
}
