using System.Net;
using Jiebang.Web.Tests.Infrastructure;

namespace Jiebang.Web.Tests.Features.Home;

[Trait("Category", "Database")]
public sealed class ToDoListTests(AppWithPersonas host) : IClassFixture<AppWithPersonas>
{
    [Fact]
    public async Task Home_ApplicantDuringAnOpenRound_IsToldToFile_AndStaffSeeWhatWaits()
    {
        var applicant = await host.App.SignedInAsync("applicant-a");
        var home = WebUtility.HtmlDecode(await applicant.GetStringAsync("/", TestContext.Current.CancellationToken));
        Assert.Contains("正在征集、本单位尚未填报的批次", home);

        await TestDemands.SubmittedAsync(host.App, host.Personas.UnitB);
        var staff = await host.App.SignedInAsync("staff");
        var staffHome = WebUtility.HtmlDecode(await staff.GetStringAsync("/", TestContext.Current.CancellationToken));
        Assert.Contains("待受理的技术需求", staffHome);

        var expert = await host.App.SignedInAsync("expert");
        var expertHome = WebUtility.HtmlDecode(await expert.GetStringAsync("/", TestContext.Current.CancellationToken));
        Assert.Contains("暂无评审任务", expertHome);
    }
}
