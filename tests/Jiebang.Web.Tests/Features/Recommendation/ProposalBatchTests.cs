using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Jiebang.Domain.Proposals;
using Jiebang.Domain.Proposals.Recommendation;
using Jiebang.Domain.Rounds;
using Jiebang.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Writer;

namespace Jiebang.Web.Tests.Features.Recommendation;

/// <summary>
/// A level's batch (issue 9, item 5): chosen from its recommended proposals, previewed with its quota, exported
/// in annex 4's 附件1 layout, its letters generated from the staff's templates, its three stamped scans uploaded,
/// and submitted before the recommenders' deadline, forwarding each proposal to the level above.
/// </summary>
[Trait("Category", "Database")]
public sealed class ProposalBatchTests(BatchHost host) : IClassFixture<BatchHost>
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    static async Task<JsonElement> Json(HttpResponseMessage response) => await response.Content.ReadFromJsonAsync<JsonElement>(Ct);

    /// <summary>A PDF's text without the spaces and line breaks LibreOffice puts between Chinese and digits and at each wrap.</summary>
    static string Squeezed(string text) => string.Concat(text.Where(c => !char.IsWhiteSpace(c)));

    static byte[] OnePagePdf()
    {
        var builder = new PdfDocumentBuilder();
        builder.AddPage(PageSize.A4);
        return builder.Build();
    }

    /// <summary>Two proposals filed through the county and recommended there, in a round of the test's own.</summary>
    async Task<(int Round, int First, int Second)> RecommendedAtCountyAsync()
    {
        var round = await host.CallAsync();
        var first = await host.SubmittedAsync(round, "高导热氮化铝陶瓷基板研制", 20m);
        var second = await host.SubmittedAsync(round, "竹木废弃物高值化利用技术", 30m);
        await host.RecommendAsync(first, host.County, "county-rec");
        await host.RecommendAsync(second, host.County, "county-rec");
        return (round, first, second);
    }

    static async Task<int> OpenAsync(HttpClient level, int round, params int[] proposals)
    {
        var opened = await level.PostAsJsonAsync("/api/recommend/batches", new { roundId = round, proposalIds = proposals }, Ct);
        Assert.True(opened.StatusCode == HttpStatusCode.Created, await opened.Content.ReadAsStringAsync(Ct));
        return (await Json(opened)).GetProperty("id").GetInt32();
    }

    static async Task<HttpResponseMessage> UploadAsync(HttpClient level, int batch, string document)
    {
        var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(OnePagePdf());
        file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        form.Add(file, "file", document + ".pdf");
        return await level.PostAsync($"/api/recommend/batches/{batch}/scans/{document}", form, Ct);
    }

    static async Task UploadAllAsync(HttpClient level, int batch)
    {
        foreach (var document in new[] { "RecommendationLetter", "Summary", "CommitmentLetter" })
            Assert.Equal(HttpStatusCode.Created, (await UploadAsync(level, batch, document)).StatusCode);
    }

    static Task<HttpResponseMessage> SubmitAsync(HttpClient level, int batch) =>
        level.PostAsJsonAsync($"/api/recommend/batches/{batch}/submit", new { opinion = "经审核，同意推荐。" }, Ct);

    [Fact]
    public async Task Batch_OfTwoAtTheCounty_ForwardsBothToTheCity_WhoseBatchSendsThemToTheBureau()
    {
        var (round, first, second) = await RecommendedAtCountyAsync();
        var county = await host.App.SignedInAsync("county-rec");
        var batch = await OpenAsync(county, round, first, second);
        await UploadAllAsync(county, batch);

        var submitted = await SubmitAsync(county, batch);

        Assert.True(submitted.IsSuccessStatusCode, await submitted.Content.ReadAsStringAsync(Ct));
        Assert.Equal(host.City, (await Json(submitted)).GetProperty("toUnitId").GetInt32());
        await using (var db = host.App.CreateDbContext())
        {
            var proposals = await db.Proposals.Include(p => p.Levels).Where(p => p.Id == first || p.Id == second).ToListAsync(Ct);
            Assert.All(proposals, p =>
            {
                Assert.Equal(host.City, p.HolderUnitId);
                Assert.Equal(ProposalStatus.Submitted, p.Status);
                var atCity = Assert.Single(p.Levels, l => l.UnitId == host.City);
                Assert.Equal((2, LevelDecision.Pending), (atCity.Level, atCity.Decision));
                Assert.NotNull(Assert.Single(p.Levels, l => l.UnitId == host.County).ForwardedAt);
            });
            Assert.Equal(1, await db.AuditEntries.CountAsync(a => a.Action == "batch.submitted" && a.EntityId == batch.ToString(), Ct));
        }

        // The city recommends both within its own quota (丽水市: 10), sees it used, and sends them to the bureau.
        await host.RecommendAsync(first, host.City, "city-rec");
        await host.RecommendAsync(second, host.City, "city-rec");
        var city = await host.App.SignedInAsync("city-rec");
        var cityBatch = await OpenAsync(city, round, first, second);
        var preview = await city.GetFromJsonAsync<JsonElement>($"/api/recommend/batches/{cityBatch}", Ct);
        Assert.Equal((10, 2, 8), (preview.GetProperty("quota").GetProperty("limit").GetInt32(),
            preview.GetProperty("quota").GetProperty("used").GetInt32(), preview.GetProperty("quota").GetProperty("left").GetInt32()));
        Assert.Equal(50m, preview.GetProperty("subsidyWan").GetDecimal());
        Assert.Equal(["测试企业甲", "测试企业甲"], preview.GetProperty("proposals").EnumerateArray().Select(p => p.GetProperty("unit").GetString()));
        await UploadAllAsync(city, cityBatch);

        var sent = await SubmitAsync(city, cityBatch);

        Assert.True(sent.IsSuccessStatusCode, await sent.Content.ReadAsStringAsync(Ct));
        await using var after = host.App.CreateDbContext();
        var done = await after.Proposals.Where(p => p.Id == first || p.Id == second).ToListAsync(Ct);
        Assert.All(done, p => Assert.Equal((ProposalStatus.Recommended, (int?)null), (p.Status, p.HolderUnitId)));
    }

    [Fact]
    public async Task Submit_WithoutTheCommitmentLettersScan_IsRefusedNamingIt_AndNothingMoves()
    {
        var (round, first, _) = await RecommendedAtCountyAsync();
        var county = await host.App.SignedInAsync("county-rec");
        var batch = await OpenAsync(county, round, first);
        Assert.Equal(HttpStatusCode.Created, (await UploadAsync(county, batch, "RecommendationLetter")).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await UploadAsync(county, batch, "Summary")).StatusCode);

        var refused = await SubmitAsync(county, batch);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        var finding = Assert.Single((await Json(refused)).GetProperty("findings").EnumerateArray());
        Assert.Equal("BATCH_SCAN_MISSING", finding.GetProperty("code").GetString());
        Assert.Contains("承诺书", finding.GetProperty("message").GetString());
        await using var db = host.App.CreateDbContext();
        Assert.Equal(host.County, (await db.Proposals.SingleAsync(p => p.Id == first, Ct)).HolderUnitId);
        Assert.Null((await db.ProposalBatches.SingleAsync(b => b.Id == batch, Ct)).SubmittedAt);
    }

    [Fact]
    public async Task Submit_AfterTheRecommendersDeadline_IsRefused()
    {
        var (round, first, second) = await RecommendedAtCountyAsync();
        var county = await host.App.SignedInAsync("county-rec");
        var batch = await OpenAsync(county, round, first, second);
        await UploadAllAsync(county, batch);
        await using (var db = host.App.CreateDbContext())
        {
            var stored = await db.Rounds.SingleAsync(r => r.Id == round, Ct);
            stored.Stages = [new RoundStage(RoundStageKind.Recommendation, null, host.App.Clock.GetUtcNow().AddMinutes(-1))];
            await db.SaveChangesAsync(Ct);
        }

        var late = await SubmitAsync(county, batch);

        Assert.Equal(HttpStatusCode.Conflict, late.StatusCode);
        Assert.Contains("ROUND_STAGE_CLOSED", await late.Content.ReadAsStringAsync(Ct));
        await using var after = host.App.CreateDbContext();
        Assert.Equal(host.County, (await after.Proposals.SingleAsync(p => p.Id == first, Ct)).HolderUnitId);
    }

    [Fact]
    public async Task Batch_OfAnotherUnit_IsNotFoundForItsRecommender_WhateverTheyTry()
    {
        var (round, first, _) = await RecommendedAtCountyAsync();
        var county = await host.App.SignedInAsync("county-rec");
        var batch = await OpenAsync(county, round, first);
        var other = await host.App.SignedInAsync("other-rec");

        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/api/recommend/batches/{batch}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/api/recommend/batches/{batch}/summary.xlsx", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/api/recommend/batches/{batch}/letters/CommitmentLetter", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await UploadAsync(other, batch, "Summary")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.PutAsJsonAsync($"/api/recommend/batches/{batch}/proposals", new { proposalIds = Array.Empty<int>() }, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await SubmitAsync(other, batch)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/Recommend/Batches/Details/{batch}", Ct)).StatusCode);
        // Nor can it put the county's proposal in a batch of its own.
        var own = await other.PostAsJsonAsync("/api/recommend/batches", new { roundId = round, proposalIds = new[] { first } }, Ct);
        Assert.Contains("BATCH_PROPOSAL_NOT_CANDIDATE", await own.Content.ReadAsStringAsync(Ct));
    }

    [Fact]
    public async Task Summary_AsXlsxAndDocx_OpensInLibreOffice_WithTheProjectsAndTheirSubsidies()
    {
        var (round, first, second) = await RecommendedAtCountyAsync();
        var county = await host.App.SignedInAsync("county-rec");
        var batch = await OpenAsync(county, round, first, second);

        foreach (var format in new[] { "xlsx", "docx" })
        {
            var response = await county.GetAsync($"/api/recommend/batches/{batch}/summary.{format}", Ct);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var file = Path.Combine(LibreOffice.ResultsDirectory, $"batch-summary.{format}");
            await File.WriteAllBytesAsync(file, await response.Content.ReadAsByteArrayAsync(Ct), Ct);
            var pdf = await LibreOffice.ConvertAsync(file, "pdf", Directory.CreateDirectory(Path.Combine(LibreOffice.ResultsDirectory, format)).FullName);
            await LibreOffice.PngPagesAsync(pdf);
            // A workbook's PDF reads column by column; a Word table's reads line by line across its cells, so the text export.
            var text = Squeezed(format == "xlsx" ? await LibreOffice.PdfTextAsync(pdf) : await File.ReadAllTextAsync(
                await LibreOffice.ConvertAsync(file, "txt", Directory.CreateDirectory(Path.Combine(LibreOffice.ResultsDirectory, "txt")).FullName), Ct));
            Assert.Contains("拟支持项目建议表", text);
            Assert.Contains("龙泉市科学技术局", text);
            Assert.Contains("高导热氮化铝陶瓷基板研制", text);
            Assert.Contains("竹木废弃物高值化利用技术", text);
            Assert.Contains(format == "xlsx" ? "20.00" : "20", text);
            Assert.Contains(format == "xlsx" ? "30.00" : "30", text);
            Assert.Contains(format == "xlsx" ? "120.00" : "120", text); // the second's self-funding
        }
    }

    [Fact]
    public async Task Letter_FromATemplateStaffEdited_CarriesTheEditFilledWithTheBatch()
    {
        var (round, first, second) = await RecommendedAtCountyAsync();
        var staff = await host.App.SignedInAsync("staff");
        var unknown = await staff.PutAsJsonAsync("/api/letters/recommendation-letter", new { title = "推荐函", body = "{推荐人}：请查收。" }, Ct);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, unknown.StatusCode);
        Assert.Contains("{推荐人}", await unknown.Content.ReadAsStringAsync(Ct));
        var edited = await staff.PutAsJsonAsync("/api/letters/recommendation-letter", new
        {
            title = "项目推荐函",
            body = "{报送对象}：\n\n经审核，{推荐单位}推荐以下{项目数}个项目参加本次遴选，合计{经费合计}万元：\n\n{项目清单}\n\n{推荐单位}（盖章）\n{日期}",
        }, Ct);
        Assert.Equal(HttpStatusCode.OK, edited.StatusCode);

        var county = await host.App.SignedInAsync("county-rec");
        var batch = await OpenAsync(county, round, first, second);
        var letter = await county.GetAsync($"/api/recommend/batches/{batch}/letters/RecommendationLetter", Ct);

        Assert.Equal(HttpStatusCode.OK, letter.StatusCode);
        var file = Path.Combine(LibreOffice.ResultsDirectory, "batch-recommendation-letter.docx");
        await File.WriteAllBytesAsync(file, await letter.Content.ReadAsByteArrayAsync(Ct), Ct);
        var pdf = await LibreOffice.ConvertAsync(file, "pdf", LibreOffice.ResultsDirectory);
        await LibreOffice.PngPagesAsync(pdf);
        var text = Squeezed(await LibreOffice.PdfTextAsync(pdf));
        Assert.Contains("项目推荐函", text);
        Assert.Contains("经审核，龙泉市科学技术局推荐以下2个项目参加本次遴选，合计50万元", text);
        Assert.Contains("丽水市科学技术局：", text);
        Assert.Contains("1.高导热氮化铝陶瓷基板研制（测试企业甲，拟申请财政补助20万元）", text);
        Assert.Contains("2024年3月20日", text);
        await using var db = host.App.CreateDbContext();
        Assert.True(await db.AuditEntries.AnyAsync(a => a.Action == "letter_template.edited" && a.EntityId == "recommendation-letter", Ct));
    }

    [Fact]
    public async Task Submit_TwiceAtTheSameMoment_GoesUpOnce()
    {
        var (round, first, second) = await RecommendedAtCountyAsync();
        var county = await host.App.SignedInAsync("county-rec");
        var colleague = await host.App.SignedInAsync("county-rec");
        var batch = await OpenAsync(county, round, first, second);
        await UploadAllAsync(county, batch);

        var answers = await Task.WhenAll(SubmitAsync(county, batch), SubmitAsync(colleague, batch));

        Assert.Single(answers, a => a.StatusCode == HttpStatusCode.OK);
        Assert.Single(answers, a => a.StatusCode == HttpStatusCode.Conflict);
        await using var db = host.App.CreateDbContext();
        Assert.Equal(2, await db.ProposalLevels.CountAsync(l => (l.ProposalId == first || l.ProposalId == second) && l.UnitId == host.City, Ct));
        Assert.Equal(1, await db.AuditEntries.CountAsync(a => a.Action == "batch.submitted" && a.EntityId == batch.ToString(), Ct));
        Assert.Equal(2, await db.ProposalEvents.CountAsync(e => (e.FilingId == first || e.FilingId == second), Ct)); // each submitted once, nothing more
    }

    [Fact]
    public async Task Proposal_InADraftBatch_CannotGoInAnother()
    {
        var (round, first, second) = await RecommendedAtCountyAsync();
        var county = await host.App.SignedInAsync("county-rec");
        var batch = await OpenAsync(county, round, first);

        var twice = await county.PostAsJsonAsync("/api/recommend/batches", new { roundId = round, proposalIds = new[] { first, second } }, Ct);

        Assert.Equal(HttpStatusCode.Conflict, twice.StatusCode);
        Assert.Contains($"BATCH_PROPOSAL_IN_OTHER_BATCH", await twice.Content.ReadAsStringAsync(Ct));
        await using var db = host.App.CreateDbContext();
        Assert.Equal(1, await db.ProposalBatches.CountAsync(b => b.RoundId == round, Ct));
        Assert.Null((await db.ProposalLevels.SingleAsync(l => l.ProposalId == second && l.UnitId == host.County, Ct)).BatchId);
        Assert.Equal(batch, (await db.ProposalLevels.SingleAsync(l => l.ProposalId == first && l.UnitId == host.County, Ct)).BatchId);
    }
}
