using Jiebang.Browser.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Jiebang.Browser.Tests;

/// <summary>
/// 形式审核 in the demo call: staff open the list from the menu, read the proposal that reached the bureau beside
/// the decision, are told a return needs reasons, return it with them; the enterprise reads the reasons on its
/// proposal and finds it on its home page's to-do list.
/// </summary>
public sealed class FormalReviewTests(BrowserSession session) : IClassFixture<BrowserSession>
{
    const string Waiting = "汽车空调压缩机再制造技术推广应用";

    [Fact]
    public async Task Staff_ReturnTheWaitingProposalWithReasons_AndTheEnterpriseReadsThem()
    {
        var staff = await session.NewPageAsync();
        await Personas.SignInAsync(staff, "staff");
        await staff.GetByRole(AriaRole.Link, new() { Name = "形式审核" }).First.ClickAsync();
        await Expect(staff.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("形式审核");
        await Expect(staff.GetByTestId("view-pending")).ToContainTextAsync("1");
        await Expect(staff.GetByTestId("view-returned")).ToContainTextAsync("1");
        await BrowserSession.ScreenshotAsync(staff, "formal-review-list");

        await staff.GetByRole(AriaRole.Link, new() { Name = Waiting }).ClickAsync();
        await Expect(staff.GetByTestId("proposal-status")).ToHaveTextAsync("已推荐，待形式审核");
        await Expect(staff.GetByText("丽水市科技局推荐项目（第一批）").Or(staff.GetByText("同意推荐。")).First).ToBeVisibleAsync();
        await staff.GetByRole(AriaRole.Button, new() { Name = "退回修改" }).ClickAsync();
        await Expect(staff.GetByRole(AriaRole.Alert)).ToContainTextAsync("理由");
        await Expect(staff.GetByRole(AriaRole.Alert).GetByRole(AriaRole.Link)).ToHaveAttributeAsync("href", "#Reason"); // to the box itself
        await BrowserSession.ScreenshotAsync(staff, "formal-review-reason-required");

        await staff.GetByLabel("审核意见").FillAsync("申报书第三部分预算明细与汇总不一致，请核对后重新提交。");
        await staff.GetByRole(AriaRole.Button, new() { Name = "退回修改" }).ClickAsync();
        await Expect(staff.GetByTestId("done")).ToContainTextAsync(Waiting);
        await staff.GotoAsync("/FormalReview?view=returned");
        await Expect(staff.GetByTestId("view-returned")).ToContainTextAsync("2");
        await Expect(staff.GetByRole(AriaRole.Link, new() { Name = Waiting })).ToBeVisibleAsync();

        var enterprise = await session.NewPageAsync();
        await Personas.SignInAsync(enterprise, "ent1");
        await Expect(enterprise.GetByRole(AriaRole.Link, new() { Name = "退回修改的申报书" })).ToBeVisibleAsync();
        await enterprise.GetByRole(AriaRole.Link, new() { Name = "我的申报" }).ClickAsync();
        await enterprise.GetByRole(AriaRole.Link, new() { Name = Waiting }).ClickAsync();
        await Expect(enterprise.GetByTestId("proposal-status")).ToHaveTextAsync("退回修改");
        await Expect(enterprise.GetByText("申报书第三部分预算明细与汇总不一致").First).ToBeVisibleAsync();
        await BrowserSession.ScreenshotAsync(enterprise, "formal-review-returned-applicant");
    }
}
