using Jiebang.Browser.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Jiebang.Browser.Tests.Accessibility;

/// <summary>
/// The watch every browser test relies on finds what it should: a page with known faults is reported
/// with its rules, and a clean page checked after it in the same checking page is not blamed for them.
/// </summary>
public sealed class AxeWatchTests(BrowserSession session) : IClassFixture<BrowserSession>
{
    const string Faulty = """
        <!DOCTYPE html><html lang="zh-CN"><head><title>有问题的页面</title></head><body><main>
        <img src="/favicon.ico"><p style="color:#ddd;background:#fff">浅灰色的字，看不清</p>
        </main></body></html>
        """;

    const string Clean = """
        <!DOCTYPE html><html lang="zh-CN"><head><title>没有问题的页面</title></head><body><main>
        <h1>标题</h1><p style="color:#212529;background:#fff">清楚的字</p>
        </main></body></html>
        """;

    [Fact]
    public async Task FaultyPage_IsReportedWithItsRules_AndACleanPageCheckedAfterItIsNot()
    {
        var context = await session.Browser.NewContextAsync(new() { BaseURL = session.App.RootUrl });
        var watch = new AxeWatch();
        await watch.WatchAsync(context);
        await context.RouteAsync("**/axe-canary/*", route => route.FulfillAsync(new()
        {
            ContentType = "text/html; charset=utf-8",
            Body = route.Request.Url.EndsWith("/faulty") ? Faulty : Clean,
        }));
        var page = await context.NewPageAsync();

        await page.GotoAsync("/axe-canary/faulty");
        await page.GotoAsync("/axe-canary/clean");
        await page.SetViewportSizeAsync(390, 844);
        await page.GotoAsync("/axe-canary/faulty");
        var findings = await watch.CompleteAsync();
        await context.CloseAsync();

        Assert.Equal(["/axe-canary/clean", "/axe-canary/faulty", "/axe-canary/faulty"], watch.CheckedPaths.Order());
        Assert.Contains(findings, f => f.Contains("image-alt on /axe-canary/faulty at 1280px"));
        Assert.Contains(findings, f => f.Contains("color-contrast on /axe-canary/faulty at 1280px"));
        Assert.Contains(findings, f => f.Contains("image-alt on /axe-canary/faulty at 390px"));
        Assert.DoesNotContain(findings, f => f.Contains("/axe-canary/clean"));
    }
}
