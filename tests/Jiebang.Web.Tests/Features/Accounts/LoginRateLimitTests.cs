using System.Net;
using Jiebang.Web.Tests.Infrastructure;

namespace Jiebang.Web.Tests.Features.Accounts;

public sealed class LoginRateLimitTests : IAsyncLifetime
{
    readonly JiebangFactory _app = new() { LoginsPerMinute = "3" };

    public async ValueTask InitializeAsync() => await _app.InitializeAsync();
    public ValueTask DisposeAsync() => _app.DisposeAsync();

    [Fact]
    public async Task LoginPage_PastTheLimit_Answers429()
    {
        var client = _app.NewClient();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
            statuses.Add((await client.GetAsync("/Account/Login", TestContext.Current.CancellationToken)).StatusCode);
        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
    }

    [Fact]
    public async Task LoginPage_PastTheLimit_SaysSoOnAPageOfOurs_NotTheBrowsersOwn()
    {
        var client = _app.NewClient();
        HttpResponseMessage answer;
        do answer = await client.GetAsync("/Account/Login", TestContext.Current.CancellationToken);
        while (answer.StatusCode == HttpStatusCode.OK);

        Assert.Equal(HttpStatusCode.TooManyRequests, answer.StatusCode);
        Assert.Equal("text/html", answer.Content.Headers.ContentType?.MediaType);
        var page = await answer.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.Contains("lang=\"zh-CN\"", page);
        Assert.Contains("请求过于频繁", page);
    }
}
