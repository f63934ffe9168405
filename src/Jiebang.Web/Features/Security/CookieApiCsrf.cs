using Jiebang.Domain.Rules;
using Jiebang.Web.Features.Access;
using Microsoft.AspNetCore.Antiforgery;

namespace Jiebang.Web.Features.Security;

/// <summary>
/// A state-changing API call that carries the sign-in cookie must come from our own pages: it
/// carries the antiforgery token in the RequestVerificationToken header, or an Origin (or, without
/// one, a Referer) naming this site. SameSite=Lax does not cover a sibling subdomain.
/// Calls without the cookie are not made on anyone's behalf and pass.
/// </summary>
public static class CookieApiCsrf
{
    public const string CookieName = "jiebang.auth";

    public static IApplicationBuilder UseCookieApiCsrf(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var request = context.Request;
        if (!request.Path.StartsWithSegments("/api") || HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method)
            || HttpMethods.IsOptions(request.Method) || !request.Cookies.ContainsKey(CookieName)
            || IsSameSite(request) || await HasTokenAsync(context))
        {
            await next(context);
            return;
        }
        var error = AccessErrors.ForeignOrigin.At("");
        await Results.Problem(title: error.Message(), statusCode: StatusCodes.Status403Forbidden,
            extensions: new Dictionary<string, object?> { ["findings"] = new[] { ApiResults.ToFinding(error) } }).ExecuteAsync(context);
    });

    static bool IsSameSite(HttpRequest request)
    {
        var site = $"{request.Scheme}://{request.Host.Value}";
        var origin = request.Headers.Origin.ToString();
        if (origin.Length > 0) return string.Equals(origin, site, StringComparison.OrdinalIgnoreCase);
        var referer = request.Headers.Referer.ToString();
        return Uri.TryCreate(referer, UriKind.Absolute, out var uri)
            && string.Equals(uri.GetLeftPart(UriPartial.Authority), site, StringComparison.OrdinalIgnoreCase);
    }

    static async Task<bool> HasTokenAsync(HttpContext context) =>
        context.Request.Headers.ContainsKey("RequestVerificationToken")
        && await context.RequestServices.GetRequiredService<IAntiforgery>().IsRequestValidAsync(context);
}
