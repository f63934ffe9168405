using System.Net;
using Jiebang.Web.Tests.Infrastructure;

namespace Jiebang.Web.Tests.Pages;

/// <summary>Every action says what happened and what comes next (issue: usability, item 4).</summary>
[Trait("Category", "Database")]
public sealed class ActionsSayWhatNextTests(AppWithPersonas host) : IClassFixture<AppWithPersonas>
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Demand_ReceiptSaysWhatNext_WithdrawAsksFirst_ThenSaysItMustBeResubmitted()
    {
        var id = await TestDemands.SubmittedAsync(host.App, host.Personas.UnitA);
        var owner = await host.App.SignedInAsync("applicant-a");

        var receipt = await owner.GetStringAsync($"/Demands/Details/{id}?submitted=true", Ct);
        Assert.Contains("下一步：科技局审核后受理、退回修改或不予受理", receipt);
        Assert.Contains("确定撤回吗？撤回后将不会被审核", receipt);
        Assert.Contains("确认撤回", receipt);
        // The confirm's own form carries the antiforgery token a browser posts (a form with an explicit action gets none by itself).
        var confirm = receipt[receipt.IndexOf("data-testid=\"confirm-withdraw\"", StringComparison.Ordinal)..];
        Assert.Contains("__RequestVerificationToken", confirm[..confirm.IndexOf("</details>", StringComparison.Ordinal)]);

        var withdrawn = await owner.PostFormAsync($"/Demands/Details/{id}?handler=Withdraw", new Dictionary<string, string>(), $"/Demands/Details/{id}");
        Assert.Equal(HttpStatusCode.Redirect, withdrawn.StatusCode);
        var edit = await owner.GetStringAsync(withdrawn.Headers.Location!.OriginalString, Ct);
        Assert.Contains("已撤回。修改后请在", edit);
    }

    [Fact]
    public async Task Demand_AStaffDecision_ConfirmsItself()
    {
        var id = await TestDemands.SubmittedAsync(host.App, host.Personas.UnitA);
        var staff = await host.App.SignedInAsync("staff");
        var decided = await staff.PostFormAsync($"/Demands/Details/{id}?handler=Decide",
            new Dictionary<string, string> { ["Decision.Decision"] = "Return", ["Decision.Reason"] = "请补充技术指标" }, $"/Demands/Details/{id}");
        Assert.Equal(HttpStatusCode.Redirect, decided.StatusCode);
        var page = await staff.GetStringAsync(decided.Headers.Location!.OriginalString, Ct);
        Assert.Contains("已退回修改。提交单位可看到您的理由", page);
    }

    [Fact]
    public async Task Registration_SaysHowLongApprovalTakes_AndWhomToCall()
    {
        var client = host.App.NewClient();
        var registered = await client.PostFormAsync("/Units/Register", new Dictionary<string, string>
        {
            ["Input.Name"] = "提示测试科技有限公司", ["Input.Uscc"] = "91331181MA2BDE0345", ["Input.Type"] = "Enterprise",
            ["Input.RegionCode"] = "331181", ["Input.ContactName"] = "张联系", ["Input.ContactPhone"] = "13905787777",
            ["Input.UserName"] = "notice-test-user", ["Input.Password"] = "a-long-password-2024",
        });
        var page = await registered.Content.ReadAsStringAsync(Ct);
        Assert.Contains("注册申请已提交", page);
        Assert.Contains("审核一般在3个工作日内完成", page);
        Assert.Contains("孙亮（综合业务科）", page);
    }
}
