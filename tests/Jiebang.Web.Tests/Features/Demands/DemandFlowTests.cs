using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Jiebang.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Jiebang.Web.Tests.Features.Demands;

[Trait("Category", "Database")]
public sealed class DemandFlowTests(AppWithPersonas host) : IClassFixture<AppWithPersonas>
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    async Task<int> PresetRoundAsync()
    {
        await using var db = host.App.CreateDbContext();
        return await db.Rounds.Where(r => r.PresetKey == "longquan-demand-2024").Select(r => r.Id).SingleAsync(Ct);
    }

    async Task<(HttpClient Client, int Id)> StartAsync(string persona = "applicant-a", string form = "annex2")
    {
        var client = await host.App.SignedInAsync(persona);
        var created = await client.PostAsJsonAsync("/api/demands", new { roundId = await PresetRoundAsync(), formKey = form }, Ct);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetInt32();
        return (client, id);
    }

    static async Task<JsonElement> Json(HttpResponseMessage response) => await response.Content.ReadFromJsonAsync<JsonElement>(Ct);

    static IEnumerable<string> Codes(JsonElement findings) => findings.EnumerateArray().Select(f => f.GetProperty("code").GetString()!);

    [Fact]
    public async Task SaveDraft_TooLongDescription_KeepsItWholeAndReportsTheRuleWithItsLabel()
    {
        var (client, id) = await StartAsync();
        var values = Annex2Values.Valid();
        var longText = string.Concat(Enumerable.Repeat("高导热陶瓷基板AI2024", 130)); // 130 × (7 CJK + 1 Latin run) = 1040 字
        values["description"] = longText;
        var saved = await Json(await client.PutAsJsonAsync($"/api/demands/{id}/draft", new { values }, Ct));
        var finding = saved.GetProperty("findings").EnumerateArray().Single(f => f.GetProperty("field").GetString() == "description");
        Assert.Equal("FORM_TEXT_TOO_LONG", finding.GetProperty("code").GetString());
        Assert.Equal("error", finding.GetProperty("severity").GetString());
        Assert.Contains("技术需求描述", finding.GetProperty("message").GetString());
        Assert.Contains("1040", finding.GetProperty("message").GetString());

        var detail = await client.GetFromJsonAsync<JsonElement>($"/api/demands/{id}", Ct);
        Assert.Equal(longText, detail.GetProperty("values").GetProperty("description").GetString());

        var submit = await client.PostAsync($"/api/demands/{id}/submit", null, Ct);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, submit.StatusCode);
        Assert.Contains("FORM_TEXT_TOO_LONG", Codes((await Json(submit)).GetProperty("findings")));
    }

    [Fact]
    public async Task Submit_ValidForm_GivesAReceiptInChinaTime_AndAConcurrentDoubleSubmitMakesOneVersion()
    {
        var (client, id) = await StartAsync();
        await client.PutAsJsonAsync($"/api/demands/{id}/draft", new { values = Annex2Values.Valid() }, Ct);
        var twin = await host.App.SignedInAsync("applicant-a");
        var answers = await Task.WhenAll(client.PostAsync($"/api/demands/{id}/submit", null, Ct), twin.PostAsync($"/api/demands/{id}/submit", null, Ct));
        Assert.All(answers, a => Assert.Equal(HttpStatusCode.OK, a.StatusCode));
        var receipts = await Task.WhenAll(answers.Select(Json));
        Assert.Equal(receipts[0].GetProperty("receiptNumber").GetString(), receipts[1].GetProperty("receiptNumber").GetString());
        Assert.EndsWith("(UTC+8)", receipts[0].GetProperty("submittedAtChina").GetString());
        await using var db = host.App.CreateDbContext();
        Assert.Equal(1, await db.DemandVersions.CountAsync(v => v.FilingId == id, Ct));
        Assert.Equal(1, await db.AuditEntries.CountAsync(a => a.Action == "demand.submitted" && a.EntityId == id.ToString(), Ct));
    }

    [Fact]
    public async Task ReturnFixResubmitAccept_KeepsBothVersionsAndShowsTheDifference()
    {
        var (client, id) = await StartAsync();
        await client.PutAsJsonAsync($"/api/demands/{id}/draft", new { values = Annex2Values.Valid() }, Ct);
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync($"/api/demands/{id}/submit", null, Ct)).StatusCode);

        var staff = await host.App.SignedInAsync("staff");
        var returned = await staff.PostAsJsonAsync($"/api/demands/{id}/decision", new { decision = "Return", reason = "请量化经济社会指标" }, Ct);
        Assert.Equal("Returned", (await Json(returned)).GetProperty("status").GetString());

        var fixedValues = Annex2Values.Valid();
        fixedValues["economicSocialTargets"] = "项目完成后3年新增产值8000万元，新增就业50人。";
        await client.PutAsJsonAsync($"/api/demands/{id}/draft", new { values = fixedValues }, Ct);
        var resubmitted = await Json(await client.PostAsync($"/api/demands/{id}/submit", null, Ct));
        Assert.Equal(2, resubmitted.GetProperty("version").GetInt32());

        var diff = await staff.GetFromJsonAsync<JsonElement>($"/api/demands/{id}/diff?from=1&to=2", Ct);
        var change = Assert.Single(diff.EnumerateArray());
        Assert.Equal("经济社会指标", change.GetProperty("label").GetString());

        var accepted = await staff.PostAsJsonAsync($"/api/demands/{id}/decision", new { decision = "Accept" }, Ct);
        Assert.Equal("Accepted", (await Json(accepted)).GetProperty("status").GetString());
        var detail = await client.GetFromJsonAsync<JsonElement>($"/api/demands/{id}", Ct);
        Assert.Contains(detail.GetProperty("history").EnumerateArray(), e => e.GetProperty("reason").GetString() == "请量化经济社会指标");
    }

    [Fact]
    public async Task IndustryNeed_GoesThroughTheRecommender_AndReachesTheBureauInItsBatch()
    {
        var (client, id) = await StartAsync();
        await client.PutAsJsonAsync($"/api/demands/{id}/draft", new { values = Annex2Values.Valid("汽车空调压缩机共性降噪技术"), kind = "IndustryCommon" }, Ct);
        var refused = await client.PostAsync($"/api/demands/{id}/submit", null, Ct);
        Assert.Contains("DEMAND_RECOMMENDER_REQUIRED", await refused.Content.ReadAsStringAsync(Ct));

        int association;
        await using (var db = host.App.CreateDbContext())
            association = await db.Units.Where(u => u.Name == "测试行业协会").Select(u => u.Id).SingleAsync(Ct);
        await client.PutAsJsonAsync($"/api/demands/{id}/draft",
            new { values = Annex2Values.Valid("汽车空调压缩机共性降噪技术"), kind = "IndustryCommon", recommenderUnitId = association }, Ct);
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync($"/api/demands/{id}/submit", null, Ct)).StatusCode);

        var staff = await host.App.SignedInAsync("staff");
        var early = await staff.GetFromJsonAsync<JsonElement>("/api/demands/inbox?text=降噪", Ct);
        Assert.Empty(early.GetProperty("rows").EnumerateArray()); // still with the association

        var recommender = await host.App.SignedInAsync("recommender");
        Assert.Contains((await recommender.GetFromJsonAsync<JsonElement>("/api/demands/sent-to-me", Ct)).EnumerateArray(),
            d => d.GetProperty("id").GetInt32() == id);
        Assert.Equal(HttpStatusCode.OK, (await recommender.PostAsJsonAsync($"/api/demands/{id}/decision", new { decision = "Accept" }, Ct)).StatusCode);
        var batch = await recommender.PostAsJsonAsync("/api/recommendation-batches", new { roundId = await PresetRoundAsync(), opinion = "经协会遴选，同意推荐。" }, Ct);
        Assert.Equal(HttpStatusCode.Created, batch.StatusCode);

        var summary = await recommender.GetAsync($"/api/recommendation-batches/summary.xlsx?roundId={await PresetRoundAsync()}", Ct);
        using (var sheet = new MemoryStream(await summary.Content.ReadAsByteArrayAsync(Ct)))
            Assert.Contains(MiniExcelLibs.MiniExcel.Query(sheet, useHeaderRow: true).Cast<IDictionary<string, object?>>(),
                r => (string?)r["需求名称"] == "汽车空调压缩机共性降噪技术");

        var inbox = await staff.GetFromJsonAsync<JsonElement>($"/api/demands/inbox?text=降噪&channel={association}", Ct);
        var row = Assert.Single(inbox.GetProperty("rows").EnumerateArray());
        Assert.Equal("ForwardedToBureau", row.GetProperty("status").GetString());
        Assert.Contains(inbox.GetProperty("byArea").EnumerateArray(), c => c.GetProperty("name").GetString() == "新材料");
        Assert.Contains(inbox.GetProperty("byDirection").EnumerateArray(), c => c.GetProperty("name").GetString() == "电子化学材料");
    }

    [Fact]
    public async Task Withdraw_BeforeTheDeadline_IsWithdrawnAndCanBeSubmittedAgain()
    {
        var (client, id) = await StartAsync();
        await client.PutAsJsonAsync($"/api/demands/{id}/draft", new { values = Annex2Values.Valid() }, Ct);
        await client.PostAsync($"/api/demands/{id}/submit", null, Ct);
        var withdrawn = await client.PostAsync($"/api/demands/{id}/withdraw", null, Ct);
        Assert.Equal("Withdrawn", (await Json(withdrawn)).GetProperty("status").GetString());
        var page = WebUtility.HtmlDecode(await client.GetStringAsync($"/Demands/Details/{id}", Ct));
        Assert.Contains("已撤回", page);
        Assert.DoesNotContain(">草稿<", page);
        var again = await client.PostAsync($"/api/demands/{id}/submit", null, Ct);
        Assert.Equal(2, (await Json(again)).GetProperty("version").GetInt32());
    }

    [Fact]
    public async Task Annex3_IsForRecommendersOnly()
    {
        var applicant = await host.App.SignedInAsync("applicant-a");
        var refused = await applicant.PostAsJsonAsync("/api/demands", new { roundId = await PresetRoundAsync(), formKey = "annex3" }, Ct);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        var (_, id) = await StartAsync("recommender", "annex3");
        Assert.True(id > 0);
    }

    [Fact]
    public async Task StartedDemand_HasTheAnnexBlanksAndTheUnitFilledIn()
    {
        var (client, id) = await StartAsync();
        var values = (await client.GetFromJsonAsync<JsonElement>($"/api/demands/{id}", Ct)).GetProperty("values");
        Assert.Equal("测试企业甲", values.GetProperty("enterpriseName").GetString());
        Assert.Equal("龙泉市", values.GetProperty("region").GetString());
    }

    [Fact]
    public async Task SaveDraft_TwoSavesAtOnce_BothSucceedAndTheDraftHoldsOneOfThem()
    {
        var (client, id) = await StartAsync();
        var twin = await host.App.SignedInAsync("applicant-a");
        var answers = await Task.WhenAll(Enumerable.Range(0, 4).Select(i => (i % 2 == 0 ? client : twin)
            .PutAsJsonAsync($"/api/demands/{id}/draft", new { values = Annex2Values.Valid($"并发保存{i}") }, Ct)));
        foreach (var a in answers)
            Assert.True(a.StatusCode == HttpStatusCode.OK, string.Join("\n", host.App.Logs.Errors));
        var detail = await client.GetFromJsonAsync<JsonElement>($"/api/demands/{id}", Ct);
        Assert.StartsWith("并发保存", detail.GetProperty("values").GetProperty("demandName").GetString());
    }

    [Fact]
    public async Task Phones_AreEncryptedAtRest_AndMaskedForTheBureau()
    {
        var (client, id) = await StartAsync();
        var values = Annex2Values.Valid();
        await client.PutAsJsonAsync($"/api/demands/{id}/draft", new { values }, Ct);
        await client.PostAsync($"/api/demands/{id}/submit", null, Ct);

        await using (var db = host.App.CreateDbContext())
        {
            var demand = await db.Demands.Include(d => d.Versions).SingleAsync(d => d.Id == id, Ct);
            Assert.DoesNotContain("13905781234", demand.DraftJson);
            Assert.DoesNotContain("13905781234", demand.Versions.Single().ValuesJson);
            Assert.DoesNotContain("13905781234", demand.SearchText);
        }
        var own = await client.GetFromJsonAsync<JsonElement>($"/api/demands/{id}", Ct);
        Assert.Equal("13905781234", own.GetProperty("values").GetProperty("contactPhone").GetString());
        var staff = await host.App.SignedInAsync("staff");
        var seen = await staff.GetFromJsonAsync<JsonElement>($"/api/demands/{id}", Ct);
        Assert.Equal("139****1234", seen.GetProperty("values").GetProperty("contactPhone").GetString());
    }
}
