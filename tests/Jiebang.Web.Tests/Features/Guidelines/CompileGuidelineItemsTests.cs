using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Jiebang.Domain.Guidelines;
using Jiebang.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Jiebang.Web.Tests.Features.Guidelines;

[Trait("Category", "Database")]
public sealed class CompileGuidelineItemsTests(AppWithPersonas host) : IClassFixture<AppWithPersonas>
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    async Task<HttpResponseMessage> CompileAsync(HttpClient client, object body) =>
        await client.PostAsJsonAsync("/api/guidelines/items", body, Ct);

    static async Task<int[]> IdsAsync(HttpResponseMessage response) =>
        [.. (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("ids").EnumerateArray().Select(e => e.GetInt32())];

    [Fact]
    public async Task Merge_ThreeAcceptedDemands_MakesOneDraftWithAllThreeAsLineage_Audited()
    {
        var call = await TestGuidelines.CallAsync(host.App);
        int[] demands = [await TestGuidelines.AcceptedDemandAsync(host.App, host.Personas.UnitA),
            await TestGuidelines.AcceptedDemandAsync(host.App, host.Personas.UnitB), await TestGuidelines.AcceptedDemandAsync(host.App, host.Personas.UnitA)];
        var staff = await host.App.SignedInAsync("staff");

        var response = await CompileAsync(staff, new { callRoundId = call, demandIds = demands, mode = "Merge" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var id = Assert.Single(await IdsAsync(response));
        await using var db = host.App.CreateDbContext();
        var item = await db.GuidelineItems.SingleAsync(i => i.Id == id, Ct);
        Assert.Equal(demands, item.Sources.Select(s => s.DemandId).Order());
        Assert.Equal((GuidelineItemStatus.Draft, 1, "测试需求", "新材料"), (item.Status, item.Number, item.Name, item.Area));
        Assert.True(await db.AuditEntries.AnyAsync(a => a.Action == "guideline.compiled.merge" && a.EntityId == id.ToString(), Ct));
    }

    [Fact]
    public async Task Split_OneDemandIntoThree_NumbersThemInOrder_EachKeepingTheDemand()
    {
        var call = await TestGuidelines.CallAsync(host.App);
        var demand = await TestGuidelines.AcceptedDemandAsync(host.App, host.Personas.UnitA);
        var staff = await host.App.SignedInAsync("staff");

        var ids = await IdsAsync(await CompileAsync(staff, new { callRoundId = call, demandIds = new[] { demand }, mode = "Split", splitCount = 3 }));

        await using var db = host.App.CreateDbContext();
        var items = await db.GuidelineItems.Where(i => ids.Contains(i.Id)).OrderBy(i => i.Number).ToListAsync(Ct);
        Assert.Equal([1, 2, 3], items.Select(i => i.Number));
        Assert.Equal(["测试需求（1）", "测试需求（2）", "测试需求（3）"], items.Select(i => i.Name));
        Assert.All(items, i => Assert.Equal(demand, Assert.Single(i.Sources).DemandId));
    }

    [Fact]
    public async Task Compile_DemandNotAccepted_IsRefusedNamingItInChinese_AndSavesNothing()
    {
        var call = await TestGuidelines.CallAsync(host.App);
        var accepted = await TestGuidelines.AcceptedDemandAsync(host.App, host.Personas.UnitA);
        var submitted = await TestDemands.SubmittedAsync(host.App, host.Personas.UnitB);
        var staff = await host.App.SignedInAsync("staff");

        var response = await CompileAsync(staff, new { callRoundId = call, demandIds = new[] { accepted, submitted }, mode = "Merge" });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync(Ct);
        Assert.Contains("GUIDELINE_SOURCE_NOT_ACCEPTED", body);
        Assert.Contains("来源需求：“测试需求”尚未受理（当前状态：已提交）", body);
        await using var db = host.App.CreateDbContext();
        Assert.False(await db.GuidelineItems.AnyAsync(i => i.CallRoundId == call, Ct));
    }

    [Theory]
    [InlineData("Split", 2, 2, "GUIDELINE_SPLIT_ONE_SOURCE")]
    [InlineData("Split", 1, 11, "GUIDELINE_SPLIT_COUNT_OUT_OF_RANGE")]
    [InlineData("Merge", 0, 2, "GUIDELINE_SOURCE_REQUIRED")]
    public async Task Compile_BadChoice_IsRefusedWithItsRule(string mode, int demandCount, int splitCount, string code)
    {
        var call = await TestGuidelines.CallAsync(host.App);
        var demands = new List<int>();
        for (var i = 0; i < demandCount; i++) demands.Add(await TestGuidelines.AcceptedDemandAsync(host.App, host.Personas.UnitA));
        var staff = await host.App.SignedInAsync("staff");
        var response = await CompileAsync(staff, new { callRoundId = call, demandIds = demands, mode, splitCount });
        Assert.Contains(code, await response.Content.ReadAsStringAsync(Ct));
    }

    [Fact]
    public async Task Compile_IntoADemandRoundOrAClosedCall_IsRefused()
    {
        var demand = await TestGuidelines.AcceptedDemandAsync(host.App, host.Personas.UnitA);
        var demandRound = await TestRounds.DemandRoundAsync(host.App, TimeSpan.FromDays(-1), TimeSpan.FromDays(10));
        var closed = await TestGuidelines.CallAsync(host.App, TimeSpan.FromDays(-10), TimeSpan.FromDays(-1));
        var staff = await host.App.SignedInAsync("staff");
        Assert.Contains("CALL_NOT_A_PROPOSAL_CALL", await (await CompileAsync(staff, new { callRoundId = demandRound, demandIds = new[] { demand } })).Content.ReadAsStringAsync(Ct));
        Assert.Contains("CALL_CLOSED", await (await CompileAsync(staff, new { callRoundId = closed, demandIds = new[] { demand } })).Content.ReadAsStringAsync(Ct));
    }

    [Theory]
    [InlineData("applicant-a")]
    [InlineData("recommender")]
    [InlineData("admin")]
    public async Task Compile_NotStaff_IsForbidden(string persona)
    {
        var call = await TestGuidelines.CallAsync(host.App);
        var demand = await TestGuidelines.AcceptedDemandAsync(host.App, host.Personas.UnitA);
        var client = await host.App.SignedInAsync(persona);
        var response = await CompileAsync(client, new { callRoundId = call, demandIds = new[] { demand }, mode = "Merge" });
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        var page = await client.PostFormAsync($"/Guidelines?handler=Merge&CallId={call}",
            new Dictionary<string, string> { ["CallId"] = call.ToString(), ["DemandIds"] = demand.ToString() }, "/");
        Assert.True(page.StatusCode is HttpStatusCode.Forbidden || page.Headers.Location?.OriginalString.Contains("AccessDenied") == true,
            $"{persona}: {(int)page.StatusCode} {page.Headers.Location}");
        await using var db = host.App.CreateDbContext();
        Assert.False(await db.GuidelineItems.AnyAsync(i => i.CallRoundId == call, Ct));
    }

    [Fact]
    public async Task Page_StaffMergesTwoByCheckboxes_AndSeesTheDrafts()
    {
        var call = await TestGuidelines.CallAsync(host.App, title: "页面合并测试申报");
        int[] demands = [await TestGuidelines.AcceptedDemandAsync(host.App, host.Personas.UnitA), await TestGuidelines.AcceptedDemandAsync(host.App, host.Personas.UnitB)];
        var staff = await host.App.SignedInAsync("staff");
        await using var db = host.App.CreateDbContext();
        var round = await db.Rounds.SingleAsync(r => r.PresetKey == "longquan-demand-2024", Ct);

        var page = await staff.GetStringAsync($"/Guidelines?RoundId={round.Id}&CallId={call}", Ct);
        Assert.Contains($"value=\"{demands[0]}\"", page);
        var form = new FormUrlEncodedContent([
            new("CallId", call.ToString()), new("DemandIds", demands[0].ToString()), new("DemandIds", demands[1].ToString()),
            new("__RequestVerificationToken", System.Text.RegularExpressions.Regex.Match(page, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value)]);
        var posted = await staff.PostAsync($"/Guidelines?handler=Merge&RoundId={round.Id}", form, Ct);

        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        var item = await db.GuidelineItems.SingleAsync(i => i.CallRoundId == call, Ct);
        Assert.Equal(2, item.Sources.Count);
        Assert.Contains("已生成 1 个榜单项草稿", await staff.GetStringAsync(posted.Headers.Location!.OriginalString, Ct));
    }
}
