using System.Buffers.Binary;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Jiebang.Domain.Similarity;
using Jiebang.Web.Data;
using Jiebang.Web.Features.Similarity;
using Jiebang.Web.Tests.Features.Demands;
using Jiebang.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
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

    /// <summary>
    /// Funded projects that all carry the area's stock sentence, so that the corpus knows it as
    /// boilerplate: more records hold it than the boilerplate cut (20 in a small corpus).
    /// </summary>
    async Task ImportProjectsWithTheStockSentenceAsync(int count = 24)
    {
        var staff = await host.App.SignedInAsync("staff");
        string[] topics = ["高分子复合材料", "稀土永磁材料", "特种陶瓷纤维", "光学镀膜材料", "生物降解塑料", "锂电正极材料"];
        var csv = new StringBuilder("项目名称,承担单位,负责人,年度,主管部门,摘要\n");
        for (var i = 1; i <= count; i++)
            csv.Append($"历史项目{i},某单位{i},负责人{i},2021,市科技局,本项目开展{topics[i % topics.Length]}第{i}代工艺研究，完成中试样品{i * 3}批次并形成企业标准。{Boilerplate}\n");
        var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes(csv.ToString()));
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        form.Add(file, "file", "funded.csv");
        var preview = await (await staff.PostAsync("/api/similarity/imports", form, Ct)).Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal(count, preview.GetProperty("valid").GetInt32());
        var committed = await staff.PostAsync($"/api/similarity/imports/{preview.GetProperty("token").GetString()}/commit", null, Ct);
        Assert.Equal(HttpStatusCode.OK, committed.StatusCode);
    }

    [Fact]
    public async Task TwoDifferentDemandsOfTheSameArea_SharingOnlyAStockSentenceManyRecordsHold_AreNotFlagged()
    {
        await ImportProjectsWithTheStockSentenceAsync();
        await SubmitAsync("applicant-b", "宝剑透明防护涂层研制", CoatingBackground + "\n" + CoatingContent + "\n" + Boilerplate, "盐雾试验五百小时无锈蚀。");
        var other = await SubmitAsync("applicant-b", "高导热陶瓷散热片开发", CeramicsBackground + "\n" + Boilerplate, "热导率不低于一百五十瓦。");
        Assert.Empty(other.GetProperty("similar").EnumerateArray());
    }

    [Fact]
    public async Task Demand_ReusingOneParagraphOfAnotherDemand_IsCaught_AndTheOtherDemandOfTheAreaIsNot()
    {
        await ImportProjectsWithTheStockSentenceAsync();
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

    [Fact]
    public async Task TwoSentencesOfAnotherUnitsDescription_InsideOwnText_AreFlaggedWithTheirEvidence()
    {
        var source = await SubmitAsync("applicant-b", "涡旋压缩机降噪技术", CompressorDescription, "整机噪声降低三分贝。");
        var copying = await SubmitAsync("applicant-a", "寒冷地区热泵空调低温制热技术",
            HeatPumpOwnText[..120] + CompressorCore + HeatPumpOwnText[120..], HeatPumpTargets);

        var notice = Assert.Single(copying.GetProperty("similar").EnumerateArray());
        Assert.False(notice.GetProperty("sameUnit").GetBoolean());

        var staff = await host.App.SignedInAsync("staff");
        var copyingId = copying.GetProperty("demandId").GetInt32();
        var ranked = (await staff.GetFromJsonAsync<JsonElement>($"/api/similarity/demands/{copyingId}", Ct)).EnumerateArray().ToList();
        var flagged = Assert.Single(ranked, r => r.GetProperty("flagged").GetBoolean());
        Assert.Equal(source.GetProperty("demandId").GetInt32(), flagged.GetProperty("sourceId").GetInt32());
        Assert.InRange(flagged.GetProperty("passage").GetInt32(), 50, 70);

        await using var db = host.App.CreateDbContext();
        var mine = await db.SimilarityRecords.SingleAsync(r => r.SourceType == "Demand" && r.SourceId == copyingId, Ct);
        var compared = await staff.GetFromJsonAsync<JsonElement>($"/api/similarity/compare?a={mine.Id}&b={flagged.GetProperty("recordId").GetInt64()}", Ct);
        var longest = compared.GetProperty("spans").EnumerateArray().MaxBy(s => s.GetProperty("aLength").GetInt32());
        var shared = mine.Text.Substring(longest.GetProperty("aStart").GetInt32(), longest.GetProperty("aLength").GetInt32());
        Assert.Contains(shared, CompressorCore);
        Assert.True(shared.Length >= 50, shared);
    }

    [Fact]
    public async Task PassageCopiedFromTheTargetsIntoTheDescription_IsFlagged()
    {
        var source = await SubmitAsync("applicant-b", "涡旋压缩机降噪技术", "公司生产电动汽车空调用涡旋压缩机。", CompressorCore);
        var copying = await SubmitAsync("applicant-a", "寒冷地区热泵空调低温制热技术", HeatPumpOwnText + CompressorCore, HeatPumpTargets);

        var notice = Assert.Single(copying.GetProperty("similar").EnumerateArray());
        var staff = await host.App.SignedInAsync("staff");
        var ranked = await staff.GetFromJsonAsync<JsonElement>($"/api/similarity/demands/{copying.GetProperty("demandId").GetInt32()}", Ct);
        Assert.Contains(ranked.EnumerateArray(), r => r.GetProperty("flagged").GetBoolean()
            && r.GetProperty("sourceId").GetInt32() == source.GetProperty("demandId").GetInt32());
        Assert.True(notice.GetProperty("score").GetDouble() >= 0); // the notice names no other unit's content
        Assert.False(notice.TryGetProperty("title", out _));
    }

    [Theory]
    [InlineData(50, true)]
    [InlineData(80, false)]
    public async Task CopiedPassage_IsFlaggedByTheRoundsPassageSetting_AndStaffSeeItAmongTheNearestOtherwise(int passageChars, bool flagged)
    {
        await using (var db = host.App.CreateDbContext())
        {
            // A score threshold no passage of this length reaches: only the passage rule can flag it.
            var round = await db.Rounds.SingleAsync(r => r.PresetKey == "longquan-demand-2024", Ct);
            round.Settings = round.Settings with { SimilarityThreshold = 0.95, SimilarityPassageChars = passageChars };
            await db.SaveChangesAsync(Ct);
        }
        var source = await SubmitAsync("applicant-b", "涡旋压缩机降噪技术", CompressorDescription, "整机噪声降低三分贝。");
        var copying = await SubmitAsync("applicant-a", "寒冷地区热泵空调低温制热技术", HeatPumpOwnText + CompressorCore, HeatPumpTargets);

        Assert.Equal(flagged ? 1 : 0, copying.GetProperty("similar").GetArrayLength());
        var staff = await host.App.SignedInAsync("staff");
        var copyingId = copying.GetProperty("demandId").GetInt32();
        var ranked = (await staff.GetFromJsonAsync<JsonElement>($"/api/similarity/demands/{copyingId}", Ct)).EnumerateArray().ToList();
        var found = Assert.Single(ranked, r => r.GetProperty("sourceId").GetInt32() == source.GetProperty("demandId").GetInt32());
        Assert.Equal(flagged, found.GetProperty("flagged").GetBoolean());
        Assert.True(found.GetProperty("passage").GetInt32() >= 50, found.ToString());

        var page = await staff.GetStringAsync($"/Demands/Similar/{copyingId}", Ct);
        Assert.Equal(!flagged, page.Contains("data-testid=\"empty-state\"", StringComparison.Ordinal));
        Assert.Equal(!flagged, page.Contains("data-testid=\"nearest\"", StringComparison.Ordinal));
        Assert.Contains("涡旋压缩机降噪技术", page);
    }

    async Task<List<JsonElement>> StaffViewAsync(JsonElement receipt)
    {
        var staff = await host.App.SignedInAsync("staff");
        return (await staff.GetFromJsonAsync<JsonElement>($"/api/similarity/demands/{receipt.GetProperty("demandId").GetInt32()}", Ct))
            .EnumerateArray().ToList();
    }

    [Fact]
    public async Task FiftyCharsOfAnotherUnitsDescription_InsideATwoHundredCharDescription_AreFlagged()
    {
        var source = await SubmitAsync("applicant-b", "新能源汽车扁线电机高速化技术", MotorDescription, "最高转速每分钟两万转。");
        var copying = await SubmitAsync("applicant-a", "丘陵山区电动拖拉机整机开发", TractorOwnStart + MotorPassage + TractorOwnEnd, TractorTargets);

        var notice = Assert.Single(copying.GetProperty("similar").EnumerateArray());
        Assert.False(notice.GetProperty("sameUnit").GetBoolean());
        var flagged = Assert.Single(await StaffViewAsync(copying), r => r.GetProperty("flagged").GetBoolean());
        Assert.Equal(source.GetProperty("demandId").GetInt32(), flagged.GetProperty("sourceId").GetInt32());
        Assert.InRange(flagged.GetProperty("passage").GetInt32(), 52, 56);
        Assert.True(flagged.GetProperty("score").GetDouble() < 0.4, flagged.ToString()); // the passage rule flags it, not the score
    }

    [Fact]
    public async Task PassageCopiedFromTheDescriptionIntoTheTargets_FromMidSentenceWithOtherPunctuation_IsFlagged()
    {
        var source = await SubmitAsync("applicant-b", "新能源汽车扁线电机高速化技术", MotorDescription, "最高转速每分钟两万转。");
        var copying = await SubmitAsync("applicant-a", "丘陵山区电动拖拉机整机开发", TractorOwnStart + TractorOwnEnd,
            TractorTargets + "驱动电机" + MotorPassageRepunctuated + "。");

        Assert.Single(copying.GetProperty("similar").EnumerateArray());
        var flagged = Assert.Single(await StaffViewAsync(copying), r => r.GetProperty("flagged").GetBoolean());
        Assert.Equal(source.GetProperty("demandId").GetInt32(), flagged.GetProperty("sourceId").GetInt32());
        Assert.InRange(flagged.GetProperty("passage").GetInt32(), 55, 60);
    }

    [Fact]
    public async Task FortyCharsOfAnotherUnitsDescription_AreNotFlagged()
    {
        await SubmitAsync("applicant-b", "新能源汽车扁线电机高速化技术", MotorDescription, "最高转速每分钟两万转。");
        var copying = await SubmitAsync("applicant-a", "丘陵山区电动拖拉机整机开发", TractorOwnStart + MotorFortyChars + TractorOwnEnd, TractorTargets);

        Assert.Empty(copying.GetProperty("similar").EnumerateArray());
        var ranked = await StaffViewAsync(copying);
        Assert.DoesNotContain(ranked, r => r.GetProperty("flagged").GetBoolean());
        Assert.All(ranked, r => Assert.InRange(r.GetProperty("passage").GetInt32(), 0, 45));
    }

    [Theory]
    [InlineData(-3)] // before passage n-grams: −3, length, fingerprints, pairs, sentence hashes
    [InlineData(-4)] // with the first passage n-grams (20 字 at every 31st position), then the n-grams
    public async Task FundedProjectWhoseSketchAnOlderVersionSaved_IsSketchedAgainAtStart_AndItsPassageFound(int format)
    {
        await using (var db = host.App.CreateDbContext())
        {
            // As an older version saved it.
            var sketch = TextSketch.Of(MotorDescription, new SimilaritySettings { PassageGram = 20, PassageSpacing = 31 });
            uint[] keys = format == -3 ? [.. sketch.Fingerprints, .. sketch.Pairs, .. sketch.Sentences]
                : [.. sketch.Fingerprints, .. sketch.Pairs, .. sketch.Sentences, .. sketch.Passages];
            var header = format == -3 ? 16 : 20;
            var old = new byte[header + 4 * keys.Length];
            BinaryPrimitives.WriteInt32LittleEndian(old, format);
            BinaryPrimitives.WriteInt32LittleEndian(old.AsSpan(4), sketch.Length);
            BinaryPrimitives.WriteInt32LittleEndian(old.AsSpan(8), sketch.Fingerprints.Count);
            BinaryPrimitives.WriteInt32LittleEndian(old.AsSpan(12), sketch.Pairs.Count);
            if (format == -4) BinaryPrimitives.WriteInt32LittleEndian(old.AsSpan(16), sketch.Sentences.Count);
            for (var i = 0; i < keys.Length; i++) BinaryPrimitives.WriteUInt32LittleEndian(old.AsSpan(header + 4 * i), keys[i]);
            db.SimilarityRecords.Add(new SimilarityRecord
            {
                SourceType = DemandSimilarity.HistoricalSource, Title = "扁线电机油冷技术产业化", UnitName = "某电机公司", Year = 2022,
                Text = MotorDescription, Sketch = old, IndexedAt = host.App.Clock.GetUtcNow(),
            });
            await db.SaveChangesAsync(Ct);
        }
        host.App.Services.GetRequiredService<SimilarityService>().Reset(); // as at the first start after the upgrade

        var copying = await SubmitAsync("applicant-a", "丘陵山区电动拖拉机整机开发", TractorOwnStart + MotorPassage + TractorOwnEnd, TractorTargets);

        Assert.Single(copying.GetProperty("similar").EnumerateArray());
        var flagged = Assert.Single(await StaffViewAsync(copying), r => r.GetProperty("flagged").GetBoolean());
        Assert.Equal("Historical", flagged.GetProperty("sourceType").GetString());
        await using var after = host.App.CreateDbContext();
        var saved = await after.SimilarityRecords.SingleAsync(r => r.Title == "扁线电机油冷技术产业化", Ct);
        Assert.True(TextSketch.FromBytes(saved.Sketch).HasPassagesFor(new SimilaritySettings())); // written back: sketched once, not at every start
    }
}
