using System.Net;
using Jiebang.Domain.Rounds;
using Jiebang.Domain.Units;
using Jiebang.Web.Tests.Features.Proposals;
using Jiebang.Web.Tests.Infrastructure;

namespace Jiebang.Web.Tests.Features.Recommendation;

/// <summary>The level's pages: the list with its quota, and one proposal with the decision beside it and previous and next.</summary>
[Trait("Category", "Database")]
public sealed class RecommendationPageTests(AppWithPersonas host) : IClassFixture<AppWithPersonas>
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Review_RecommendOnThePage_MovesOnToTheNextAndTheListShowsTheQuota()
    {
        var call = await TestCalls.OpenCallAsync(host.App);
        var levels = await TestLevels.CountyUnderCityAsync(host.App, "330902", "330900");
        await TestLevels.SetAsync(host.App, call.RoundId, s => s with
        {
            Quotas = [new RecommenderQuota { UnitClass = UnitType.ScienceBureau, RegionCode = "330900", Limit = 6, Note = "舟山市" }],
        });
        var applicant = await host.App.SignedInAsync("applicant-a");
        var first = await TestLevels.SubmittedAsync(applicant, call.RoundId, levels.City, "舟山页面项目一");
        var second = await TestLevels.SubmittedAsync(applicant, call.RoundId, levels.City, "舟山页面项目二");
        var city = await host.App.SignedInAsync(levels.CityUser);

        var page = await city.GetStringAsync($"/Recommend/Proposals/Review/{first}", Ct);
        Assert.Contains("舟山页面项目一", page);
        Assert.Contains($"/Recommend/Proposals/Review/{second}", page);
        Assert.Contains("限额6项", page);
        Assert.DoesNotContain("13905785678", page); // the leader's phone is masked for the recommender

        var posted = await city.PostFormAsync($"/Recommend/Proposals/Review/{first}?handler=Recommend",
            new Dictionary<string, string> { ["Opinion"] = "同意推荐" }, $"/Recommend/Proposals/Review/{first}");
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        Assert.EndsWith($"/Recommend/Proposals/Review/{second}", posted.Headers.Location!.OriginalString);
        var next = await city.GetStringAsync(posted.Headers.Location!.OriginalString, Ct);
        Assert.Contains("已推荐《舟山页面项目一》", next);

        var own = await applicant.GetStringAsync($"/Proposals/Details/{first}", Ct);
        Assert.Contains("推荐进度", own);
        Assert.Contains("已推荐", own);

        var list = await city.GetStringAsync("/Recommend/Proposals", Ct);
        Assert.Contains("已用1项，限额6项，剩余5项", list);
        Assert.Contains("发布通知的科技主管部门", list);

        var reject = await city.PostFormAsync($"/Recommend/Proposals/Review/{second}?handler=Reject",
            new Dictionary<string, string> { ["Reason"] = "" }, $"/Recommend/Proposals/Review/{second}");
        Assert.Equal(HttpStatusCode.OK, reject.StatusCode);
        Assert.Contains("理由", await reject.Content.ReadAsStringAsync(Ct));
    }

    [Fact]
    public async Task Review_OfAProposalThatNeverReachedTheUnit_IsNotFound()
    {
        var call = await TestCalls.OpenCallAsync(host.App);
        var levels = await TestLevels.CountyUnderCityAsync(host.App, "330521", "330500");
        var applicant = await host.App.SignedInAsync("applicant-a");
        var id = await TestLevels.SubmittedAsync(applicant, call.RoundId, levels.County, "未到市级的项目");
        var city = await host.App.SignedInAsync(levels.CityUser);
        Assert.Equal(HttpStatusCode.NotFound, (await city.GetAsync($"/Recommend/Proposals/Review/{id}", Ct)).StatusCode);
        var association = await host.App.SignedInAsync("recommender");
        Assert.Equal(HttpStatusCode.NotFound, (await association.GetAsync($"/Recommend/Proposals/Review/{id}", Ct)).StatusCode);
    }
}
