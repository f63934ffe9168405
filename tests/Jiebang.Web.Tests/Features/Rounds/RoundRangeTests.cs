using System.Net;
using System.Net.Http.Json;
using Jiebang.Domain.Rounds;
using Jiebang.Web.Data;
using Jiebang.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Jiebang.Web.Tests.Features.Rounds;

/// <summary>Dates and numbers of a round are range-checked; a stored value no page can show never stops a page.</summary>
[Trait("Category", "Database")]
public sealed class RoundRangeTests(AppWithPersonas host) : IClassFixture<AppWithPersonas>
{
    [Fact]
    public async Task StoredRound_ClosingAtTheEndOfTime_LeavesSignedInPagesUpAndCanBeEditedBack()
    {
        var ct = TestContext.Current.CancellationToken;
        int id;
        await using (var db = host.App.CreateDbContext())
        {
            var now = host.App.Clock.GetUtcNow();
            var round = new Round
            {
                Title = "坏日期批次", Kind = RoundKind.DemandSolicitation, OpensAt = now.AddDays(-1),
                ClosesAt = new DateTimeOffset(9999, 12, 31, 23, 59, 59, TimeSpan.Zero),
                Forms = ["annex1@1", "annex2@1", "annex3@1"], TaxonomyKey = "longquan-2024", CreatedAt = now, UpdatedAt = now,
            };
            db.Rounds.Add(round);
            await db.SaveChangesAsync(ct);
            id = round.Id;
        }

        var staff = await host.App.SignedInAsync("staff");
        foreach (var page in new[] { "/", "/Rounds", $"/Rounds/Edit/{id}", "/Inbox", "/api/rounds", $"/api/rounds/{id}" })
            Assert.True((await staff.GetAsync(page, ct)).StatusCode == HttpStatusCode.OK, $"staff {page}");
        var applicant = await host.App.SignedInAsync("applicant-a");
        foreach (var page in new[] { "/", "/Demands", "/Rounds" })
            Assert.True((await applicant.GetAsync(page, ct)).StatusCode == HttpStatusCode.OK, $"applicant {page}");

        var edit = await staff.PostFormAsync($"/Rounds/Edit/{id}", new Dictionary<string, string>
        {
            ["Input.Kind"] = "DemandSolicitation", ["Input.Title"] = "坏日期批次", ["Input.OpensAtChina"] = "2024-03-14T00:00",
            ["Input.ClosesAtChina"] = "2024-04-15T00:00", ["Input.Forms"] = "annex1@1\nannex2@1\nannex3@1",
            ["Input.TaxonomyKey"] = "longquan-2024", ["Input.SettingsJson"] = "{}",
        });
        Assert.Equal(HttpStatusCode.Redirect, edit.StatusCode);
        await using (var db = host.App.CreateDbContext())
            Assert.Equal(ChinaTime.At(2024, 4, 15), (await db.Rounds.SingleAsync(r => r.Id == id, ct)).ClosesAt);
    }

    [Theory]
    [InlineData("9999-12-31T23:59:00+08:00", "2024-05-01T00:00:00+08:00", "ROUND_DATE_OUT_OF_RANGE", "opensAt")]
    [InlineData("2024-03-18T00:00:00+08:00", "9999-12-31T23:59:00+08:00", "ROUND_DATE_OUT_OF_RANGE", "closesAt")]
    [InlineData("1999-12-31T00:00:00+08:00", "2024-05-01T00:00:00+08:00", "ROUND_DATE_OUT_OF_RANGE", "opensAt")]
    public async Task Create_DateOutsideTheSaneWindow_IsRefusedNamingTheField(string opensAt, string closesAt, string code, string field)
    {
        var staff = await host.App.SignedInAsync("staff");
        var response = await staff.PostAsJsonAsync("/api/rounds", new
        {
            kind = "ProposalCall", title = "测试批次", opensAt, closesAt, forms = new[] { "annex4-table@1" }, taxonomyKey = "zhejiang-provincial-2024",
        }, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.Contains(code, body);
        Assert.Contains($"\"{field}\"", body);
        Assert.Contains("2000-01-01", body);
    }

    [Theory]
    [InlineData("""{"similarityThreshold":1.5}""", "ROUND_THRESHOLD_OUT_OF_RANGE", "settings.similarityThreshold")]
    [InlineData("""{"similarityThreshold":-0.1}""", "ROUND_THRESHOLD_OUT_OF_RANGE", "settings.similarityThreshold")]
    [InlineData("""{"capsByCategory":{"科技成果转移转化":1e12}}""", "ROUND_AMOUNT_OUT_OF_RANGE", "settings.capsByCategory")]
    [InlineData("""{"capsByCategory":{"科技成果转移转化":-1}}""", "ROUND_AMOUNT_OUT_OF_RANGE", "settings.capsByCategory")]
    [InlineData("""{"quotas":[{"unitClass":"ScienceBureau","regionCode":"330100","limit":-1}]}""", "ROUND_QUOTA_OUT_OF_RANGE", "settings.quotas")]
    [InlineData("""{"quotas":[{"unitId":7,"limit":100000}]}""", "ROUND_QUOTA_OUT_OF_RANGE", "settings.quotas")]
    [InlineData("""{"projectStartsOn":"0001-01-01"}""", "ROUND_DATE_OUT_OF_RANGE", "settings.projectStartsOn")]
    [InlineData("""{"projectStartsOn":"2024-06-01","projectEndsOn":"2024-05-31"}""", "ROUND_PROJECT_ENDS_BEFORE_START", "settings.projectEndsOn")]
    public async Task Create_NumberOrDateOfTheSettingsOutOfRange_IsRefusedNamingTheField(string settings, string code, string field)
    {
        var staff = await host.App.SignedInAsync("staff");
        using var content = new StringContent($$"""
            {"kind":"ProposalCall","title":"测试批次","opensAt":"2024-03-18T00:00:00+08:00","closesAt":"2024-03-22T17:30:00+08:00",
             "forms":["annex4-table@1"],"taxonomyKey":"zhejiang-provincial-2024","settings":{{settings}}}
            """, System.Text.Encoding.UTF8, "application/json");
        var response = await staff.PostAsync("/api/rounds", content, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.Contains(code, body);
        Assert.Contains($"\"{field}\"", body);
    }

    [Theory]
    [InlineData("99")]
    [InlineData("\"NoSuchClass\"")]
    public async Task Create_QuotaOfAnUndefinedUnitClass_IsRefusedAsABadRequestInOurWords(string unitClass)
    {
        var staff = await host.App.SignedInAsync("staff");
        using var content = new StringContent($$$"""
            {"kind":"ProposalCall","title":"测试批次","opensAt":"2024-03-18T00:00:00+08:00","closesAt":"2024-03-22T17:30:00+08:00",
             "forms":["annex4-table@1"],"taxonomyKey":"zhejiang-provincial-2024","settings":{"quotas":[{"unitClass":{{{unitClass}}},"limit":1}]}}
            """, System.Text.Encoding.UTF8, "application/json");
        var response = await staff.PostAsync("/api/rounds", content, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("REQUEST_INVALID", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        await using var db = host.App.CreateDbContext();
        Assert.False(await db.Rounds.AnyAsync(r => r.Title == "测试批次", TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task EditPage_ClosingAtTheEndOfTime_IsRefusedOnThePageInChinese()
    {
        var staff = await host.App.SignedInAsync("staff");
        var response = await staff.PostFormAsync("/Rounds/Edit", new Dictionary<string, string>
        {
            ["Input.Kind"] = "DemandSolicitation", ["Input.Title"] = "坏日期批次", ["Input.OpensAtChina"] = "2024-03-14T00:00",
            ["Input.ClosesAtChina"] = "9999-12-31T23:59", ["Input.Forms"] = "annex1@1\nannex2@1\nannex3@1",
            ["Input.TaxonomyKey"] = "longquan-2024", ["Input.SettingsJson"] = "{}",
        });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = System.Net.WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Contains("截止时间", html);
        Assert.Contains("2100-12-31", html);
        await using var db = host.App.CreateDbContext();
        Assert.False(await db.Rounds.AnyAsync(r => r.Title == "坏日期批次" && r.ClosesAt > ChinaTime.At(2100, 1, 1), TestContext.Current.CancellationToken));
    }
}
