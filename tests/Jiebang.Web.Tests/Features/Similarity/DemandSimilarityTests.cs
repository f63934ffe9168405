using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Jiebang.Web.Tests.Features.Demands;
using Jiebang.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Jiebang.Web.Tests.Features.Similarity.SimilarityTexts;

namespace Jiebang.Web.Tests.Features.Similarity;

/// <summary>Each test has an app of its own: what one indexes must not be found by another.</summary>
[Trait("Category", "Database")]
public sealed class DemandSimilarityTests : IAsyncLifetime
{
    readonly AppWithPersonas host = new();

    public ValueTask InitializeAsync() => host.InitializeAsync();
    public ValueTask DisposeAsync() => host.DisposeAsync();

    static CancellationToken Ct => TestContext.Current.CancellationToken;

    async Task<JsonElement> SubmitAsync(string persona, string name, string description, string technicalTargets, string profile = "企业简介。")
    {
        await using var db = host.App.CreateDbContext();
        var round = await db.Rounds.Where(r => r.PresetKey == "longquan-demand-2024").Select(r => r.Id).SingleAsync(Ct);
        var client = await host.App.SignedInAsync(persona);
        var created = await client.PostAsJsonAsync("/api/demands", new { roundId = round, formKey = "annex2" }, Ct);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetInt32();
        var values = Annex2Values.Valid(name);
        (values["description"], values["technicalTargets"], values["profile"]) = (description, technicalTargets, profile);
        var saved = await client.PutAsJsonAsync($"/api/demands/{id}/draft", new { values }, Ct);
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        var submitted = await client.PostAsync($"/api/demands/{id}/submit", null, Ct);
        Assert.True(submitted.StatusCode == HttpStatusCode.OK, await submitted.Content.ReadAsStringAsync(Ct));
        return await submitted.Content.ReadFromJsonAsync<JsonElement>(Ct);
    }

    [Fact]
    public async Task ResubmittedDemand_WithNewTitleAndReorderedParagraphs_IsCaught()
    {
        var first = await SubmitAsync("applicant-a", "高导热氮化铝陶瓷基板研制", CeramicsBackground + "\n" + CeramicsContent, CeramicsTargets);
        Assert.Empty(first.GetProperty("similar").EnumerateArray());

        var again = await SubmitAsync("applicant-a", "电动压缩机控制器用散热基板关键技术攻关",
            CeramicsContent + "\n" + CeramicsBackground, CeramicsTargets);
        var notice = Assert.Single(again.GetProperty("similar").EnumerateArray());
        Assert.True(notice.GetProperty("score").GetDouble() >= 0.4);
        Assert.True(notice.GetProperty("sameUnit").GetBoolean());
        Assert.Equal("高导热氮化铝陶瓷基板研制", notice.GetProperty("ownTitle").GetString());

        var staff = await host.App.SignedInAsync("staff");
        var ranked = await staff.GetFromJsonAsync<JsonElement>($"/api/similarity/demands/{again.GetProperty("demandId").GetInt32()}", Ct);
        var top = ranked.EnumerateArray().First();
        Assert.Equal("高导热氮化铝陶瓷基板研制", top.GetProperty("title").GetString());
    }

    [Fact]
    public async Task Demand_ReusingOneParagraphOfAFundedProject_IsCaughtWithEvidence()
    {
        var staff = await host.App.SignedInAsync("staff");
        var csv = "项目名称,承担单位,负责人,年度,主管部门,摘要\n"
            + $"功率模块用氮化铝陶瓷基板产业化,丽水某新材料公司,张工,2021,浙江省科技厅,{FundedAbstract}\n"
            + "缺摘要的项目,某单位,李工,2020,市科技局,太短\n";
        var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(Encoding.GetEncoding("utf-8").GetBytes(csv));
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        form.Add(file, "file", "funded.csv");
        var preview = await (await staff.PostAsync("/api/similarity/imports", form, Ct)).Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal(1, preview.GetProperty("valid").GetInt32());
        var rows = preview.GetProperty("rows").EnumerateArray().ToList();
        Assert.Contains("IMPORT_ABSTRACT_TOO_SHORT", rows[1].GetProperty("errors")[0].GetProperty("code").GetString());
        await using (var before = host.App.CreateDbContext())
            Assert.False(await before.SimilarityRecords.AnyAsync(r => r.Title == "功率模块用氮化铝陶瓷基板产业化", Ct)); // nothing saved by a preview
        var committed = await staff.PostAsync($"/api/similarity/imports/{preview.GetProperty("token").GetString()}/commit", null, Ct);
        Assert.Equal(1, (await committed.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("imported").GetInt32());

        // Otherwise new text, with one paragraph of the funded project's abstract inside.
        var receipt = await SubmitAsync("applicant-a", "储能变流器功率模块散热技术",
            NewTextAroundReusedParagraph + "\n" + CeramicsContent + "\n" + "同时开发模块级热仿真软件，建立寿命预测模型。", "模块寿命提升一倍。");
        var demandId = receipt.GetProperty("demandId").GetInt32();
        var ranked = await staff.GetFromJsonAsync<JsonElement>($"/api/similarity/demands/{demandId}", Ct);
        var funded = ranked.EnumerateArray().Single(r => r.GetProperty("sourceType").GetString() == "Historical");
        Assert.True(funded.GetProperty("score").GetDouble() >= 0.4, funded.ToString());
        Assert.Contains(receipt.GetProperty("similar").EnumerateArray(), s => s.GetProperty("score").GetDouble() >= 0.4);

        await using var db = host.App.CreateDbContext();
        var mine = await db.SimilarityRecords.SingleAsync(r => r.SourceType == "Demand" && r.SourceId == demandId, Ct);
        var compared = await staff.GetFromJsonAsync<JsonElement>($"/api/similarity/compare?a={mine.Id}&b={funded.GetProperty("recordId").GetInt64()}", Ct);
        var spans = compared.GetProperty("spans").EnumerateArray().ToList();
        Assert.NotEmpty(spans);
        var longest = spans.MaxBy(s => s.GetProperty("aLength").GetInt32());
        var shared = mine.Text.Substring(longest.GetProperty("aStart").GetInt32(), longest.GetProperty("aLength").GetInt32());
        Assert.True(shared.Length >= 40, shared);
        Assert.Contains(shared, CeramicsContent);

        var page = await staff.GetStringAsync($"/Similarity/Compare?a={mine.Id}&b={funded.GetProperty("recordId").GetInt64()}", Ct);
        Assert.Contains("<mark>", page);
    }

    [Fact]
    public async Task TwoDifferentDemandsOfTheSameArea_AreNotFlagged()
    {
        await SubmitAsync("applicant-b", "宝剑透明防护涂层研制", CoatingBackground + "\n" + CoatingContent + "\n" + Boilerplate, "盐雾试验五百小时无锈蚀。");
        var other = await SubmitAsync("applicant-b", "高导热陶瓷散热片开发", CeramicsBackground + "\n" + Boilerplate, "热导率不低于一百五十瓦。");
        Assert.Empty(other.GetProperty("similar").EnumerateArray());
    }

    [Fact]
    public async Task Demand_ReusingOneParagraphOfAnotherDemand_IsCaught_AndTheOtherDemandOfTheAreaIsNot()
    {
        await SubmitAsync("applicant-b", "宝剑透明防护涂层研制", CoatingBackground + "\n" + CoatingContent + "\n" + Boilerplate, "盐雾试验五百小时无锈蚀。");
        await SubmitAsync("applicant-b", "高导热氮化铝陶瓷基板研制", CeramicsBackground + "\n" + CeramicsContent + "\n" + Boilerplate, CeramicsTargets);

        // New text around one paragraph (91 字 without punctuation) of the ceramics demand, and the area's boilerplate.
        var reusing = await SubmitAsync("applicant-a", "储能变流器功率模块散热技术",
            NewTextAroundReusedParagraph + "\n" + CeramicsContent + "\n" + Boilerplate, "模块寿命提升一倍。");

        var similar = reusing.GetProperty("similar").EnumerateArray().ToList();
        var notice = Assert.Single(similar);
        Assert.True(notice.GetProperty("score").GetDouble() >= 0.4, notice.ToString());
        Assert.False(notice.GetProperty("sameUnit").GetBoolean());

        var staff = await host.App.SignedInAsync("staff");
        var ranked = await staff.GetFromJsonAsync<JsonElement>($"/api/similarity/demands/{reusing.GetProperty("demandId").GetInt32()}", Ct);
        Assert.Equal(["高导热氮化铝陶瓷基板研制"], ranked.EnumerateArray().Where(r => r.GetProperty("score").GetDouble() >= 0.4)
            .Select(r => r.GetProperty("title").GetString()));
    }
}
