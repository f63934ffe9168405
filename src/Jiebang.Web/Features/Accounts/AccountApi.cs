namespace Jiebang.Web.Features.Accounts;

public static class AccountApi
{
    public static void MapAccountApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/accounts").WithTags("Accounts").RequireAuthorization();
        group.MapGet("/", async (AccountQueries accounts, TimeProvider clock, HttpContext http, CancellationToken ct) =>
            ApiResults.From(await accounts.ListAsync(http.User.Actor(), clock.GetUtcNow(), ct)));
        group.MapPost("/", async (CreateAccount.Input input, CreateAccount create, HttpContext http, CancellationToken ct) =>
            ApiResults.From(await create.HandleAsync(http.User.Actor(), input, ct), id => Results.Created($"/api/accounts/{id}", new { id })));
        group.MapPost("/{id}/resident-id/reveal", async (string id, AccountQueries accounts, HttpContext http, CancellationToken ct) =>
            ApiResults.From(await accounts.RevealResidentIdAsync(http.User.Actor(), id, ct), residentId => Results.Ok(new { residentId })));
    }
}
