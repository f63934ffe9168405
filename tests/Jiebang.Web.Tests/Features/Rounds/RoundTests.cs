using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Jiebang.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Jiebang.Web.Tests.Features.Rounds;

[Trait("Category", "Database")]
public sealed class RoundTests(AppWithPersonas host) : IClassFixture<AppWithPersonas>
{
    [Fact]
    public async Task Create_ClosingBeforeOpening_IsRefusedNamingBothTimesInChinaTime()
    {
        var staff = await host.App.SignedInAsync("staff");
        var response = await staff.PostAsJsonAsync("/api/rounds", new
        {
            kind = "ProposalCall", title = "测试批次", opensAt = "2024-05-01T09:00:00+08:00", closesAt = "2024-04-30T17:30:00+08:00",
        }, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.Contains("ROUND_CLOSES_BEFORE_OPENING", body);
        Assert.Contains("2024-05-01 09:00 (UTC+8)", body);
    }

    [Fact]
    public async Task Create_ThenEditSettings_IsSavedAuditedAndShownInChinaTime()
    {
        var staff = await host.App.SignedInAsync("staff");
        var created = await staff.PostAsJsonAsync("/api/rounds", new
        {
            kind = "ProposalCall", title = "2025年度揭榜挂帅项目申报", opensAt = "2025-03-18T00:00:00+08:00",
            closesAt = "2025-03-22T17:30:00+08:00", forms = new[] { "annex4-table" }, taxonomyKey = "zhejiang-provincial-2024",
            settings = new { enterpriseSelfFundingMinShare = 0.8, mountainIslandSelfFundingMinShare = 0.6, regionListVersion = "mountain_island_2025_05" },
        }, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var round = await created.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        Assert.Equal("2025-03-22 17:30 (UTC+8)", round.GetProperty("closesAtChina").GetString());
        var id = round.GetProperty("id").GetInt32();

        var bad = await staff.PutAsJsonAsync($"/api/rounds/{id}", new
        {
            kind = "ProposalCall", title = "2025年度揭榜挂帅项目申报", opensAt = "2025-03-18T00:00:00+08:00",
            closesAt = "2025-03-22T17:30:00+08:00", settings = new { enterpriseSelfFundingMinShare = 80 },
        }, TestContext.Current.CancellationToken);
        Assert.Contains("ROUND_SHARE_OUT_OF_RANGE", await bad.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));

        await using var db = host.App.CreateDbContext();
        var saved = await db.Rounds.SingleAsync(r => r.Id == id, TestContext.Current.CancellationToken);
        Assert.Equal("mountain_island_2025_05", saved.Settings.RegionListVersion);
        Assert.Equal(new DateTimeOffset(2025, 3, 22, 9, 30, 0, TimeSpan.Zero), saved.ClosesAt.ToUniversalTime());
        Assert.True(await db.AuditEntries.AnyAsync(a => a.Action == "round.created" && a.EntityId == id.ToString(), TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Create_NamingFormsOrATaxonomyThatAreNotLoaded_IsRefusedNamingEach()
    {
        var staff = await host.App.SignedInAsync("staff");
        var response = await staff.PostAsJsonAsync("/api/rounds", new
        {
            kind = "DemandSolicitation", title = "测试批次", opensAt = "2025-03-18T00:00:00+08:00", closesAt = "2025-04-15T17:30:00+08:00",
            forms = new[] { "annex2@1", "annex2@7", "annex9" }, taxonomyKey = "longquan-2025",
        }, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.Contains("没有名为“annex2@7”的表格", body);
        Assert.Contains("没有名为“annex9”的表格", body);
        Assert.DoesNotContain("“annex2@1”", body);
        Assert.Contains("没有名为“longquan-2025”的领域目录", body);

        var none = await staff.PostAsJsonAsync("/api/rounds", new
        {
            kind = "DemandSolicitation", title = "测试批次", opensAt = "2025-03-18T00:00:00+08:00", closesAt = "2025-04-15T17:30:00+08:00",
            forms = new[] { " ", "" },
        }, TestContext.Current.CancellationToken);
        Assert.Contains("ROUND_FORMS_REQUIRED", await none.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Applicant_CannotCreateRounds()
    {
        var applicant = await host.App.SignedInAsync("applicant-a");
        var response = await applicant.PostAsJsonAsync("/api/rounds", new { title = "x" }, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }
}
