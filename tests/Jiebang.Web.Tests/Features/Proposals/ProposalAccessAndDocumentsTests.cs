using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DocumentFormat.OpenXml.Packaging;
using Jiebang.Web.Data;
using Jiebang.Web.Features.Similarity;
using Jiebang.Web.Tests.Features.Similarity;
using Jiebang.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Jiebang.Web.Tests.Features.Proposals;

/// <summary>Who reaches a proposal by its id; its Word file out and back in; 查重 against a demand it copies.</summary>
[Trait("Category", "Database")]
public sealed class ProposalAccessAndDocumentsTests(AppWithPersonas host) : IClassFixture<AppWithPersonas>
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    static async Task<JsonElement> Json(HttpResponseMessage response) => await response.Content.ReadFromJsonAsync<JsonElement>(Ct);

    async Task<(HttpClient Client, int Id)> FilledAsync(System.Text.Json.Nodes.JsonObject values)
    {
        var call = await TestCalls.OpenCallAsync(host.App);
        var client = await host.App.SignedInAsync("applicant-a");
        var id = (await Json(await client.PostAsJsonAsync("/api/proposals", new { itemId = call.PublishedItemId }, Ct))).GetProperty("id").GetInt32();
        await client.PutAsJsonAsync($"/api/proposals/{id}/draft", new { values, recommenderUnitId = host.Personas.Association }, Ct);
        return (client, id);
    }

    [Fact]
    public async Task Proposal_ById_ReachesOnlyItsUnitThenItsRecommender()
    {
        var (owner, id) = await FilledAsync(TestCalls.CompleteValues());
        var other = await host.App.SignedInAsync("applicant-b");
        var recommender = await host.App.SignedInAsync("recommender");
        var staff = await host.App.SignedInAsync("staff");
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/api/proposals/{id}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/Proposals/Details/{id}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await recommender.GetAsync($"/api/proposals/{id}", Ct)).StatusCode); // a draft is its unit's alone
        Assert.Equal(HttpStatusCode.Unauthorized, (await host.App.NewClient().GetAsync($"/api/proposals/{id}", Ct)).StatusCode);

        Assert.True((await owner.PostAsync($"/api/proposals/{id}/submit", null, Ct)).IsSuccessStatusCode);
        var seen = await recommender.GetFromJsonAsync<JsonElement>($"/api/proposals/{id}", Ct);
        Assert.Equal("3301**********123X", seen.GetProperty("values").GetProperty("leaderIdNumber").GetString()); // masked outside the unit
        Assert.Equal(HttpStatusCode.Forbidden, (await recommender.PutAsJsonAsync($"/api/proposals/{id}/draft", new { }, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await staff.GetAsync($"/api/proposals/{id}", Ct)).StatusCode); // not recommended on yet
        Assert.Equal(HttpStatusCode.NotFound, (await other.PostAsync($"/api/proposals/{id}/withdraw", null, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.PostAsJsonAsync($"/api/proposals/{id}/return", new { reason = "x" }, Ct)).StatusCode);
    }

    [Fact]
    public async Task Proposal_ExportedToWordAndImportedIntoAnother_KeepsItsValues()
    {
        var (client, id) = await FilledAsync(TestCalls.CompleteValues(content: "研究高纯氮化铝粉体合成与流延成型工艺，建立年产十万片中试生产线。"));
        var bytes = await client.GetByteArrayAsync($"/api/proposals/{id}/docx", Ct);
        using (var document = WordprocessingDocument.Open(new MemoryStream(bytes), false))
        {
            var text = document.MainDocumentPart!.Document!.Body!.InnerText;
            Assert.Contains("项目申报书", text);
            Assert.Contains("建立年产十万片中试生产线", text);
        }

        var (_, copy) = await FilledAsync(new System.Text.Json.Nodes.JsonObject());
        var upload = new MultipartFormDataContent { { new ByteArrayContent(bytes), "file", "proposal.docx" } };
        var imported = await client.PostAsync($"/api/proposals/{copy}/docx", upload, Ct);
        Assert.True(imported.IsSuccessStatusCode, await imported.Content.ReadAsStringAsync(Ct));
        var values = (await client.GetFromJsonAsync<JsonElement>($"/api/proposals/{copy}", Ct)).GetProperty("values");
        Assert.Equal("研究高纯氮化铝粉体合成与流延成型工艺，建立年产十万片中试生产线。", values.GetProperty("content").GetString());
        Assert.Equal("33010219800101123X", values.GetProperty("leaderIdNumber").GetString());
        Assert.Equal("40", values.GetProperty("subsidyRequested").ToString());
    }

    [Fact]
    public async Task Submit_ProposalCopyingADemandsSentences_IsFlaggedToTheApplicant()
    {
        using (var scope = host.App.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<JiebangDbContext>();
            await scope.ServiceProvider.GetRequiredService<SimilarityService>().IndexAsync(db, new SimilarityRecord
            {
                SourceType = DemandSimilarity.DemandSource, SourceId = 424242, Title = "氮化铝陶瓷基板需求", UnitName = "测试企业乙",
                Text = SimilarityTexts.CeramicsBackground + SimilarityTexts.CeramicsContent + SimilarityTexts.CeramicsTargets, Sketch = [],
                IndexedAt = host.App.Clock.GetUtcNow(),
            }, Ct);
        }
        var values = TestCalls.CompleteValues("氮化铝基板产业化", SimilarityTexts.CeramicsContent);
        values["background"] = SimilarityTexts.CeramicsBackground;
        values["expectedResults"] = SimilarityTexts.CeramicsTargets;
        var (client, id) = await FilledAsync(values);
        var receipt = await Json(await client.PostAsync($"/api/proposals/{id}/submit", null, Ct));
        Assert.True(receipt.GetProperty("similar").GetArrayLength() > 0, receipt.ToString());
    }
}
