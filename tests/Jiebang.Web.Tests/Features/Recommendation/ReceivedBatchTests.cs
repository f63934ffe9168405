using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Jiebang.Web.Tests.Infrastructure;
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
}
