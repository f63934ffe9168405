using Jiebang.Web.Data;

namespace Jiebang.Web.Features.Units;

public static class UnitApi
{
    public static void MapUnitApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/units").WithTags("Units");
        group.MapPost("/", async (RegisterUnit.Input input, RegisterUnit register, CancellationToken ct) =>
                ApiResults.From(await register.HandleAsync(input, ct), id => Results.Created($"/api/units/{id}", new { id })))
            .AllowAnonymous().RequireRateLimiting(JiebangApp.LoginRateLimit).WithMetadata(new Security.HashesPasswordAttribute());

        var signedIn = group.MapGroup("").RequireAuthorization();
        signedIn.MapGet("/", async (UnitStatus? status, UnitQueries units, HttpContext http, CancellationToken ct) =>
            ApiResults.From(await units.ListAsync(http.User.Actor(), status, ct)));
        signedIn.MapGet("/{id:int}", async (int id, UnitQueries units, HttpContext http, CancellationToken ct) =>
            ApiResults.From(await units.GetAsync(http.User.Actor(), id, ct)));
        signedIn.MapPost("/{id:int}/contact-phone/reveal", async (int id, UnitQueries units, HttpContext http, CancellationToken ct) =>
            ApiResults.From(await units.RevealContactPhoneAsync(http.User.Actor(), id, ct), phone => Results.Ok(new { phone })));
        signedIn.MapPut("/{id:int}", async (int id, EditUnit.Input input, EditUnit edit, HttpContext http, CancellationToken ct) =>
            ApiResults.From(await edit.HandleAsync(http.User.Actor(), id, input, ct), status => Results.Ok(new { status })));
        signedIn.MapPut("/{id:int}/contact", async (int id, UpdateUnitContact.Input input, UpdateUnitContact update, HttpContext http, CancellationToken ct) =>
            ApiResults.From(await update.HandleAsync(http.User.Actor(), id, input, ct)));
        signedIn.MapGet("/{id:int}/licence", async (int id, UnitLicence licences, HttpContext http, CancellationToken ct) =>
            ApiResults.From(await licences.OpenAsync(http.User.Actor(), id, ct), d => Results.File(d.Content, d.ContentType, d.FileName)));
        signedIn.MapPost("/{id:int}/licence", async (int id, IFormFile file, AttachUnitLicence attach, HttpContext http, CancellationToken ct) =>
        {
            await using var content = file.OpenReadStream();
            return ApiResults.From(await attach.HandleAsync(http.User.Actor(), id, new UnitLicence.Upload(file.FileName, content), ct),
                v => Results.Created($"/api/units/{id}/licence", v));
        }).DisableAntiforgery();
        signedIn.MapPost("/{id:int}/review", async (int id, ReviewUnit.Input input, ReviewUnit review, HttpContext http, CancellationToken ct) =>
            ApiResults.From(await review.HandleAsync(http.User.Actor(), id, input, ct), status => Results.Ok(new { status })));
    }
}
