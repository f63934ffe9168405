using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Jiebang.Domain.Rounds;
using Jiebang.Domain.Units;
using Jiebang.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Jiebang.Web.Tests.Features.Rounds;

/// <summary>A round's stages each have a window; quotas are keyed by unit or class; forms are a list.</summary>
[Trait("Category", "Database")]
public sealed class RoundStageTests(AppWithPersonas host) : IClassFixture<AppWithPersonas>
{
    [Fact]
    public async Task Preset_CentralGuidanceRound_HasTheNoticesStagesQuotasByClassAndAFormList()
    {
        await using var db = host.App.CreateDbContext();
        var round = await db.Rounds.SingleAsync(r => r.PresetKey == "central-guidance-2024", TestContext.Current.CancellationToken);
        Assert.Equal(["proposal@2", "annex4-table@1", "annex4-performance@1"], round.Forms);
        var filing = round.Schedule.Filing!;
        Assert.Equal(ChinaTime.At(2024, 3, 18), filing.OpensAt);
        Assert.Equal(ChinaTime.At(2024, 3, 22, 17, 30), filing.ClosesAt);
        Assert.Equal(ChinaTime.At(2024, 3, 25, 17, 30), round.Schedule.Stage(RoundStageKind.Recommendation)!.ClosesAt);
        var hangzhou = RecommenderQuota.For(round.Settings.Quotas, unitId: 999, UnitType.ScienceBureau, "330106");
        Assert.Equal(15, hangzhou!.Limit);
        Assert.Equal(2, RecommenderQuota.For(round.Settings.Quotas, 999, UnitType.University, "330106")!.Limit);
    }

    [Fact]
    public async Task Create_WithLaterStages_IsSavedAndShownInChinaTime()
    {
        var staff = await host.App.SignedInAsync("staff");
        var created = await staff.PostAsJsonAsync("/api/rounds", new
        {
            kind = "ProposalCall", title = "分阶段批次", opensAt = "2025-03-18T00:00:00+08:00", closesAt = "2025-03-22T17:30:00+08:00",
            forms = new[] { "annex4-table@1" }, taxonomyKey = "zhejiang-provincial-2024",
            stages = new object[]
            {
                new { kind = "Recommendation", closesAt = "2025-03-25T17:30:00+08:00" },
                new { kind = "NoticePeriod", opensAt = "2025-06-01T00:00:00+08:00", closesAt = "2025-06-07T17:30:00+08:00" },
            },
        }, JsonOptions, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var round = await created.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        var stages = round.GetProperty("stages").EnumerateArray().Select(s => s.GetProperty("closesAtChina").GetString()).ToList();
        Assert.Equal(["2025-03-22 17:30 (UTC+8)", "2025-03-25 17:30 (UTC+8)", "2025-06-07 17:30 (UTC+8)"], stages);

        var page = await staff.GetStringAsync("/Rounds", TestContext.Current.CancellationToken);
        Assert.Contains("公示 2025-06-07 17:30 (UTC+8)", System.Net.WebUtility.HtmlDecode(page));
    }

    [Theory]
    [InlineData("2025-03-20T17:30:00+08:00", null, "ROUND_STAGE_OUT_OF_ORDER")]
    [InlineData("9999-12-31T17:30:00+08:00", null, "ROUND_DATE_OUT_OF_RANGE")]
    [InlineData("2025-03-25T17:30:00+08:00", "2025-03-26T00:00:00+08:00", "ROUND_CLOSES_BEFORE_OPENING")]
    public async Task Create_RecommendationStageOutOfRangeOrOrder_IsRefusedNamingTheStage(string closesAt, string? opensAt, string code)
    {
        var staff = await host.App.SignedInAsync("staff");
        var response = await staff.PostAsJsonAsync("/api/rounds", new
        {
            kind = "ProposalCall", title = "分阶段批次", opensAt = "2025-03-18T00:00:00+08:00", closesAt = "2025-03-22T17:30:00+08:00",
            forms = new[] { "annex4-table@1" }, taxonomyKey = "zhejiang-provincial-2024",
            stages = new[] { new { kind = "Recommendation", opensAt, closesAt } },
        }, JsonOptions, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.Contains(code, body);
        Assert.Contains("stages.Recommendation.", body);
    }

    [Fact]
    public async Task EditPage_StagesAndForms_AreSavedAndARecommendationDeadlineOutOfRangeIsShownBesideIt()
    {
        var staff = await host.App.SignedInAsync("staff");
        var fields = new Dictionary<string, string>
        {
            ["Input.Kind"] = "ProposalCall", ["Input.Title"] = "页面分阶段批次", ["Input.OpensAtChina"] = "2025-03-18T00:00",
            ["Input.ClosesAtChina"] = "2025-03-22T17:30", ["Input.Forms"] = "annex4-table@1\r\nannex4-performance@1",
            ["Input.TaxonomyKey"] = "zhejiang-provincial-2024", ["Input.SettingsJson"] = "{}",
            ["Input.Stages[0].Kind"] = "Recommendation", ["Input.Stages[0].ClosesAtChina"] = "9999-12-31T17:30",
        };
        var refused = await staff.PostFormAsync("/Rounds/Edit", fields);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var html = System.Net.WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Contains("推荐截止时间：应在2000-01-01至2100-12-31之间", html);
        Assert.Matches("name=\"Input.Stages\\[0\\].ClosesAtChina\"[^>]*>(<input[^>]*>)*\\s*<span class=\"[^\"]*field-validation-error[^\"]*\">推荐截止时间：", html);

        fields["Input.Stages[0].ClosesAtChina"] = "2025-03-25T17:30";
        var saved = await staff.PostFormAsync("/Rounds/Edit", fields);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        await using var db = host.App.CreateDbContext();
        var round = await db.Rounds.SingleAsync(r => r.Title == "页面分阶段批次", TestContext.Current.CancellationToken);
        Assert.Equal(["annex4-table@1", "annex4-performance@1"], round.Forms);
        Assert.Equal(ChinaTime.At(2025, 3, 25, 17, 30), Assert.Single(round.Stages).ClosesAt);

        var edit = System.Net.WebUtility.HtmlDecode(await staff.GetStringAsync($"/Rounds/Edit/{round.Id}", TestContext.Current.CancellationToken));
        Assert.Contains("value=\"2025-03-25T17:30", edit);
    }

    static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web)
    {
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
    };
}
