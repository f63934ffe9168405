using Jiebang.Browser.Tests.Infrastructure;
using Jiebang.Web.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Jiebang.Browser.Tests;

/// <summary>A unit registers, waits for staff, is approved and signs in: all through the browser, as people do.</summary>
public sealed class UnitRegistrationTests(BrowserSession session) : IClassFixture<BrowserSession>
{
    const string DemoPassword = "demo2024jiebang";
    const string StaffAuthenticatorKey = "JIEBANGDEMOSTAFF";

    sealed record Registration(string Name, string Uscc, string Type, string County, string Contact, string Phone,
        string Email, string UserName, string Password);

    [Fact]
    public async Task Register_ThenStaffApproves_EnterpriseSignsInToItsHome()
    {
        var form = new Registration("龙泉市青瓷智造科技有限公司", "91331181MA2E0T3K5K", "企业", "龙泉市", "毛建国",
            "13905781234", "mao@example.cn", "qingci-zhizao", "Qingci2024zhizao");

        var enterprise = await session.NewPageAsync();
        await enterprise.GotoAsync("/Units/Register");
        await Expect(enterprise.GetByRole(AriaRole.Alert)).ToBeHiddenAsync(); // no error box before anything is sent
        await FillAsync(enterprise, form);
        // The business licence scan, optional: staff judge the registration by it.
        await enterprise.GetByLabel("营业执照（法人证书）扫描件").SetInputFilesAsync(new FilePayload
        {
            Name = "营业执照.png", MimeType = "image/png", Buffer = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00],
        });
        await Expect(enterprise.GetByText("营业执照.png")).ToBeVisibleAsync(); // the chosen file is named
        await BrowserSession.ScreenshotAsync(enterprise, "register-filled");
        await enterprise.GetByRole(AriaRole.Button, new() { Name = "提交注册" }).ClickAsync();
        await Expect(enterprise.GetByRole(AriaRole.Status)).ToContainTextAsync("注册申请已提交");
        await BrowserSession.ScreenshotAsync(enterprise, "register-done");

        await SignInAsync(enterprise, form.UserName, form.Password);
        await Expect(enterprise.GetByRole(AriaRole.Alert)).ToContainTextAsync("您的单位正在等待科技局审核");
        await BrowserSession.ScreenshotAsync(enterprise, "signin-pending");

        var staff = await session.NewPageAsync();
        await SignInAsync(staff, "staff", DemoPassword);
        await staff.GetByLabel("验证码").FillAsync(Totp.Code(StaffAuthenticatorKey, DateTimeOffset.UtcNow));
        await staff.GetByRole(AriaRole.Button, new() { Name = "验证" }).ClickAsync();
        await Expect(staff.GetByRole(AriaRole.Link, new() { Name = "单位管理" })).ToBeVisibleAsync();

        await staff.GotoAsync("/Units?status=Pending");
        var unitLink = staff.GetByRole(AriaRole.Link, new() { Name = form.Name, Exact = true });
        await Expect(unitLink).ToBeVisibleAsync();
        await BrowserSession.ScreenshotAsync(staff, "staff-pending-list");
        await unitLink.ClickAsync();
        await Expect(staff.GetByRole(AriaRole.Heading, new() { Name = form.Name })).ToContainTextAsync("待审核");
        await Expect(staff.GetByTestId("unit-licence").GetByRole(AriaRole.Link, new() { Name = "营业执照.png" }))
            .ToHaveAttributeAsync("href", new System.Text.RegularExpressions.Regex(@"^/api/units/\d+/licence$"));
        await BrowserSession.ScreenshotAsync(staff, "staff-unit-detail");
        await staff.GetByRole(AriaRole.Button, new() { Name = "通过", Exact = true }).ClickAsync();
        await Expect(staff.GetByRole(AriaRole.Heading, new() { Name = form.Name })).ToContainTextAsync("已通过");

        await SignInAsync(enterprise, form.UserName, form.Password);
        await Expect(enterprise.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(form.Name);
        await Expect(enterprise.GetByRole(AriaRole.Link, new() { Name = "本单位", Exact = true })).ToBeVisibleAsync();
        Assert.Equal(session.App.RootUrl + "/", enterprise.Url);
        await BrowserSession.ScreenshotAsync(enterprise, "enterprise-home");
        await staff.Context.CloseAsync();
        await enterprise.Context.CloseAsync();
    }

    [Fact]
    public async Task Register_WrongCheckCharacterAndBadPhone_ShowsChineseErrorsAndKeepsWhatWasTyped()
    {
        var form = new Registration("龙泉市剑瓷新材料研究院", "91331181MA2E0T3K5L", "新型研发机构", "龙泉市", "季晓燕",
            "1390578123", "ji@example.cn", "jianci-yanjiuyuan", "Jianci2024yanjiu");
        var page = await session.NewPageAsync();
        await page.GotoAsync("/Units/Register");
        await FillAsync(page, form);
        await page.GetByLabel("高新技术企业").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "提交注册" }).ClickAsync();

        var errors = page.GetByRole(AriaRole.Alert);
        await Expect(errors).ToBeVisibleAsync();
        await Expect(errors).ToContainTextAsync("统一社会信用代码：第18位校验码为“L”");
        await Expect(errors).ToContainTextAsync("联系电话：手机号码应为11位，当前为10位");
        await BrowserSession.ScreenshotAsync(page, "register-bad-input");

        await Expect(page.GetByLabel("单位名称", new() { Exact = true })).ToHaveValueAsync(form.Name);
        await Expect(page.GetByLabel("统一社会信用代码", new() { Exact = true })).ToHaveValueAsync(form.Uscc);
        await Expect(page.GetByLabel("单位类型", new() { Exact = true })).ToHaveValueAsync("NewRdInstitution");
        await Expect(SelectedText(page.GetByLabel("注册地所属县（市、区）"))).ToHaveTextAsync(form.County);
        await Expect(page.GetByLabel("高新技术企业")).ToBeCheckedAsync();
        await Expect(page.GetByLabel("联系人", new() { Exact = true })).ToHaveValueAsync(form.Contact);
        await Expect(page.GetByLabel("联系电话", new() { Exact = true })).ToHaveValueAsync(form.Phone);
        await Expect(page.GetByLabel("电子邮箱", new() { Exact = true })).ToHaveValueAsync(form.Email);
        await Expect(page.GetByLabel("用户名", new() { Exact = true })).ToHaveValueAsync(form.UserName);
        await page.Context.CloseAsync();
    }

    [Theory]
    [InlineData("/", "home-phone")]
    [InlineData("/Units/Register", "register-phone")]
    public async Task Page_AtPhoneWidth_HasNoHorizontalScrolling(string path, string screenshot)
    {
        var page = await session.NewPageAsync(width: 390, height: 844);
        await page.GotoAsync(path);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToBeVisibleAsync();
        await BrowserSession.ScreenshotAsync(page, screenshot);
        var overflow = await page.EvaluateAsync<int>("document.documentElement.scrollWidth - window.innerWidth");
        Assert.True(overflow <= 0, $"{path} scrolls sideways by {overflow}px at 390px wide");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Register_AfterSwitchingToEnglish_ShowsEnglishLabels()
    {
        var page = await session.NewPageAsync();
        await page.GotoAsync("/culture?c=en-US&returnUrl=%2FUnits%2FRegister");
        await Expect(page).ToHaveURLAsync(session.App.RootUrl + "/Units/Register");
        await Expect(page.GetByLabel("Unified social credit code")).ToBeVisibleAsync();
        await Expect(page.GetByLabel("Unit name")).ToBeVisibleAsync();
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en-US");
        await BrowserSession.ScreenshotAsync(page, "register-english");
        await page.Context.CloseAsync();
    }

    static async Task FillAsync(IPage page, Registration form)
    {
        await page.GetByLabel("单位名称", new() { Exact = true }).FillAsync(form.Name);
        await page.GetByLabel("统一社会信用代码", new() { Exact = true }).FillAsync(form.Uscc);
        await page.GetByLabel("单位类型", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = form.Type });
        await page.GetByLabel("注册地所属县（市、区）").SelectOptionAsync(new SelectOptionValue { Label = form.County });
        await page.GetByLabel("联系人", new() { Exact = true }).FillAsync(form.Contact);
        await page.GetByLabel("联系电话", new() { Exact = true }).FillAsync(form.Phone);
        await page.GetByLabel("电子邮箱", new() { Exact = true }).FillAsync(form.Email);
        await page.GetByLabel("用户名", new() { Exact = true }).FillAsync(form.UserName);
        await page.GetByLabel("密码", new() { Exact = true }).FillAsync(form.Password);
    }

    static async Task SignInAsync(IPage page, string userName, string password)
    {
        await page.GotoAsync("/Account/Login");
        await page.GetByLabel("用户名").FillAsync(userName);
        await page.GetByLabel("密码").FillAsync(password);
        await page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();
    }

    static ILocator SelectedText(ILocator select) => select.Locator("option:checked");
}
