using System.Net;
using System.Text.RegularExpressions;
using Jiebang.Web.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Jiebang.Web.Tests.Infrastructure;

/// <summary>Form posts with the antiforgery token, and sign-in through the real pages (with TOTP).</summary>
public static partial class Browserless
{
    /// <summary>A client of our own pages: its API calls name this site as their Origin, as the browser does.</summary>
    public static HttpClient NewClient(this JiebangFactory app)
    {
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        client.DefaultRequestHeaders.Add("Origin", "http://localhost");
        return client;
    }

    /// <summary>The antiforgery token a page hands out, for the RequestVerificationToken header of an API call.</summary>
    public static async Task<string> AntiforgeryTokenAsync(this HttpClient client, string pageUrl = "/") =>
        AntiforgeryToken().Match(await client.GetStringAsync(pageUrl)).Groups[1].Value;

    public static async Task<HttpResponseMessage> PostFormAsync(this HttpClient client, string url,
        IDictionary<string, string> fields, string? formPageUrl = null)
    {
        var page = await client.GetStringAsync(formPageUrl ?? url);
        var token = AntiforgeryToken().Match(page).Groups[1].Value;
        var body = new Dictionary<string, string>(fields) { ["__RequestVerificationToken"] = token };
        return await client.PostAsync(url, new FormUrlEncodedContent(body));
    }

    /// <param name="authenticatorKey">The account's TOTP key when it needs one and it is not the personas' (the demo's staff).</param>
    public static async Task<HttpClient> SignedInAsync(this JiebangFactory app, string userName, string password = Personas.Password,
        string authenticatorKey = Personas.AuthenticatorKey)
    {
        var client = app.NewClient();
        var response = await client.PostFormAsync("/Account/Login",
            new Dictionary<string, string> { ["Input.UserName"] = userName, ["Input.Password"] = password });
        if (response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location!.OriginalString.Contains("LoginWith2fa"))
        {
            await app.ForgetUsedAuthenticatorCodeAsync(userName);
            response = await client.PostFormAsync("/Account/LoginWith2fa",
                new Dictionary<string, string> { ["Input.Code"] = Totp.Code(authenticatorKey, DateTimeOffset.UtcNow) });
        }
        if (response.StatusCode != HttpStatusCode.Redirect)
            throw new InvalidOperationException($"{userName} could not sign in: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return client;
    }

    /// <summary>
    /// A code is accepted once; tests sign the same person in many times within one 30-second step,
    /// as if each time the next step had come.
    /// </summary>
    public static async Task ForgetUsedAuthenticatorCodeAsync(this JiebangFactory app, string userName)
    {
        using var scope = app.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<JiebangUser>>();
        if (await users.FindByNameAsync(userName) is { } user) await users.RemoveAuthenticationTokenAsync(user, "[Jiebang]", "TotpLastStep");
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();
}
