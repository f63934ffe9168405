using System.Net;
using System.Text.RegularExpressions;

namespace Jiebang.Load;

/// <summary>One person's browser: its own cookies, sign-in through the real pages (antiforgery token, TOTP for staff).</summary>
public sealed partial class WebSession : IDisposable
{
    public HttpClient Http { get; }

    public WebSession(string url)
    {
        Http = new HttpClient(new SocketsHttpHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false })
        {
            BaseAddress = new Uri(url), Timeout = TimeSpan.FromMinutes(2),
        };
        // As a browser's fetch from the platform's own pages: the cookie-authenticated API posts check it.
        Http.DefaultRequestHeaders.Add("Origin", new Uri(url).GetLeftPart(UriPartial.Authority));
    }

    /// <summary>Signs in; false (and an error recorded) when the app did not let the person in.</summary>
    public async Task<bool> SignInAsync(Recorder recorder, string userName, string password)
    {
        var response = await PostFormAsync(recorder, "signin", "/Account/Login",
            new() { ["Input.UserName"] = userName, ["Input.Password"] = password });
        if (response?.Headers.Location?.OriginalString.Contains("LoginWith2fa") == true)
            response = await PostFormAsync(recorder, "signin-totp", "/Account/LoginWith2fa",
                new() { ["Input.Code"] = Totp.Code(Setup.AuthenticatorKey, DateTimeOffset.UtcNow) });
        return response is not null;
    }

    /// <summary>Opens the form's page (timed as "{name}-page"), then posts it with the page's antiforgery token (timed as <paramref name="name"/>).</summary>
    async Task<HttpResponseMessage?> PostFormAsync(Recorder recorder, string name, string url, Dictionary<string, string> fields)
    {
        var page = await recorder.TimeAsync($"{name}-page", () => Http.GetAsync(url), 200);
        if (page is null) return null;
        fields["__RequestVerificationToken"] = AntiforgeryToken().Match(await page.Content.ReadAsStringAsync()).Groups[1].Value;
        return await recorder.TimeAsync(name, () => Http.PostAsync(url, new FormUrlEncodedContent(fields)), 302);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();

    public void Dispose() => Http.Dispose();
}
