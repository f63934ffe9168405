using System.Text.RegularExpressions;
using Jiebang.Browser.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Jiebang.Browser.Tests.Accessibility;

/// <summary>The site by keyboard alone: the skip link, a whole registration, and the error summary after a submit with errors.</summary>
public sealed class KeyboardTests(BrowserSession session) : IClassFixture<BrowserSession>
{
    [Fact]
    public async Task SkipLink_FirstTabThenEnter_MovesFocusToMainContent()
    {
        var page = await session.NewPageAsync();
        await page.GotoAsync("/");
        await page.Keyboard.PressAsync("Tab");
        var skip = page.GetByRole(AriaRole.Link, new() { Name = "跳到主要内容" });
        await Expect(skip).ToBeFocusedAsync();
        await Expect(skip).ToBeInViewportAsync();
        await BrowserSession.ScreenshotAsync(page, "skip-link-focused");
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.GetByRole(AriaRole.Main)).ToBeFocusedAsync();
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Register_WithKeyboardOnly_IsSubmitted()
    {
        var page = await session.NewPageAsync();
        await page.GotoAsync("/Units/Register");
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.PressAsync("Enter"); // the skip link: the next Tab is the form's first field
        await TypeIntoAsync(page, "单位名称", "龙泉市键盘测试科技有限公司");
        await TypeIntoAsync(page, "统一社会信用代码", "91331181MA2E0T3K5K");
        await ChooseAsync(page, "单位类型", "企业");
        await ChooseAsync(page, "注册地所属县（市、区）", "龙泉市");
        await TypeIntoAsync(page, "联系人", "毛建国");
        await TypeIntoAsync(page, "联系电话", "13905781234");
        await TypeIntoAsync(page, "电子邮箱", "keyboard@example.cn");
        await TypeIntoAsync(page, "用户名", "keyboard-only");
        await TypeIntoAsync(page, "密码", "Keyboard2024only");
        await TabToAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "提交注册" }));
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("注册申请已提交");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Register_WithErrors_SummaryTakesFocusCountsThemAndLinksToEachField()
    {
        var page = await session.NewPageAsync();
        await page.GotoAsync("/Units/Register");
        await page.GetByLabel("单位名称", new() { Exact = true }).FillAsync("龙泉市剑瓷新材料研究院");
        await page.GetByLabel("统一社会信用代码", new() { Exact = true }).FillAsync("91331181MA2E0T3K5L");
        await page.GetByLabel("联系电话", new() { Exact = true }).FillAsync("1390578123");
        await page.GetByRole(AriaRole.Button, new() { Name = "提交注册" }).ClickAsync();

        var summary = page.GetByRole(AriaRole.Alert);
        await Expect(summary).ToBeFocusedAsync();
        await Expect(summary.GetByRole(AriaRole.Heading)).ToHaveTextAsync(new Regex(@"^共有\d+处需要修改$"));
        var links = summary.GetByRole(AriaRole.Link);
        await Expect(summary.GetByRole(AriaRole.Heading)).ToHaveTextAsync($"共有{await links.CountAsync()}处需要修改");
        await BrowserSession.ScreenshotAsync(page, "register-error-summary");

        // By keyboard: Tab from the summary to the phone's link, Enter, and the caret is in the phone field.
        await TabToAsync(page, summary.GetByRole(AriaRole.Link, new() { Name = "联系电话：手机号码应为11位，当前为10位" }));
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.GetByLabel("联系电话", new() { Exact = true })).ToBeFocusedAsync();
        await summary.GetByRole(AriaRole.Link).Filter(new() { HasText = "统一社会信用代码" }).First.ClickAsync();
        await Expect(page.GetByLabel("统一社会信用代码", new() { Exact = true })).ToBeFocusedAsync();
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Register_WithErrorsInEnglish_SummaryIsInEnglish()
    {
        var page = await session.NewPageAsync();
        await page.GotoAsync("/culture?c=en-US&returnUrl=%2FUnits%2FRegister");
        await page.GetByRole(AriaRole.Button, new() { Name = "Submit registration" }).ClickAsync();
        var summary = page.GetByRole(AriaRole.Alert);
        await Expect(summary).ToBeFocusedAsync();
        await Expect(summary.GetByRole(AriaRole.Heading)).ToHaveTextAsync(new Regex(@"^There (are \d+ problems|is 1 problem) to fix$"));
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task DemandSubmit_WithMissingFields_SummaryTakesFocusAndItsLinkFocusesTheField()
    {
        var page = await session.NewPageAsync();
        await Personas.SignInAsync(page, "ent1");
        await page.GotoAsync("/Demands");
        await page.Locator(".card").Filter(new() { HasText = "演示：技术攻关需求征集（进行中）" })
            .GetByRole(AriaRole.Button, new() { Name = "附件2：技术攻关需求征集表（企业填报）" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "提交", Exact = true }).ClickAsync();

        var summary = page.GetByRole(AriaRole.Alert).Filter(new() { Has = page.GetByRole(AriaRole.Heading) });
        await Expect(summary).ToBeFocusedAsync();
        var count = await summary.GetByRole(AriaRole.Listitem).CountAsync();
        Assert.True(count > 1, $"{count} errors listed");
        await Expect(summary.GetByRole(AriaRole.Heading)).ToHaveTextAsync($"共有{count}处需要修改");
        await BrowserSession.ScreenshotAsync(page, "demand-error-summary");

        await summary.GetByRole(AriaRole.Link).Filter(new() { HasText = "技术需求名称" }).First.ClickAsync();
        await Expect(page.GetByRole(AriaRole.Textbox, new() { Name = "技术需求名称", Exact = true })).ToBeFocusedAsync();
        await page.Context.CloseAsync();
    }

    static async Task TypeIntoAsync(IPage page, string label, string text)
    {
        await TabToAsync(page, page.GetByLabel(label, new() { Exact = true }));
        await page.Keyboard.TypeAsync(text);
    }

    /// <summary>Moves focus to a select with Tab, then picks the option with the arrow keys.</summary>
    static async Task ChooseAsync(IPage page, string label, string option)
    {
        var select = page.GetByLabel(label, new() { Exact = true });
        await TabToAsync(page, select);
        await page.Keyboard.PressAsync("Home");
        for (var i = 0; i < 200 && await select.Locator("option:checked").TextContentAsync() != option; i++)
            await page.Keyboard.PressAsync("ArrowDown");
        await Expect(select.Locator("option:checked")).ToHaveTextAsync(option);
    }

    /// <summary>Presses Tab until the element has focus (and fails when it never gets it).</summary>
    static async Task TabToAsync(IPage page, ILocator target)
    {
        for (var i = 0; i < 60; i++)
        {
            if (await target.EvaluateAsync<bool>("e => e === document.activeElement")) return;
            await page.Keyboard.PressAsync("Tab");
        }
        await Expect(target).ToBeFocusedAsync();
    }
}
