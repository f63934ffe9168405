using Jiebang.Browser.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Jiebang.Browser.Tests.Accessibility;

/// <summary>File inputs speak the page's language: our button and file-name text, never Chromium's English.</summary>
public sealed class FileInputTests(BrowserSession session) : IClassFixture<BrowserSession>
{
    [Theory]
    [InlineData("zh-CN", "选择文件", "未选择文件")]
    [InlineData("en-US", "Select a file", "No file selected")]
    public async Task ImportPage_FileInput_ShowsOurTextAndTheChosenFileName(string culture, string button, string empty)
    {
        var page = await session.NewPageAsync();
        await Personas.SignInAsync(page, "staff");
        await page.GotoAsync($"/culture?c={culture}&returnUrl=%2FSimilarity%2FImport");

        var body = await page.Locator("body").InnerTextAsync();
        Assert.DoesNotContain("Choose File", body);
        Assert.DoesNotContain("No file chosen", body);
        await Expect(page.Locator("label.jb-file-button")).ToHaveTextAsync(button);
        await Expect(page.Locator(".jb-file-name")).ToHaveTextAsync(empty);
        // Chromium's own control, which would say "Choose File", takes no room on the screen.
        var input = page.Locator("input[type=file]");
        var box = await input.BoundingBoxAsync();
        Assert.True(box is null || box.Width <= 1 && box.Height <= 1, $"the native file input is {box?.Width}×{box?.Height}");

        // By keyboard: the input takes focus, and Space opens the chooser. Under load Chromium has dropped
        // the first key press before the input held focus; a second press is still the keyboard's.
        IFileChooser chooser;
        try
        {
            await input.FocusAsync();
            chooser = await page.RunAndWaitForFileChooserAsync(() => input.PressAsync("Space"), new() { Timeout = 10_000 });
        }
        catch (TimeoutException)
        {
            await input.FocusAsync();
            chooser = await page.RunAndWaitForFileChooserAsync(() => input.PressAsync("Space"));
        }
        await chooser.SetFilesAsync(new FilePayload { Name = "已立项项目.xlsx", MimeType = "application/octet-stream", Buffer = [1, 2, 3] });
        await Expect(page.Locator(".jb-file-name")).ToHaveTextAsync("已立项项目.xlsx");
        await BrowserSession.ScreenshotAsync(page, $"file-input-{culture}");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task DemandForm_WordImport_HasOurFilePicker()
    {
        var page = await session.NewPageAsync();
        await Personas.SignInAsync(page, "ent1");
        await page.GotoAsync("/Demands");
        await page.Locator(".card").Filter(new() { HasText = "演示：技术攻关需求征集（进行中）" })
            .GetByRole(AriaRole.Button, new() { Name = "附件2：技术攻关需求征集表（企业填报）" }).ClickAsync();
        // The Word path stands beside the form, open: no section to unfold first.
        await Expect(page.Locator("label[for=word-file]").Filter(new() { HasText = "选择文件" })).ToBeVisibleAsync();
        var body = await page.Locator("body").InnerTextAsync();
        Assert.DoesNotContain("Choose File", body);
        Assert.DoesNotContain("No file chosen", body);
        await page.Context.CloseAsync();
    }
}
