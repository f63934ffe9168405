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
}
