using System.Text.RegularExpressions;
using Jiebang.Browser.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Jiebang.Browser.Tests.Accessibility;

/// <summary>
/// Required choices and tables say so to a screen reader, not only by the red * beside them (issue 12, items 1 and 8): a group of
/// radio buttons as a required radiogroup, a group of checkboxes and a table in their names, a table's cells to fill each.
/// </summary>
public sealed class RequiredFieldsTests(BrowserSession session) : IClassFixture<BrowserSession>
{
    [Fact]
    public async Task Annex1_ChoiceGroupsAndTables_AreRequiredForScreenReaders()
    {
        var page = await session.NewPageAsync();
        await Personas.SignInAsync(page, "ent1");
        await page.GotoAsync("/Demands");
        var round = page.Locator(".card").Filter(new() { HasText = "演示：技术攻关需求征集（进行中）" });
        await round.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^附件1") }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("省“尖兵”“领雁”计划重大技术攻关需求表");

        var level = page.GetByRole(AriaRole.Radiogroup, new() { Name = "技术先进水平", Exact = true });
        await Expect(level).ToHaveAttributeAsync("aria-required", "true");
        await Expect(level.GetByRole(AriaRole.Radio).First).ToBeVisibleAsync();
        // An optional choice says nothing of the kind.
        await Expect(page.GetByRole(AriaRole.Radiogroup, new() { Name = "平台基地级别", Exact = true })).Not.ToHaveAttributeAsync("aria-required", "true");

        await Expect(page.GetByRole(AriaRole.Group, new() { NameRegex = new Regex(@"^攻关水平\s*（必填，至少选择一项）$") })).ToBeVisibleAsync();

        var table = page.GetByRole(AriaRole.Group, new() { NameRegex = new Regex(@"^核心技术参数\s*（必填，至少填写5行）$") });
        await Expect(table).ToBeVisibleAsync();
        var firstCell = table.GetByRole(AriaRole.Textbox, new() { Name = "核心技术参数 第1行 对标产品（技术）", Exact = true });
        await Expect(firstCell).ToHaveAttributeAsync("aria-required", "true");
        await Expect(table.GetByRole(AriaRole.Textbox, new() { Name = "核心技术参数 第5行 研发产品（技术）", Exact = true }))
            .ToHaveAttributeAsync("aria-required", "true");
        // A row added past the minimum is the filer's choice.
        await table.GetByRole(AriaRole.Button, new() { Name = "增加一行" }).ClickAsync();
        await Expect(table.GetByRole(AriaRole.Textbox, new() { Name = "核心技术参数 第6行 对标产品（技术）", Exact = true }))
            .Not.ToHaveAttributeAsync("aria-required", "true");

        var area = page.GetByRole(AriaRole.Group, new() { Name = "重点领域和主要方向", Exact = true });
        await area.GetByLabel("重点领域").SelectOptionAsync(new SelectOptionValue { Index = 1 });
        await Expect(area.GetByRole(AriaRole.Group, new() { NameRegex = new Regex("的主要方向（必填，至少选择一项）$") })).ToBeVisibleAsync();
        await BrowserSession.ScreenshotAsync(page, "annex1-required-groups");
        await page.Context.CloseAsync();
    }
}
