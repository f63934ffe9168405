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
}
