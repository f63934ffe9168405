using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Jiebang.Web.Data.Migrations;
using Jiebang.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Writer;

namespace Jiebang.Web.Tests.Features.Recommendation;

/// <summary>
/// A submitted batch reaches whom it was sent to and no one else [annex 4 §4.2, issue 9 item 5: "each level sees
/// only what reached it"]: the city reads the county's batch and its stamped scans, the bureau's staff read what
/// the city sent on, and another county, or staff before the batch reached the bureau, find nothing.
/// </summary>
[Trait("Category", "Database")]
public sealed class ReceivedBatchTests(BatchHost host) : IClassFixture<BatchHost>
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    static async Task<int> SubmittedBatchAsync(HttpClient level, int round, params int[] proposals)
    {
        var opened = await level.PostAsJsonAsync("/api/recommend/batches", new { roundId = round, proposalIds = proposals }, Ct);
        Assert.True(opened.StatusCode == HttpStatusCode.Created, await opened.Content.ReadAsStringAsync(Ct));
        var batch = (await opened.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetInt32();
        foreach (var document in new[] { "RecommendationLetter", "Summary", "CommitmentLetter" })
        {
            var builder = new PdfDocumentBuilder();
            builder.AddPage(PageSize.A4);
            var file = new ByteArrayContent(builder.Build());
            file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
            var form = new MultipartFormDataContent { { file, "file", document + ".pdf" } };
            Assert.Equal(HttpStatusCode.Created, (await level.PostAsync($"/api/recommend/batches/{batch}/scans/{document}", form, Ct)).StatusCode);
        }
        var submitted = await level.PostAsJsonAsync($"/api/recommend/batches/{batch}/submit", new { opinion = "同意推荐。" }, Ct);
        Assert.True(submitted.IsSuccessStatusCode, await submitted.Content.ReadAsStringAsync(Ct));
        return batch;
    }

    static string LinkTo(int batch) => $"href=\"/Recommend/Batches/Details/{batch}\"";

    static async Task<long> ScanIdAsync(HttpClient reader, int batch) =>
        (await reader.GetFromJsonAsync<JsonElement>($"/api/recommend/batches/{batch}", Ct)).GetProperty("scans").EnumerateArray()
            .First().GetProperty("file").GetProperty("id").GetInt64();

    [Fact]
    public async Task CountysBatch_ReachesTheCityOnly_AndTheCitysReachesTheBureausStaff()
    {
        var round = await host.CallAsync();
        var proposal = await host.SubmittedAsync(round, "竹材重组高强结构材研制", 40m);
        await host.RecommendAsync(proposal, host.County, "county-rec");
        var county = await host.App.SignedInAsync("county-rec");
        var city = await host.App.SignedInAsync("city-rec");
        var other = await host.App.SignedInAsync("other-rec");
        var staff = await host.App.SignedInAsync("staff");
        var fromCounty = await SubmittedBatchAsync(county, round, proposal);

        Assert.Contains(LinkTo(fromCounty), await city.GetStringAsync("/Recommend/Received", Ct));
        var read = await city.GetStringAsync($"/Recommend/Batches/Details/{fromCounty}", Ct);
        Assert.Contains("竹材重组高强结构材研制", read);
        Assert.DoesNotContain("handler=Submit", read);
        Assert.Contains("href=\"/Recommend/Received\"", read);
        Assert.Equal(HttpStatusCode.OK, (await city.GetAsync($"/api/files/{await ScanIdAsync(county, fromCounty)}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await city.GetAsync($"/api/recommend/batches/{fromCounty}/summary.xlsx", Ct)).StatusCode);
        foreach (var outsider in new[] { other, staff })
        {
            Assert.DoesNotContain(LinkTo(fromCounty), await outsider.GetStringAsync("/Recommend/Received", Ct));
            Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync($"/Recommend/Batches/Details/{fromCounty}", Ct)).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync($"/api/recommend/batches/{fromCounty}", Ct)).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync($"/api/files/{await ScanIdAsync(county, fromCounty)}", Ct)).StatusCode);
        }

        await host.RecommendAsync(proposal, host.City, "city-rec");
        var fromCity = await SubmittedBatchAsync(city, round, proposal);

        var list = await staff.GetStringAsync("/Recommend/Received", Ct);
        Assert.Contains(LinkTo(fromCity), list);
        Assert.Contains("丽水市科学技术局", list);
        Assert.DoesNotContain(LinkTo(fromCounty), list);
        Assert.Contains("竹材重组高强结构材研制", await staff.GetStringAsync($"/Recommend/Batches/Details/{fromCity}", Ct));
        Assert.Equal(HttpStatusCode.OK, (await staff.GetAsync($"/api/files/{await ScanIdAsync(city, fromCity)}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await county.GetAsync($"/api/recommend/batches/{fromCity}", Ct)).StatusCode);
        Assert.DoesNotContain(LinkTo(fromCity), await county.GetStringAsync("/Recommend/Received", Ct));
    }

    [Fact]
    public async Task DraftBatch_IsNotSeenByTheLevelAbove()
    {
        var round = await host.CallAsync();
        var proposal = await host.SubmittedAsync(round, "香菇菌渣资源化利用", 10m);
        await host.RecommendAsync(proposal, host.County, "county-rec");
        var county = await host.App.SignedInAsync("county-rec");
        var opened = await county.PostAsJsonAsync("/api/recommend/batches", new { roundId = round, proposalIds = new[] { proposal } }, Ct);
        var draft = (await opened.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetInt32();
        var city = await host.App.SignedInAsync("city-rec");

        Assert.Equal(HttpStatusCode.NotFound, (await city.GetAsync($"/api/recommend/batches/{draft}", Ct)).StatusCode);
        Assert.DoesNotContain(LinkTo(draft), await city.GetStringAsync("/Recommend/Received", Ct));
    }

    /// <summary>Moves a unit to another region: a city bureau leaves its city's level, or takes it again.</summary>
    async Task MoveAsync(int unitId, string regionCode)
    {
        await using var db = host.App.CreateDbContext();
        var unit = await db.Units.SingleAsync(u => u.Id == unitId, Ct);
        unit.RegionCode = regionCode;
        await db.SaveChangesAsync(Ct);
    }

    async Task<int?> SentToAsync(int batch)
    {
        await using var db = host.App.CreateDbContext();
        return await db.ProposalBatches.Where(b => b.Id == batch).Select(b => b.SentToUnitId).SingleAsync(Ct);
    }

    /// <summary>The received list and the read rule give the same answer for this reader: both list and open it, or neither.</summary>
    static async Task AssertReachedAsync(HttpClient reader, int batch, bool reached)
    {
        var listed = (await reader.GetStringAsync("/Recommend/Received", Ct)).Contains(LinkTo(batch), StringComparison.Ordinal);
        var page = (await reader.GetAsync($"/Recommend/Batches/Details/{batch}", Ct)).StatusCode;
        var api = (await reader.GetAsync($"/api/recommend/batches/{batch}", Ct)).StatusCode;
        var expected = reached ? HttpStatusCode.OK : HttpStatusCode.NotFound;
        Assert.Equal((reached, expected, expected), (listed, page, api));
    }

    [Fact]
    public async Task CountysBatch_CityLeavesTheLevelsAfterSubmit_StaysWithTheCity()
    {
        var levels = await TestLevels.CountyUnderCityAsync(host.App, "330402", "330400");
        var round = await host.CallAsync();
        var proposal = await host.SubmittedAsync(round, "嘉兴南湖丝绸印染废水回用", 20m, levels.County);
        await host.RecommendAsync(proposal, levels.County, levels.CountyUser);
        var batch = await SubmittedBatchAsync(await host.App.SignedInAsync(levels.CountyUser), round, proposal);
        Assert.Equal(levels.City, await SentToAsync(batch));

        // The city's bureau moves to a county code: today the county would send to the bureau, but this batch reached the city.
        await MoveAsync(levels.City, "330482");

        await AssertReachedAsync(await host.App.SignedInAsync(levels.CityUser), batch, reached: true);
        await AssertReachedAsync(await host.App.SignedInAsync("staff"), batch, reached: false);
        Assert.Equal(levels.City, await SentToAsync(batch));
    }

    [Fact]
    public async Task CountysBatch_CityJoinsTheLevelsAfterSubmit_StaysWithTheBureau()
    {
        var levels = await TestLevels.CountyUnderCityAsync(host.App, "330602", "330600");
        // No science bureau of the county's city yet: the county is the last level and sends to the bureau.
        await MoveAsync(levels.City, "330681");
        var round = await host.CallAsync();
        var proposal = await host.SubmittedAsync(round, "绍兴越城黄酒糟资源化利用", 20m, levels.County);
        await host.RecommendAsync(proposal, levels.County, levels.CountyUser);
        var batch = await SubmittedBatchAsync(await host.App.SignedInAsync(levels.CountyUser), round, proposal);
        Assert.Null(await SentToAsync(batch));

        await MoveAsync(levels.City, "330600");

        await AssertReachedAsync(await host.App.SignedInAsync("staff"), batch, reached: true);
        await AssertReachedAsync(await host.App.SignedInAsync(levels.CityUser), batch, reached: false);
    }

    /// <summary>
    /// The migration's backfill, run in a transaction that is rolled back (other tests' batches stay as they are): a
    /// batch takes the unit its proposals went to, whatever the levels are now; one whose proposals no longer show it
    /// takes the levels as stored.
    /// </summary>
    [Fact]
    public async Task SentToBackfill_BatchesSubmittedBeforeTheColumn_TakeWhereTheirProposalsWentElseTheLevels()
    {
        var levels = await TestLevels.CountyUnderCityAsync(host.App, "330702", "330700");
        var round = await host.CallAsync();
        var county = await host.App.SignedInAsync(levels.CountyUser);
        var forwarded = await host.SubmittedAsync(round, "金华婺城火腿低盐腌制工艺", 20m, levels.County);
        await host.RecommendAsync(forwarded, levels.County, levels.CountyUser);
        var withProposals = await SubmittedBatchAsync(county, round, forwarded);
        var returned = await host.SubmittedAsync(round, "金华婺城佛手深加工技术", 20m, levels.County);
        await host.RecommendAsync(returned, levels.County, levels.CountyUser);
        var withoutProposals = await SubmittedBatchAsync(county, round, returned);
        // The city leaves: where the first batch's proposal went still says the city; the levels would say the bureau.
        await MoveAsync(levels.City, "330782");

        await using var db = host.App.CreateDbContext();
        await using var transaction = await db.Database.BeginTransactionAsync(Ct);
        await db.Database.ExecuteSqlRawAsync("""UPDATE "ProposalBatches" SET "SentToUnitId" = NULL WHERE "Id" IN ({0}, {1})""",
            [withProposals, withoutProposals], Ct);
        // The second batch's proposal no longer shows where it went.
        await db.Database.ExecuteSqlRawAsync("""UPDATE "ProposalLevels" SET "BatchId" = NULL WHERE "BatchId" = {0}""", [withoutProposals], Ct);
        await db.Database.ExecuteSqlRawAsync(SentToBackfill.Sql, Ct);
        var after = await db.ProposalBatches.AsNoTracking().Where(b => b.Id == withProposals || b.Id == withoutProposals)
            .ToDictionaryAsync(b => b.Id, b => b.SentToUnitId, Ct);
        await transaction.RollbackAsync(Ct);

        Assert.Equal(levels.City, after[withProposals]);
        Assert.Null(after[withoutProposals]);
    }
}
