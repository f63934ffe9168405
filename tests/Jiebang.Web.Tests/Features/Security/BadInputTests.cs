using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Jiebang.Domain.Rules;
using Jiebang.Web.Features.Files;
using Jiebang.Web.Features.Security;
using Jiebang.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Jiebang.Web.Tests.Features.Security;

/// <summary>Bad input answers a 4xx with our text, never a 500, and nothing of it is stored; every answer carries the security headers.</summary>
[Trait("Category", "Database")]
public sealed class BadInputTests(AppWithPersonas host) : IClassFixture<AppWithPersonas>
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    static string Registration(string userName, string type, string name = "龙泉坏输入测试有限公司") =>
        $$"""{"name":"{{name}}","uscc":"91331181MA2HZZZ17Q","type":{{type}},"regionCode":"331181","contactName":"张三","contactPhone":"13905781111","contactEmail":"a@example.cn","userName":"{{userName}}","password":"register-2024-pw"}""";

    async Task AssertRefusedWithOurTextAsync(HttpResponseMessage response, string userName)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal(RequestErrors.Invalid.At("").Message(CultureInfo.GetCultureInfo("zh-CN")), problem.GetProperty("title").GetString());
        await using var db = host.App.CreateDbContext();
        Assert.False(await db.Users.AnyAsync(u => u.UserName == userName, Ct));
    }

    [Theory]
    [InlineData("bad-enum-number", "99")]
    [InlineData("bad-enum-zero", "0")]
    [InlineData("bad-enum-name", "\"Spaceship\"")]
    public async Task Register_UndefinedOrNumericEnum_Answers400WithOurTextAndStoresNothing(string userName, string type)
    {
        var response = await host.App.NewClient().PostAsync("/api/units",
            new StringContent(Registration(userName, type), Encoding.UTF8, "application/json"), Ct);
        await AssertRefusedWithOurTextAsync(response, userName);
    }

    [Fact]
    public async Task Register_LoneSurrogate_Answers400WithOurText()
    {
        var response = await host.App.NewClient().PostAsync("/api/units",
            new StringContent(Registration("lone-surrogate", "\"Enterprise\"", "\\ud800公司"), Encoding.UTF8, "application/json"), Ct);
        await AssertRefusedWithOurTextAsync(response, "lone-surrogate");
    }

    [Fact]
    public async Task Register_InvalidUtf8_Answers400WithOurText()
    {
        var bytes = Encoding.UTF8.GetBytes(Registration("invalid-utf8", "\"Enterprise\"", "XX公司"));
        var at = Array.IndexOf(bytes, (byte)'X');
        (bytes[at], bytes[at + 1]) = (0xC3, 0x28);
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new("application/json") { CharSet = "utf-8" };
        await AssertRefusedWithOurTextAsync(await host.App.NewClient().PostAsync("/api/units", content, Ct), "invalid-utf8");
    }

    [Theory]
    [InlineData("/%0d%0aSet-Cookie:x=1")]
    [InlineData("/%00")]
    [InlineData("/%09/evil.example")]
    public async Task Culture_OddReturnUrl_RedirectsHomeNot500(string returnUrl)
    {
        var response = await host.App.NewClient().GetAsync($"/culture?c=zh-CN&returnUrl={returnUrl}", Ct);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task AnyPage_Answer_CarriesCspNosniffAndReferrerPolicy()
    {
        var response = await host.App.NewClient().GetAsync("/Account/Login", Ct);
        Assert.Contains("script-src 'self'", response.Headers.GetValues("Content-Security-Policy").Single());
        Assert.DoesNotContain("unsafe-inline", response.Headers.GetValues("Content-Security-Policy").Single().Replace("style-src-attr 'unsafe-inline'", ""));
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("strict-origin-when-cross-origin", response.Headers.GetValues("Referrer-Policy").Single());
    }

    [Fact]
    public async Task BehindTheProxy_HttpsForwarded_AnswersWithHsts()
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/Account/Login");
        request.Headers.Host = "kjj.example.gov.cn";
        request.Headers.Add("X-Forwarded-Proto", "https");
        request.Headers.Add("X-Forwarded-For", "203.0.113.7");
        var response = await host.App.NewClient().SendAsync(request, Ct);
        Assert.True(response.Headers.Contains("Strict-Transport-Security"), string.Join(", ", response.Headers.Select(h => h.Key)));
    }

    [Fact]
    public void Inspect_JpegMagicFollowedByHtml_IsRefused()
    {
        var path = Path.GetTempFileName();
        try
        {
            File.WriteAllBytes(path, [0xFF, 0xD8, 0xFF, 0xE0, .. Encoding.ASCII.GetBytes("<html><script>alert(document.cookie)</script></html>")]);
            Assert.Equal("FILE_IMAGE_WITH_MARKUP", Assert.Single(UploadInspector.Inspect(path).Errors).Code);
            var scan = new byte[4096];
            new Random(7).NextBytes(scan);
            (scan[0], scan[1], scan[2]) = (0xFF, 0xD8, 0xFF);
            File.WriteAllBytes(path, scan);
            Assert.Equal("image/jpeg", UploadInspector.Inspect(path).Value!.ContentType);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
