using System.Net;
using System.Net.Http.Json;
using Jiebang.Domain.Guidelines;
using Jiebang.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Jiebang.Web.Tests.Features.Guidelines;

[Trait("Category", "Database")]
public sealed class EditAndPublishTests(AppWithPersonas host) : IClassFixture<AppWithPersonas>
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    static object Body(string name = "高导热氮化铝陶瓷基板", decimal funding = 200m, int months = 24, string goals = "热导率≥170W/(m·K)",
        string channel = "CityOpenCompetitionSubsidy") =>
        new { name, area = "新材料", direction = "电子化学材料", goals, conditions = "本市注册企业", channel, fundingWan = funding, periodMonths = months };

    [Theory]
    [InlineData(-5, 24, "GUIDELINE_FUNDING_OUT_OF_RANGE", "fundingWan", "支持经费")]
    [InlineData(20000, 24, "GUIDELINE_FUNDING_OUT_OF_RANGE", "fundingWan", "支持经费")]
    [InlineData(100, 61, "GUIDELINE_PERIOD_OUT_OF_RANGE", "periodMonths", "实施期限")]
    public async Task Edit_OutOfRange_IsRefusedNamingTheFieldInChinese(int funding, int months, string code, string field, string label)
    {
        var call = await TestGuidelines.CallAsync(host.App);
        var item = await TestGuidelines.ItemAsync(host.App, call, await TestGuidelines.AcceptedDemandAsync(host.App, host.Personas.UnitA), "原名称", false);
        var staff = await host.App.SignedInAsync("staff");
        var response = await staff.PutAsJsonAsync($"/api/guidelines/items/{item}", Body(funding: funding, months: months), Ct);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync(Ct);
        Assert.Contains(code, body);
        Assert.Contains($"\"field\":\"{field}\"", body);
        Assert.Contains(label + "：", body);
        await using var db = host.App.CreateDbContext();
        Assert.Equal("原名称", (await db.GuidelineItems.SingleAsync(i => i.Id == item, Ct)).Name);
    }

    [Fact]
    public async Task EditPage_BadPeriod_ShowsTheRuleBesideTheField_AndKeepsWhatWasTyped()
    {
        var call = await TestGuidelines.CallAsync(host.App);
        var item = await TestGuidelines.ItemAsync(host.App, call, await TestGuidelines.AcceptedDemandAsync(host.App, host.Personas.UnitA), "原名称", false);
        var staff = await host.App.SignedInAsync("staff");
        var response = await staff.PostFormAsync($"/Guidelines/Edit/{item}", new Dictionary<string, string>
        {
            ["Input.Name"] = "新名称未保存", ["Input.Area"] = "新材料", ["Input.Goals"] = "新目标", ["Input.Channel"] = "JianbingLingyan",
            ["Input.FundingWan"] = "100", ["Input.PeriodMonths"] = "72",
        });
        var page = await response.Content.ReadAsStringAsync(Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("实施期限：应为1至60个月，当前为72个月。", page);
        Assert.Contains("value=\"新名称未保存\"", page);
        Assert.Contains("新目标", page);

        var letters = await staff.PostFormAsync($"/Guidelines/Edit/{item}", new Dictionary<string, string>
        {
            ["Input.Name"] = "新名称", ["Input.FundingWan"] = "一百", ["Input.PeriodMonths"] = "24",
        });
        var text = await letters.Content.ReadAsStringAsync(Ct);
        Assert.Contains("支持经费（万元）：请填写数字", text);
        Assert.Contains("value=\"一百\"", text);
    }

    [Fact]
    public async Task Edit_WithAStaleStamp_IsAConflict_AndLosesNothingOfTheNewerEdit()
    {
        var call = await TestGuidelines.CallAsync(host.App);
        var item = await TestGuidelines.ItemAsync(host.App, call, await TestGuidelines.AcceptedDemandAsync(host.App, host.Personas.UnitA), "原名称", false);
        Guid stamp;
        await using (var db = host.App.CreateDbContext()) stamp = (await db.GuidelineItems.SingleAsync(i => i.Id == item, Ct)).ConcurrencyStamp;
        var staff = await host.App.SignedInAsync("staff");
        Assert.Equal(HttpStatusCode.OK, (await staff.PutAsJsonAsync($"/api/guidelines/items/{item}", Body("第一次"), Ct)).StatusCode);
        var stale = await staff.PutAsJsonAsync($"/api/guidelines/items/{item}", new { name = "第二次", periodMonths = 24, concurrencyStamp = stamp }, Ct);
        Assert.Contains("GUIDELINE_CHANGED_MEANWHILE", await stale.Content.ReadAsStringAsync(Ct));
        await using var check = host.App.CreateDbContext();
        Assert.Equal("第一次", (await check.GuidelineItems.SingleAsync(i => i.Id == item, Ct)).Name);
    }

    [Fact]
    public async Task Publish_WithAnIncompleteDraft_IsRefusedNamingTheItemAndField_ThenPublishesAllOnceComplete()
    {
        var call = await TestGuidelines.CallAsync(host.App);
        var demand = await TestGuidelines.AcceptedDemandAsync(host.App, host.Personas.UnitA);
        var complete = await TestGuidelines.ItemAsync(host.App, call, demand, "完整的榜单项", false);
        var incomplete = await TestGuidelines.ItemAsync(host.App, call, demand, "缺目标的榜单项", false);
        var staff = await host.App.SignedInAsync("staff");
        await staff.PutAsJsonAsync($"/api/guidelines/items/{incomplete}", Body("缺目标的榜单项", goals: ""), Ct);

        var refused = await staff.PostAsJsonAsync($"/api/guidelines/calls/{call}/publish", new { noticeText = "通知正文" }, Ct);
        var body = await refused.Content.ReadAsStringAsync(Ct);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Contains("第2项“缺目标的榜单项”尚不完整——攻关目标及考核指标：发榜前必填", body);
        Assert.Equal(HttpStatusCode.NotFound, (await host.App.NewClient().GetAsync($"/calls/{call}", Ct)).StatusCode);

        await staff.PutAsJsonAsync($"/api/guidelines/items/{incomplete}", Body("补全的榜单项"), Ct);
        Assert.Equal(HttpStatusCode.OK, (await staff.PostAsJsonAsync($"/api/guidelines/calls/{call}/publish", new { noticeText = "通知正文" }, Ct)).StatusCode);

        await using var db = host.App.CreateDbContext();
        Assert.All(await db.GuidelineItems.Where(i => i.CallRoundId == call).ToListAsync(Ct), i => Assert.Equal(GuidelineItemStatus.Published, i.Status));
        Assert.NotNull((await db.Rounds.SingleAsync(r => r.Id == call, Ct)).PublishedAt);
        Assert.True(await db.AuditEntries.AnyAsync(a => a.Action == "call.published" && a.EntityId == call.ToString(), Ct));
        Assert.True(await db.AuditEntries.AnyAsync(a => a.Action == "guideline.published" && a.EntityId == complete.ToString(), Ct));
        Assert.Contains("CALL_NOTHING_TO_PUBLISH", await (await staff.PostAsJsonAsync($"/api/guidelines/calls/{call}/publish", new { }, Ct)).Content.ReadAsStringAsync(Ct));
    }

    [Fact]
    public async Task Publish_ACallWithoutItems_OrNotStaff_IsRefused()
    {
        var call = await TestGuidelines.CallAsync(host.App);
        var staff = await host.App.SignedInAsync("staff");
        Assert.Contains("CALL_NO_ITEMS", await (await staff.PostAsJsonAsync($"/api/guidelines/calls/{call}/publish", new { }, Ct)).Content.ReadAsStringAsync(Ct));
        foreach (var persona in new[] { "applicant-a", "recommender" })
        {
            var client = await host.App.SignedInAsync(persona);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.PostAsJsonAsync($"/api/guidelines/calls/{call}/publish", new { }, Ct)).StatusCode);
            var page = await client.GetAsync($"/Guidelines/Publish/{call}", Ct);
            Assert.Contains("AccessDenied", page.Headers.Location?.OriginalString ?? page.StatusCode.ToString());
        }
    }

    [Fact]
    public async Task Withdraw_APublishedItem_StaysPublicAsWithdrawnWithItsReason()
    {
        var call = await TestGuidelines.CallAsync(host.App);
        var item = await TestGuidelines.ItemAsync(host.App, call, await TestGuidelines.AcceptedDemandAsync(host.App, host.Personas.UnitA), "将撤榜的项", true);
        var staff = await host.App.SignedInAsync("staff");
        Assert.Contains("GUIDELINE_WITHDRAW_REASON_REQUIRED",
            await (await staff.PostAsJsonAsync($"/api/guidelines/items/{item}/withdraw", new { reason = " " }, Ct)).Content.ReadAsStringAsync(Ct));
        Assert.Equal(HttpStatusCode.OK, (await staff.PostAsJsonAsync($"/api/guidelines/items/{item}/withdraw", new { reason = "需求单位已自行解决" }, Ct)).StatusCode);

        var page = await host.App.NewClient().GetStringAsync($"/calls/{call}/items/{item}", Ct);
        Assert.Contains("已撤榜", page);
        Assert.Contains("需求单位已自行解决", page);
        Assert.DoesNotContain("data-testid=\"take-up\"", page);
        Assert.Contains("GUIDELINE_WITHDRAWN", await (await staff.PutAsJsonAsync($"/api/guidelines/items/{item}", Body(), Ct)).Content.ReadAsStringAsync(Ct));
    }
}
