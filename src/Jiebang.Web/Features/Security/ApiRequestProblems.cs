using Jiebang.Domain.Rules;

namespace Jiebang.Web.Features.Security;

/// <summary>
/// An API request the framework refused before any handler ran (a body that is not valid JSON, an
/// undefined enum value, invalid UTF-8 or a lone surrogate, a body past Kestrel's limit) gets a
/// problem in the user's language instead of an empty 400 or 413; a page request so refused (a
/// form post past the upload limit, an expired antiforgery token) gets a short page saying so, and so
/// does a record or page not found, a method the address does not take, or a request past a rate limit
/// (an empty 404, 405 or 429 showed the browser's own page, in its language).
/// </summary>
public static class ApiRequestProblems
{
    public static IApplicationBuilder UseApiRequestProblems(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        await next(context);
        var response = context.Response;
        if (response.HasStarted) return;
        var isApi = context.Request.Path.StartsWithSegments("/api");
        if (!isApi && (response.ContentType is not null || response.ContentLength > 0)) return;
        var error = response.StatusCode switch
        {
            StatusCodes.Status400BadRequest => RequestErrors.Invalid.At(""),
            StatusCodes.Status413PayloadTooLarge => RequestErrors.TooLarge.At("file",
                $"{context.RequestServices.GetRequiredService<Files.FileStore>().MaxUploadBytes / 1024 / 1024}MB"),
            StatusCodes.Status415UnsupportedMediaType => RequestErrors.Invalid.At(""),
            // A record another unit's account guessed, or an address that is not ours: the browser's own page otherwise.
            StatusCodes.Status404NotFound => Access.AccessErrors.NotFound.At(""),
            // An API call without a session or past what the account may do (pages redirect to sign-in or to "access denied").
            StatusCodes.Status401Unauthorized => Access.AccessErrors.SignInRequired.At(""),
            StatusCodes.Status403Forbidden => Access.AccessErrors.Denied.At(""),
            StatusCodes.Status405MethodNotAllowed => RequestErrors.MethodNotAllowed.At("", context.Request.Method),
            // The sign-in limit per address, or the password queue full: the browser's own page otherwise.
            StatusCodes.Status429TooManyRequests => RequestErrors.TooMany.At(""),
            _ => null,
        };
        if (error is null) return;
        if (!isApi)
        {
            await WritePageAsync(context, error);
            return;
        }
        await Results.Problem(title: error.Message(), statusCode: response.StatusCode,
            extensions: new Dictionary<string, object?> { ["findings"] = new[] { ApiResults.ToFinding(error) } }).ExecuteAsync(context);
    });

    static async Task WritePageAsync(HttpContext context, RuleError error)
    {
        var l = context.RequestServices.GetRequiredService<Microsoft.Extensions.Localization.IStringLocalizer<SharedResource>>();
        var culture = System.Globalization.CultureInfo.CurrentUICulture.Name;
        var message = System.Net.WebUtility.HtmlEncode(error.Message());
        context.Response.ContentType = "text/html; charset=utf-8";
        await context.Response.WriteAsync($"""
            <!DOCTYPE html>
            <html lang="{culture}"><head><meta charset="utf-8"><title>{System.Net.WebUtility.HtmlEncode(l["AppName"])}</title></head>
            <body><main><h1>{message}</h1><p><a href="/">{System.Net.WebUtility.HtmlEncode(l["Home"])}</a></p></main></body></html>
            """);
    }
}
