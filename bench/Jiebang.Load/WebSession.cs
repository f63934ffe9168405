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
        var response = await recorder.TimeAsync("signin", () => PostFormAsync("/Account/Login",
            new() { ["Input.UserName"] = userName, ["Input.Password"] = password }), 302);
        if (response?.Headers.Location?.OriginalString.Contains("LoginWith2fa") == true)
            response = await recorder.TimeAsync("signin-totp", () => PostFormAsync("/Account/LoginWith2fa",
                new() { ["Input.Code"] = Totp.Code(Setup.AuthenticatorKey, DateTimeOffset.UtcNow) }), 302);
        return response is not null;
    }

    async Task<HttpResponseMessage> PostFormAsync(string url, Dictionary<string, string> fields)
    {
        var page = await Http.GetStringAsync(url);
        fields["__RequestVerificationToken"] = AntiforgeryToken().Match(page).Groups[1].Value;
        return await Http.PostAsync(url, new FormUrlEncodedContent(fields));
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();

    public void Dispose() => Http.Dispose();
}
