using Jiebang.Browser.Tests.Infrastructure;

namespace Jiebang.Browser.Tests;

public sealed class HomePageTests(BrowserSession session) : IClassFixture<BrowserSession>
{
    [Fact]
    public async Task Home_Anonymous_ShowsChineseTitleAndSignInLink()
    {
        var page = await session.NewPageAsync();
        await page.GotoAsync("/");
        Assert.Contains("揭榜", await page.TitleAsync());
        await BrowserSession.ScreenshotAsync(page, "home-anonymous");
        Assert.True(await page.GetByRole(Microsoft.Playwright.AriaRole.Link, new() { Name = "登录" }).First.IsVisibleAsync());
    }
}
