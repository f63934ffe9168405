using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Jiebang.Web.Tests.Features.Demands;
using Jiebang.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Jiebang.Web.Tests.Features.Similarity.SimilarityTexts;

namespace Jiebang.Web.Tests.Features.Similarity;

/// <summary>
/// A recommending unit reads the 查重 of the demands its members sent through it, and only those; of
/// another unit's record it reads the scores and what they mean, not the name or text. Each score explains itself.
/// </summary>
[Trait("Category", "Database")]
public sealed class RecommenderSimilarityTests : IAsyncLifetime
{
    readonly AppWithPersonas host = new();

    public ValueTask InitializeAsync() => host.InitializeAsync();
    public ValueTask DisposeAsync() => host.DisposeAsync();

    static CancellationToken Ct => TestContext.Current.CancellationToken;

    async Task<int> FileAsync(string persona, string name, string description, int? through, bool submit = true)
    {
        await using var db = host.App.CreateDbContext();
        var round = await db.Rounds.Where(r => r.PresetKey == "longquan-demand-2024").Select(r => r.Id).SingleAsync(Ct);
        var client = await host.App.SignedInAsync(persona);
        var created = await client.PostAsJsonAsync("/api/demands", new { roundId = round, formKey = "annex2" }, Ct);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetInt32();
        var values = Annex2Values.Valid(name);
        (values["description"], values["technicalTargets"]) = (description, CeramicsTargets);
        object draft = through is { } unit
            ? new { values, kind = "IndustryCommon", recommenderUnitId = unit }
            : new { values };
        Assert.Equal(HttpStatusCode.OK, (await client.PutAsJsonAsync($"/api/demands/{id}/draft", draft, Ct)).StatusCode);
        if (submit)
        {
            var submitted = await client.PostAsync($"/api/demands/{id}/submit", null, Ct);
            Assert.True(submitted.StatusCode == HttpStatusCode.OK, await submitted.Content.ReadAsStringAsync(Ct));
        }
        return id;
    }

    static int Percent(double share) => (int)Math.Round(share * 100, MidpointRounding.AwayFromZero);

    [Fact]
    public async Task Similar_MembersDemand_ShowsTheScoresAndTheirMeaning_ButNotTheOtherUnitsNameOrText()
    {
        var association = host.Personas.Association;
        var other = await FileAsync("applicant-b", "乙企业陶瓷基板需求", CeramicsBackground + "\n" + CeramicsContent, through: null);
        var member = await FileAsync("applicant-a", "甲企业陶瓷基板需求", CeramicsContent + "\n" + CeramicsBackground, through: association);

        var recommender = await host.App.SignedInAsync("recommender");
        var page = WebUtility.HtmlDecode(await recommender.GetStringAsync($"/Demands/Similar/{member}", Ct));
        Assert.Contains("data-testid=\"flagged\"", page);
        Assert.Contains("另一单位的记录（名称和内容仅科技局可见）", page);
        Assert.DoesNotContain("乙企业陶瓷基板需求", page);
        Assert.DoesNotContain("测试企业乙", page);
        Assert.DoesNotContain("/Similarity/Compare", page);
        Assert.Contains("的内容相同（相似度，不计多数记录共有的套话）", page);

        var api = await recommender.GetFromJsonAsync<JsonElement>($"/api/similarity/demands/{member}", Ct);
        var hidden = Assert.Single(api.EnumerateArray(), r => r.GetProperty("hidden").GetBoolean());
        Assert.Equal("", hidden.GetProperty("title").GetString());
        var otherRecord = hidden.GetProperty("recordId").GetInt64();

        // Another unit's demand, the compare view of it, and a staff-only route are not the recommender's.
        Assert.Equal(HttpStatusCode.NotFound, (await recommender.GetAsync($"/Demands/Similar/{other}", Ct)).StatusCode);
        var memberRecord = await RecordOfAsync(member);
        Assert.Equal(HttpStatusCode.NotFound, (await recommender.GetAsync($"/Similarity/Compare?a={memberRecord}&b={otherRecord}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await recommender.GetAsync($"/api/similarity/compare?a={memberRecord}&b={otherRecord}", Ct)).StatusCode);
    }

    [Fact]
    public async Task Similar_TwoMembersDemands_AreNamedAndComparedSideBySideForTheAssociation()
    {
        var association = host.Personas.Association;
        var first = await FileAsync("applicant-b", "乙企业经协会报送的基板需求", CeramicsBackground + "\n" + CeramicsContent, through: association);
        var second = await FileAsync("applicant-a", "甲企业经协会报送的基板需求", CeramicsContent + "\n" + CeramicsBackground, through: association);

        var recommender = await host.App.SignedInAsync("recommender");
        var page = WebUtility.HtmlDecode(await recommender.GetStringAsync($"/Demands/Similar/{second}", Ct));
        Assert.Contains("乙企业经协会报送的基板需求", page);
        var api = await recommender.GetFromJsonAsync<JsonElement>($"/api/similarity/demands/{second}", Ct);
        var row = api.EnumerateArray().Single(r => r.GetProperty("sourceId").ValueKind == JsonValueKind.Number && r.GetProperty("sourceId").GetInt32() == first);
        Assert.False(row.GetProperty("hidden").GetBoolean());
        var compare = await recommender.GetAsync($"/Similarity/Compare?a={await RecordOfAsync(second)}&b={row.GetProperty("recordId").GetInt64()}", Ct);
        Assert.Equal(HttpStatusCode.OK, compare.StatusCode);
        Assert.Contains("data-testid=\"similar-explained\"", await compare.Content.ReadAsStringAsync(Ct));
    }

    async Task<long> RecordOfAsync(int demandId)
    {
        await using var db = host.App.CreateDbContext();
        return await db.SimilarityRecords.Where(r => r.SourceType == "Demand" && r.SourceId == demandId).Select(r => r.Id).SingleAsync(Ct);
    }

    [Fact]
    public async Task Similar_DraftOrOwnDemand_IsNotFoundForTheAssociation()
    {
        var association = host.Personas.Association;
        var draft = await FileAsync("applicant-a", "未提交的协会需求", CeramicsContent, through: association, submit: false);
        var recommender = await host.App.SignedInAsync("recommender");
        Assert.Equal(HttpStatusCode.NotFound, (await recommender.GetAsync($"/Demands/Similar/{draft}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await host.App.SignedInAsync("applicant-a")).GetAsync($"/api/similarity/demands/{draft}", Ct)).StatusCode);
    }

    [Fact]
    public async Task SimilarPage_EachScore_SaysInASentenceWhatItMeasures()
    {
        await FileAsync("applicant-b", "较长的原需求", CeramicsBackground + "\n" + CeramicsContent + "\n" + CoatingBackground, through: null);
        var shorter = await FileAsync("applicant-a", "较短的新需求", CeramicsContent, through: null);
        var staff = await host.App.SignedInAsync("staff");
        var row = (await staff.GetFromJsonAsync<JsonElement>($"/api/similarity/demands/{shorter}", Ct)).EnumerateArray()
            .Single(r => r.GetProperty("title").GetString() == "较长的原需求");
        Assert.True(row.GetProperty("thisIsShorter").GetBoolean());
        var page = WebUtility.HtmlDecode(await staff.GetStringAsync($"/Demands/Similar/{shorter}", Ct));
        var (resemblance, containment, score) = (row.GetProperty("resemblance").GetDouble(), row.GetProperty("containment").GetDouble(),
            row.GetProperty("score").GetDouble());
        Assert.True(resemblance < containment, $"{resemblance} vs {containment}: the shorter text is mostly inside the longer");
        Assert.Contains($"两份文本约 {Percent(resemblance)}% 的内容相同（相似度，不计多数记录共有的套话）；本需求约 {Percent(containment)}% 的内容出现在对方文本中（包含度）。", page);
        Assert.Contains(score > containment + 0.005 ? $"查重分 {score:0.00} 高于包含度" : $"查重分 {score:0.00} 即包含度。", page);
    }
}
