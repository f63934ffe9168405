using Jiebang.Domain.Rules;

namespace Jiebang.Web.Features.Security;

/// <summary>
/// An API request the framework refused before any handler ran (a body that is not valid JSON, an
/// undefined enum value, invalid UTF-8 or a lone surrogate, a body past Kestrel's limit) gets a
/// problem in the user's language instead of an empty 400 or 413.
/// </summary>
public static class ApiRequestProblems
{
    public static IApplicationBuilder UseApiRequestProblems(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        await next(context);
        var response = context.Response;
        if (response.HasStarted || !context.Request.Path.StartsWithSegments("/api")) return;
        var error = response.StatusCode switch
        {
            StatusCodes.Status400BadRequest => RuleError.Of("REQUEST_INVALID", "", "access"),
            StatusCodes.Status413PayloadTooLarge => RuleError.Of("REQUEST_TOO_LARGE", "file", "notice §4.3",
                $"{context.RequestServices.GetRequiredService<IConfiguration>().GetValue("Storage:MaxUploadBytes", 20L * 1024 * 1024) / 1024 / 1024}MB"),
            StatusCodes.Status415UnsupportedMediaType => RuleError.Of("REQUEST_INVALID", "", "access"),
            _ => null,
        };
        if (error is null) return;
        await Results.Problem(title: error.Message(), statusCode: response.StatusCode,
            extensions: new Dictionary<string, object?> { ["findings"] = new[] { ApiResults.ToFinding(error) } }).ExecuteAsync(context);
    });
}
