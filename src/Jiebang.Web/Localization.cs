using System.Globalization;
using Microsoft.AspNetCore.Localization;

namespace Jiebang.Web;

/// <summary>zh-CN first, en-US by a switch kept in a cookie.</summary>
public static class Localization
{
    public static readonly CultureInfo[] Cultures = [new("zh-CN"), new("en-US")];

    public static RequestLocalizationOptions Options { get; } = new()
    {
        DefaultRequestCulture = new RequestCulture("zh-CN"),
        SupportedCultures = Cultures,
        SupportedUICultures = Cultures,
        RequestCultureProviders = [new CookieRequestCultureProvider()],
    };

    public static void MapCultureSwitch(this IEndpointRouteBuilder app) =>
        app.MapGet("/culture", (string c, string? returnUrl, HttpContext http) =>
        {
            if (Cultures.Any(x => x.Name == c))
                http.Response.Cookies.Append(CookieRequestCultureProvider.DefaultCookieName,
                    CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(c)),
                    new CookieOptions { Expires = DateTimeOffset.UtcNow.AddYears(1), IsEssential = true, HttpOnly = true, SameSite = SameSiteMode.Lax });
            return Results.LocalRedirect(LocalUrl.OrHome(returnUrl));
        }).AllowAnonymous();
}
