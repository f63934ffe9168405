using System.Net;
using Jiebang.Web.Tests.Infrastructure;

namespace Jiebang.Web.Tests.Features.Security;

/// <summary>A page request the framework refuses before any page runs gets a page in the user's language, not an empty answer.</summary>
public sealed class PageRequestProblemTests(AppWithPersonas host) : IClassFixture<AppWithPersonas>
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task FormPost_WithoutItsAntiforgeryToken_AnswersAPageSayingSoInChinese()
    {
        var client = host.App.NewClient();
        using var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["Input.UserName"] = "someone", ["Input.Password"] = "x" });

        var answer = await client.PostAsync("/Account/Login", form, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, answer.StatusCode);
        var page = await answer.Content.ReadAsStringAsync(Ct);
        Assert.Contains("lang=\"zh-CN\"", page);
        Assert.Contains("无法读取该请求", page);
    }

    [Theory]
    [InlineData("/Demands/Details/2147483647")] // a page whose record is not there (or is another unit's)
    [InlineData("/no-such-page")]
    public async Task PageNotFound_AnswersAPageSayingSoInChinese(string url)
    {
        var client = await host.App.SignedInAsync("applicant-a");

        var answer = await client.GetAsync(url, Ct);

        Assert.Equal(HttpStatusCode.NotFound, answer.StatusCode);
        Assert.Equal("text/html", answer.Content.Headers.ContentType?.MediaType);
        var page = await answer.Content.ReadAsStringAsync(Ct);
        Assert.Contains("lang=\"zh-CN\"", page);
        Assert.Contains("未找到该记录", page);
    }

    [Fact]
    public async Task ApiAddressNotFound_AnswersAProblemInChinese()
    {
        var client = await host.App.SignedInAsync("applicant-a");

        var answer = await client.GetAsync("/api/no-such-thing", Ct);

        Assert.Equal(HttpStatusCode.NotFound, answer.StatusCode);
        Assert.Equal("application/problem+json", answer.Content.Headers.ContentType?.MediaType);
        Assert.Contains("未找到该记录", await answer.Content.ReadAsStringAsync(Ct));
    }

    [Fact]
    public async Task ApiCall_WithoutASession_AnswersAProblemSayingSignInFirst()
    {
        var client = host.App.NewClient();

        var answer = await client.GetAsync("/api/demands/inbox", Ct);

        Assert.Equal(HttpStatusCode.Unauthorized, answer.StatusCode);
        Assert.Equal("application/problem+json", answer.Content.Headers.ContentType?.MediaType);
        Assert.Contains("请先登录", await answer.Content.ReadAsStringAsync(Ct));
    }

    [Fact]
    public async Task ApiCall_PastWhatTheAccountMayDo_AnswersAProblemSayingSo()
    {
        var client = await host.App.SignedInAsync("applicant-a");

        var answer = await client.GetAsync("/api/audit/verify", Ct);

        Assert.Equal(HttpStatusCode.Forbidden, answer.StatusCode);
        Assert.Equal("application/problem+json", answer.Content.Headers.ContentType?.MediaType);
        Assert.Contains("无权", await answer.Content.ReadAsStringAsync(Ct));
    }

    [Fact]
    public async Task ApiCall_WithAMethodTheAddressDoesNotTake_AnswersAProblemNamingIt()
    {
        var client = await host.App.SignedInAsync("applicant-a");

        var answer = await client.DeleteAsync("/api/demands/inbox", Ct);

        Assert.Equal(HttpStatusCode.MethodNotAllowed, answer.StatusCode);
        Assert.Equal("application/problem+json", answer.Content.Headers.ContentType?.MediaType);
        Assert.Contains("该地址不接受这种请求方式（DELETE）", await answer.Content.ReadAsStringAsync(Ct));
        Assert.Contains("GET", answer.Content.Headers.Allow);
    }
}
