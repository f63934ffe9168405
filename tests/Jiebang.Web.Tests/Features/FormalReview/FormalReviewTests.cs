using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Jiebang.Domain.Filings;
using Jiebang.Domain.Proposals;
using Jiebang.Domain.Rounds;
using Jiebang.Web.Data;
using Jiebang.Web.Features.Access;
using Jiebang.Web.Features.Recommendation;
using Jiebang.Web.Tests.Features.Proposals;
using Jiebang.Web.Tests.Features.Recommendation;
using Jiebang.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Jiebang.Web.Tests.Features.FormalReview;

/// <summary>
/// The bureau's formal review [notice §3: 形式审核（主体和格式）] of proposals the last recommending level sent on:
/// staff work through the list and pass, return or fail each; the applicant reads the reasons, and a returned
/// proposal comes straight back to formal review when it is resubmitted. Each test makes its own call and levels.
/// </summary>
[Trait("Category", "Database")]
public sealed class FormalReviewTests(AppWithPersonas host) : IClassFixture<AppWithPersonas>
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Proposals of applicant A, filed through the city, recommended by it and sent on to the bureau.</summary>
    async Task<(int Round, int[] Ids, HttpClient Applicant)> AtTheBureauAsync(string countyCode, string cityCode, params string[] names)
    {
        var call = await TestCalls.OpenCallAsync(host.App);
        var levels = await TestLevels.CountyUnderCityAsync(host.App, countyCode, cityCode);
        var applicant = await host.App.SignedInAsync("applicant-a");
        var ids = new List<int>();
        foreach (var name in names) ids.Add(await TestLevels.SubmittedAsync(applicant, call.RoundId, levels.City, name));

        using var scope = host.App.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<JiebangUser>>();
        var user = await users.FindByNameAsync(levels.CityUser) ?? throw new InvalidOperationException(levels.CityUser);
        var city = new Actor(user.Id, levels.CityUser, levels.City, new HashSet<string> { Roles.Recommender });
        foreach (var id in ids)
        {
            var recommended = await scope.ServiceProvider.GetRequiredService<RecommendProposal>()
                .HandleAsync(city, id, new RecommendProposal.Input { Opinion = "同意推荐，材料齐全。" }, Ct);
            Assert.True(recommended.Succeeded, string.Join("; ", recommended.Errors));
        }
        await using var db = host.App.CreateDbContext();
        foreach (var proposal in await db.Proposals.Include(p => p.Levels).Include(p => p.Events).Where(p => ids.Contains(p.Id)).ToListAsync(Ct))
            Assert.Null(proposal.Forward(levels.City, null, new FilingActor(user.Id, levels.City), host.App.Clock.GetUtcNow()));
        await db.SaveChangesAsync(Ct);
        return (call.RoundId, [.. ids], applicant);
    }

    static async Task<JsonElement> JsonAsync(HttpResponseMessage response) =>
        await response.Content.ReadFromJsonAsync<JsonElement>(Ct);

    [Fact]
    public async Task Staff_PassOnThePage_GoesOnToTheNextWaiting_AndTheListCountsEachView()
    {
        var (round, ids, applicant) = await AtTheBureauAsync("330203", "330200", "宁波形式审核一", "宁波形式审核二");
        var staff = await host.App.SignedInAsync("staff");

        Assert.Contains("待形式审核的申报书", await staff.GetStringAsync("/", Ct));
        var list = await staff.GetStringAsync($"/FormalReview?call={round}", Ct);
        Assert.Contains("宁波形式审核一", list);
        Assert.Contains($"/FormalReview/Review/{ids[1]}", list);

        var page = await staff.GetStringAsync($"/FormalReview/Review/{ids[0]}", Ct);
        Assert.Contains("同意推荐，材料齐全。", page); // the level's opinion beside the decision
        Assert.DoesNotContain("13905785678", page);  // the leader's phone is masked for staff

        var posted = await staff.PostFormAsync($"/FormalReview/Review/{ids[0]}?handler=Pass",
            new Dictionary<string, string> { ["Reason"] = "主体与格式齐全" }, $"/FormalReview/Review/{ids[0]}");
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        Assert.EndsWith($"/FormalReview/Review/{ids[1]}", posted.Headers.Location!.OriginalString);
        Assert.Contains("《宁波形式审核一》形式审核通过", await staff.GetStringAsync(posted.Headers.Location!.OriginalString, Ct));

        var listing = await staff.GetFromJsonAsync<JsonElement>($"/api/formal-review?callId={round}", Ct);
        Assert.Equal((1, 1), (listing.GetProperty("counts").GetProperty("Pending").GetInt32(), listing.GetProperty("counts").GetProperty("Passed").GetInt32()));
        Assert.Equal([ids[1]], listing.GetProperty("proposals").EnumerateArray().Select(p => p.GetProperty("id").GetInt32()));
        var passed = await staff.GetStringAsync($"/FormalReview?call={round}&view=passed", Ct);
        Assert.Contains("宁波形式审核一", passed);
        Assert.DoesNotContain("宁波形式审核二", passed);

        var own = await JsonAsync(await applicant.GetAsync($"/api/proposals/{ids[0]}", Ct));
        Assert.Equal("FormalReviewPassed", own.GetProperty("status").GetString());
        await using var db = host.App.CreateDbContext();
        Assert.True(await db.AuditEntries.AnyAsync(a => a.Action == "proposal.formal_review_passed" && a.EntityId == ids[0].ToString(), Ct));
    }

    [Fact]
    public async Task Return_TheApplicantReadsWhy_AndTheResubmittedProposalComesStraightBackToFormalReview()
    {
        var (round, ids, applicant) = await AtTheBureauAsync("330302", "330300", "温州退回修改项目");
        var staff = await host.App.SignedInAsync("staff");

        var missing = await staff.PostAsJsonAsync($"/api/formal-review/{ids[0]}", new { decision = "return", reason = " " }, Ct);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, missing.StatusCode);
        Assert.Contains("理由", await missing.Content.ReadAsStringAsync(Ct));

        var returned = await staff.PostAsJsonAsync($"/api/formal-review/{ids[0]}", new { decision = "return", reason = "缺少推荐函盖章扫描件，请补充后重新提交。" }, Ct);
        Assert.Equal("Returned", (await JsonAsync(returned)).GetProperty("status").GetString());
        var details = await applicant.GetStringAsync($"/Proposals/Details/{ids[0]}", Ct);
        Assert.Contains("形式审核退回修改：</strong> 缺少推荐函盖章扫描件", details);
        Assert.DoesNotContain("请在", details); // the call sets no formal-review stage: no deadline to name
        var edit = await applicant.GetStringAsync($"/Proposals/Edit/{ids[0]}", Ct);
        Assert.Contains("不限（本次申报未设形式审核截止时间）", edit);
        Assert.DoesNotContain("2101-01-01", edit);
        Assert.Contains("退回修改的申报书", await applicant.GetStringAsync("/", Ct));

        var resubmitted = await applicant.PostAsync($"/api/proposals/{ids[0]}/submit", null, Ct);
        Assert.True(resubmitted.IsSuccessStatusCode, await resubmitted.Content.ReadAsStringAsync(Ct));
        Assert.Contains("已直接回到科技局形式审核", await applicant.GetStringAsync($"/Proposals/Details/{ids[0]}?submitted=true", Ct));
        await using var db = host.App.CreateDbContext();
        var proposal = await db.Proposals.Include(p => p.Levels).AsNoTracking().SingleAsync(p => p.Id == ids[0], Ct);
        Assert.Equal((ProposalStatus.Recommended, null), (proposal.Status, proposal.HolderUnitId));
        Assert.Single(proposal.Levels);
        var listing = await staff.GetFromJsonAsync<JsonElement>($"/api/formal-review?callId={round}", Ct);
        Assert.Equal([ids[0]], listing.GetProperty("proposals").EnumerateArray().Select(p => p.GetProperty("id").GetInt32()));
    }

    [Fact]
    public async Task Fail_NeedsReasons_TheApplicantReadsThem_AndASecondDecisionIsRefused()
    {
        var (_, ids, applicant) = await AtTheBureauAsync("330402", "330400", "嘉兴不通过项目");
        var staff = await host.App.SignedInAsync("staff");

        var page = await staff.PostFormAsync($"/FormalReview/Review/{ids[0]}?handler=Fail",
            new Dictionary<string, string> { ["Reason"] = "" }, $"/FormalReview/Review/{ids[0]}");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("形式审核不通过时必须填写", await page.Content.ReadAsStringAsync(Ct));

        var failed = await staff.PostAsJsonAsync($"/api/formal-review/{ids[0]}", new { decision = "FAIL", reason = "申报单位注册地不在本市。" }, Ct);
        Assert.Equal("FormalReviewFailed", (await JsonAsync(failed)).GetProperty("status").GetString());
        var own = await applicant.GetStringAsync($"/Proposals/Details/{ids[0]}", Ct);
        Assert.Contains("申报单位注册地不在本市。", own);
        Assert.Contains("形式审核不通过", own);

        var again = await staff.PostAsJsonAsync($"/api/formal-review/{ids[0]}", new { decision = "pass" }, Ct);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Contains("已不在待形式审核环节", await again.Content.ReadAsStringAsync(Ct));
    }

    [Fact]
    public async Task OnlyStaff_Decide_OnlyWhatReachedTheBureau_WithAKnownDecision_WithinTheStage()
    {
        var (round, ids, applicant) = await AtTheBureauAsync("330502", "330500", "湖州权限项目");
        var call = await TestCalls.OpenCallAsync(host.App);
        var levels = await TestLevels.CountyUnderCityAsync(host.App, "330503", "330500");
        var notYet = await TestLevels.SubmittedAsync(applicant, call.RoundId, levels.City, "尚未到局的项目");
        var staff = await host.App.SignedInAsync("staff");
        var recommender = await host.App.SignedInAsync("recommender");

        Assert.Equal(HttpStatusCode.Forbidden, (await applicant.PostAsJsonAsync($"/api/formal-review/{ids[0]}", new { decision = "pass" }, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await recommender.PostAsJsonAsync($"/api/formal-review/{ids[0]}", new { decision = "pass" }, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await applicant.GetAsync("/api/formal-review", Ct)).StatusCode);
        var page0 = await applicant.GetAsync($"/FormalReview/Review/{ids[0]}", Ct);
        Assert.Equal(HttpStatusCode.Redirect, page0.StatusCode);
        Assert.Contains("AccessDenied", page0.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.NotFound, (await staff.PostAsJsonAsync($"/api/formal-review/{notYet}", new { decision = "pass" }, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await staff.GetAsync($"/FormalReview/Review/{notYet}", Ct)).StatusCode);

        var unknown = await staff.PostAsJsonAsync($"/api/formal-review/{ids[0]}", new { decision = "1" }, Ct);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, unknown.StatusCode);
        Assert.Contains("形式审核结论“1”无法识别", await unknown.Content.ReadAsStringAsync(Ct));

        var now = host.App.Clock.GetUtcNow();
        await TestLevels.SetAsync(host.App, round, s => s, [new RoundStage(RoundStageKind.FormalReview, now.AddDays(-10), now.AddMinutes(-1))]);
        var late = await staff.PostAsJsonAsync($"/api/formal-review/{ids[0]}", new { decision = "pass" }, Ct);
        Assert.Contains("ROUND_STAGE_CLOSED", await late.Content.ReadAsStringAsync(Ct));
        var page = await staff.GetStringAsync($"/FormalReview/Review/{ids[0]}", Ct);
        Assert.Contains("data-testid=\"stage-closed\"", page);
        Assert.DoesNotContain("handler=Fail", page);
        await using var db = host.App.CreateDbContext();
        Assert.Equal(ProposalStatus.Recommended, (await db.Proposals.AsNoTracking().SingleAsync(p => p.Id == ids[0], Ct)).Status);
    }
}
