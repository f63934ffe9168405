using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Jiebang.Domain.Demands;
using Jiebang.Domain.Filings;
using Jiebang.Domain.Rounds;
using Jiebang.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Writer;

namespace Jiebang.Web.Tests.Features.Files;

/// <summary>A stamped scan belongs to the version it was uploaded for; a round can ask for the current version's.</summary>
[Trait("Category", "Database")]
public sealed class ScanVersionTests(AppWithPersonas host) : IClassFixture<AppWithPersonas>
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    static Task<HttpResponseMessage> UploadAsync(HttpClient client, int demand)
    {
        var builder = new PdfDocumentBuilder();
        builder.AddPage(PageSize.A4);
        var file = new ByteArrayContent(builder.Build());
        file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        return client.PostAsync($"/api/demands/{demand}/scans", new MultipartFormDataContent { { file, "file", "盖章件.pdf" } }, Ct);
    }

    /// <summary>The bureau returns the demand and its unit submits it again, as version 2.</summary>
    async Task ReturnAndResubmitAsync(int id)
    {
        await using var db = host.App.CreateDbContext();
        var demand = await db.Demands.Include(d => d.Versions).Include(d => d.Events).SingleAsync(d => d.Id == id, Ct);
        var round = await db.Rounds.SingleAsync(r => r.Id == demand.RoundId, Ct);
        var now = host.App.Clock.GetUtcNow();
        Assert.Null(demand.Accept(ScreeningDecision.Return, "请加盖公章", new FilingActor("staff", host.Personas.Bureau), now));
        Assert.Null(demand.SaveDraft("""{"demandName":"测试需求（修改）"}""", DemandSummary.Empty, demand.Kind, null, now));
        Assert.Null(demand.Submit(new FilingWindow(round.OpensAt, round.ClosesAt), [], new FilingActor("test", host.Personas.UnitA), now));
        await db.SaveChangesAsync(Ct);
    }

    [Fact]
    public async Task Scan_OfAnOlderVersion_IsShownAsSuch()
    {
        var id = await TestDemands.SubmittedAsync(host.App, host.Personas.UnitA);
        var owner = await host.App.SignedInAsync("applicant-a");
        var uploaded = await (await UploadAsync(owner, id)).Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal(1, uploaded.GetProperty("version").GetInt32());
        var current = WebUtility.HtmlDecode(await owner.GetStringAsync($"/Demands/Details/{id}", Ct));
        Assert.Contains("第1版（当前版本）", current);

        await ReturnAndResubmitAsync(id);
        var older = WebUtility.HtmlDecode(await owner.GetStringAsync($"/Demands/Details/{id}", Ct));
        Assert.Contains("第1版（旧版本", older);
        var scans = await owner.GetFromJsonAsync<JsonElement>($"/api/demands/{id}/scans", Ct);
        Assert.Equal(1, scans[0].GetProperty("version").GetInt32());
    }

    [Fact]
    public async Task Scan_AfterTheRoundsDeadline_IsRefusedNamingTheDeadline()
    {
        var closed = await TestRounds.DemandRoundAsync(host.App, TimeSpan.FromDays(-30), TimeSpan.FromMinutes(-1));
        var id = await TestDemands.SubmittedAsync(host.App, host.Personas.UnitA, roundId: closed);
        var owner = await host.App.SignedInAsync("applicant-a");

        var refused = await UploadAsync(owner, id);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        var body = await refused.Content.ReadAsStringAsync(Ct);
        Assert.Contains("FILE_SCAN_AFTER_DEADLINE", body);
        Assert.Contains("北京时间", body);
        Assert.Empty(await owner.GetFromJsonAsync<JsonElement[]>($"/api/demands/{id}/scans", Ct) ?? []);
    }

    [Fact]
    public async Task Accept_RoundAsksForTheCurrentScan_IsRefusedUntilItIsUploaded()
    {
        var round = await TestRounds.DemandRoundAsync(host.App, TimeSpan.FromDays(-1), TimeSpan.FromDays(30),
            new RoundSettings { RequiresStampedScanOfCurrentVersion = true });
        var id = await TestDemands.SubmittedAsync(host.App, host.Personas.UnitA, roundId: round);
        var staff = await host.App.SignedInAsync("staff");
        var refused = await staff.PostAsJsonAsync($"/api/demands/{id}/decision", new { decision = "Accept" }, Ct);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Contains("DEMAND_SCAN_OF_CURRENT_VERSION_REQUIRED", await refused.Content.ReadAsStringAsync(Ct));

        Assert.True((await UploadAsync(await host.App.SignedInAsync("applicant-a"), id)).IsSuccessStatusCode);
        var accepted = await staff.PostAsJsonAsync($"/api/demands/{id}/decision", new { decision = "Accept" }, Ct);
        Assert.Equal("Accepted", (await accepted.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("status").GetString());
    }

    [Fact]
    public async Task Forward_RoundAsksForTheCurrentScan_NamesTheDemandWithout()
    {
        var round = await TestRounds.DemandRoundAsync(host.App, TimeSpan.FromDays(-1), TimeSpan.FromDays(30),
            new RoundSettings { RequiresStampedScanOfCurrentVersion = true });
        var id = await TestDemands.SubmittedAsync(host.App, host.Personas.UnitA, host.Personas.Association, round);
        var recommender = await host.App.SignedInAsync("recommender");
        var screened = await recommender.PostAsJsonAsync($"/api/demands/{id}/decision", new { decision = "Accept" }, Ct);
        Assert.True(screened.IsSuccessStatusCode);
        var refused = await recommender.PostAsJsonAsync("/api/recommendation-batches", new { roundId = round, opinion = "同意推荐" }, Ct);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Contains($"demand:{id}", await refused.Content.ReadAsStringAsync(Ct));

        Assert.True((await UploadAsync(await host.App.SignedInAsync("applicant-a"), id)).IsSuccessStatusCode);
        var sent = await recommender.PostAsJsonAsync("/api/recommendation-batches", new { roundId = round, opinion = "同意推荐" }, Ct);
        Assert.Equal(HttpStatusCode.Created, sent.StatusCode);
    }
}
