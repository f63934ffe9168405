using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Jiebang.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Writer;

namespace Jiebang.Web.Tests.Features.Recommendation;

/// <summary>The batch pages as a level's recommender uses them, and the staff's letter template editor.</summary>
[Trait("Category", "Database")]
public sealed partial class ProposalBatchPageTests(BatchHost host) : IClassFixture<BatchHost>
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    static async Task<HttpResponseMessage> UploadOnPageAsync(HttpClient client, int batch, string document)
    {
        var page = await client.GetStringAsync($"/Recommend/Batches/Details/{batch}", Ct);
        var builder = new PdfDocumentBuilder();
        builder.AddPage(PageSize.A4);
        var file = new ByteArrayContent(builder.Build());
        file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        var form = new MultipartFormDataContent
        {
            { new StringContent(Token().Match(page).Groups[1].Value), "__RequestVerificationToken" },
            { new StringContent(document), "Document" },
            { file, "file", document + ".pdf" },
        };
        return await client.PostAsync($"/Recommend/Batches/Details/{batch}?handler=Scan", form, Ct);
    }

    [Fact]
    public async Task BatchPages_ChooseUploadAndSubmit_ShowTheQuotaAndNameTheMissingScanInTheErrorSummary()
    {
        var round = await host.CallAsync();
        var first = await host.SubmittedAsync(round, "高导热氮化铝陶瓷基板研制", 20m);
        await host.RecommendAsync(first, host.County, "county-rec");
        var county = await host.App.SignedInAsync("county-rec");

        var list = await county.GetStringAsync("/Recommend/Batches", Ct);
        Assert.Contains("1个已推荐项目尚未放入批次", list);
        var edit = await county.GetStringAsync($"/Recommend/Batches/Edit?roundId={round}", Ct);
        Assert.Matches($"<input[^>]*name=\"ProposalIds\"[^>]*value=\"{first}\"[^>]*checked", edit);
        Assert.Contains($"<label class=\"form-check-label\" for=\"proposal-{first}\">高导热氮化铝陶瓷基板研制</label>", edit);

        var saved = await county.PostFormAsync($"/Recommend/Batches/Edit?roundId={round}",
            new Dictionary<string, string> { ["RoundId"] = round.ToString(), ["ProposalIds"] = first.ToString() });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var batch = int.Parse(saved.Headers.Location!.OriginalString.Split('/').Last());
        var details = await county.GetStringAsync($"/Recommend/Batches/Details/{batch}", Ct);
        Assert.Contains("已用1个（本级不单设限额，由上一级统一限额推荐）", details); // the county holds no quota: Lishui does
        Assert.Contains($"/api/recommend/batches/{batch}/summary.xlsx", details);
        Assert.Contains($"/api/recommend/batches/{batch}/letters/CommitmentLetter", details);
        Assert.Contains("丽水市科学技术局", details);

        Assert.Equal(HttpStatusCode.Redirect, (await UploadOnPageAsync(county, batch, "RecommendationLetter")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await UploadOnPageAsync(county, batch, "Summary")).StatusCode);
        var refused = await county.PostFormAsync($"/Recommend/Batches/Details/{batch}?handler=Submit",
            new Dictionary<string, string> { ["Opinion"] = "同意推荐。" }, $"/Recommend/Batches/Details/{batch}");
        var page = await refused.Content.ReadAsStringAsync(Ct);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("data-jb-error-summary", page);
        Assert.Contains("<a href=\"#file-CommitmentLetter\"", page);
        Assert.Contains("缺少承诺书的盖章扫描件", page);

        Assert.Equal(HttpStatusCode.Redirect, (await UploadOnPageAsync(county, batch, "CommitmentLetter")).StatusCode);
        var sent = await county.PostFormAsync($"/Recommend/Batches/Details/{batch}?handler=Submit",
            new Dictionary<string, string> { ["Opinion"] = "同意推荐。" }, $"/Recommend/Batches/Details/{batch}");
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        Assert.Contains("已报送1个项目至丽水市科学技术局", await county.GetStringAsync($"/Recommend/Batches/Details/{batch}", Ct));
        await using var db = host.App.CreateDbContext();
        Assert.Equal(host.City, (await db.Proposals.SingleAsync(p => p.Id == first, Ct)).HolderUnitId);
    }

    [Fact]
    public async Task LetterEditor_ListsThePlaceholders_AndRefusesAnUnknownOneByName()
    {
        var staff = await host.App.SignedInAsync("staff");
        var page = await staff.GetStringAsync("/Letters/Edit/commitment-letter", Ct);
        foreach (var placeholder in new[] { "{推荐单位}", "{项目数}", "{项目清单}", "{日期}" }) Assert.Contains(placeholder, page);

        var refused = await staff.PostFormAsync("/Letters/Edit/commitment-letter",
            new Dictionary<string, string> { ["Input.Title"] = "承诺书", ["Input.Body"] = "{负责人}承诺如下。" });

        var answer = await refused.Content.ReadAsStringAsync(Ct);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("data-jb-error-summary", answer);
        Assert.Contains("占位符{负责人}不存在", answer);
        await using var db = host.App.CreateDbContext();
        Assert.DoesNotContain("{负责人}", (await db.LetterTemplates.SingleAsync(t => t.Key == "commitment-letter", Ct)).Body);
        Assert.Equal(HttpStatusCode.Redirect, (await (await host.App.SignedInAsync("county-rec")).GetAsync("/Letters/Edit/commitment-letter", Ct)).StatusCode);
    }

    [Fact]
    public async Task LetterTemplate_PastItsLengthOrEmpty_IsRefusedNamingTheField()
    {
        var staff = await host.App.SignedInAsync("staff");

        var tooLong = await staff.PutAsJsonAsync("/api/letters/commitment-letter", new { title = "承诺书", body = new string('承', 8001) }, Ct);
        var empty = await staff.PutAsJsonAsync("/api/letters/commitment-letter", new { title = " ", body = "{推荐单位}承诺。" }, Ct);

        var longFinding = Assert.Single((await tooLong.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("findings").EnumerateArray());
        Assert.Equal(("FORM_TEXT_OVER_CEILING", "body"), (longFinding.GetProperty("code").GetString(), longFinding.GetProperty("field").GetString()));
        Assert.Contains("正文", longFinding.GetProperty("message").GetString());
        var emptyFinding = Assert.Single((await empty.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("findings").EnumerateArray());
        Assert.Equal(("LETTER_TEMPLATE_TEXT_REQUIRED", "title"), (emptyFinding.GetProperty("code").GetString(), emptyFinding.GetProperty("field").GetString()));
        Assert.StartsWith("标题", emptyFinding.GetProperty("message").GetString());
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex Token();
}
