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

    [Fact]
    public async Task DemandForm_Annex2ByKeyboardOnly_EveryFieldInTurnThenSubmit_ReachesTheReceipt()
    {
        var page = await session.NewPageAsync();
        await Personas.SignInAsync(page, "ent1");
        await page.GotoAsync("/Demands");
        var round = page.Locator(".card").Filter(new() { HasText = "演示：技术攻关需求征集（进行中）" });
        await TabToAsync(page, round.GetByRole(AriaRole.Button, new() { Name = "附件2：技术攻关需求征集表（企业填报）" }));
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("龙泉市2024年度科技项目技术攻关需求征集表（企业填报）");

        // Every field of the annex in the order it prints, each reached from the one before by a few presses of Tab:
        // a field typed into, a field the unit's registration filled in left as it is, an optional one passed by.
        (string Label, string? Text)[] fields =
        [
            ("企业名称", null), ("所属地区", null), ("联系人", "叶建华"), ("联系方式", "13905781234"),
            ("企业简介", "公司成立于2006年，主营汽车空调换热器和管路总成，省级高新技术企业。"), ("企业简介附页", null),
            ("技术需求名称", "换热器钎焊变形控制键盘填报测试"),
        ];
        ILocator? previous = null;
        foreach (var (label, text) in fields) previous = await FieldByKeyboardAsync(page, previous, label, text);
        var area = page.GetByRole(AriaRole.Group, new() { Name = "所属领域" });
        var areaSelect = area.GetByLabel("重点领域");
        await TabForwardToAsync(page, previous!, areaSelect);
        for (var i = 0; i < 30 && await areaSelect.Locator("option:checked").TextContentAsync() != "新材料"; i++)
            await page.Keyboard.PressAsync("ArrowDown");
        await Expect(areaSelect.Locator("option:checked")).ToHaveTextAsync("新材料");
        var direction = area.GetByLabel("电子化学材料");
        await TabForwardToAsync(page, areaSelect, direction);
        await page.Keyboard.PressAsync("Space");
        await Expect(direction).ToBeCheckedAsync();
        previous = direction;
        fields =
        [
            ("其他方向（所列以外，可自填）", null),
            ("技术需求描述", "研究换热器薄壁件钎焊变形的控制工艺，解决焊缝腐蚀问题。"), ("主要技术指标", "钎焊接头强度≥90MPa。"),
            ("经济社会指标", "项目完成后3年内新增产值3000万元。"), ("科技成果指标", "申请发明专利2项。"), ("其他指标", null),
            ("预计总投入", "650"), ("拟筹资方案", "企业自筹500万元，申请补助150万元。"), ("测算依据说明", "设备300万元，材料150万元，人员200万元。"),
            ("企业负责人意见", "同意申报。"),
        ];
        foreach (var (label, text) in fields) previous = await FieldByKeyboardAsync(page, previous, label, text);
        await BrowserSession.ScreenshotAsync(page, "keyboard-demand-filled");

        await TabForwardToAsync(page, previous!, page.GetByRole(AriaRole.Button, new() { Name = "提交", Exact = true }), maxTabs: 12);
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.GetByTestId("receipt")).ToContainTextAsync(new Regex(@"提交成功。\s*回执编号：XQ"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("换热器钎焊变形控制键盘填报测试");
        await Expect(page.GetByRole(AriaRole.Alert)).ToHaveCountAsync(0); // a receipt, and no error beside it
        await BrowserSession.ScreenshotAsync(page, "keyboard-demand-receipt");
        await page.Context.CloseAsync();
    }

    /// <summary>Tabs on from the previous field to the labelled one, then types the text over what it holds (or leaves it).</summary>
    static async Task<ILocator> FieldByKeyboardAsync(IPage page, ILocator? previous, string label, string? text)
    {
        // A text field by its accessible name (the * beside a label is not read); the one file field by its label.
        var field = text is null && label.EndsWith("附页", StringComparison.Ordinal) ? page.GetByLabel(label)
            : page.GetByRole(AriaRole.Textbox, new() { Name = label, Exact = true });
        if (previous is null) await TabToAsync(page, field);
        else await TabForwardToAsync(page, previous, field);
        if (text is null) return field;
        await page.Keyboard.PressAsync("Control+A");
        await page.Keyboard.TypeAsync(text);
        await Expect(field).ToHaveValueAsync(text);
        return field;
    }

    /// <summary>
    /// From the previous field, presses Tab until the next has focus, within a few presses (the help links and buttons between
    /// two fields): the fields come in the order they print, none skipped, none out of reach.
    /// </summary>
    static async Task TabForwardToAsync(IPage page, ILocator previous, ILocator next, int maxTabs = 6)
    {
        await Expect(previous).ToBeFocusedAsync();
        for (var i = 0; i < maxTabs; i++)
        {
            await page.Keyboard.PressAsync("Tab");
            if (await next.EvaluateAsync<bool>("e => e === document.activeElement")) return;
        }
        await Expect(next).ToBeFocusedAsync();
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
