using Microsoft.Playwright;

namespace Jiebang.Browser.Tests.Infrastructure;

/// <summary>Debian's Chromium driven by Playwright (never a downloaded browser), plus a live app.</summary>
public sealed class BrowserSession : IAsyncLifetime
{
    public static readonly string ScreenshotDirectory = Path.Combine(
        AppContext.BaseDirectory, "..", "..", "..", "..", "..", "TestResults", "screenshots");

    IPlaywright? _playwright;
    public IBrowser Browser { get; private set; } = null!;
    public LiveApp App { get; } = new();

    public async ValueTask InitializeAsync()
    {
        App.Start();
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
    }

    public async Task<IPage> NewPageAsync(int width = 1280, int height = 900)
    {
        var context = await Browser.NewContextAsync(new()
        {
            BaseURL = App.RootUrl, Locale = "zh-CN", ViewportSize = new() { Width = width, Height = height },
        });
        await AxeWatch.ForCurrentTest().WatchAsync(context);
        return await context.NewPageAsync();
    }

    public static async Task ScreenshotAsync(IPage page, string name)
    {
        Directory.CreateDirectory(ScreenshotDirectory);
        await page.ScreenshotAsync(new() { Path = Path.Combine(ScreenshotDirectory, name + ".png"), FullPage = true });
    }

    public async ValueTask DisposeAsync()
    {
        if (Browser is not null) await Browser.DisposeAsync();
        _playwright?.Dispose();
        await App.DisposeAsync();
    }
}
