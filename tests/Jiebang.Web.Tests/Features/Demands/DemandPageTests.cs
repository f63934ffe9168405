using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Jiebang.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Jiebang.Web.Tests.Features.Demands;

[Trait("Category", "Database")]
public sealed class DemandPageTests(AppWithPersonas host) : IClassFixture<AppWithPersonas>
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    async Task<(HttpClient Client, int Id)> StartAsync(string form = "annex2", string persona = "applicant-a")
    {
        await using var db = host.App.CreateDbContext();
        var round = await db.Rounds.Where(r => r.PresetKey == "longquan-demand-2024").Select(r => r.Id).SingleAsync(Ct);
        var client = await host.App.SignedInAsync(persona);
        var created = await client.PostAsJsonAsync("/api/demands", new { roundId = round, formKey = form }, Ct);
        return (client, (await created.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetInt32());
    }

    static Dictionary<string, string> Posted(JsonObject values) => new()
    {
        ["Kind"] = "EnterpriseOwn",
        ["f.enterpriseName"] = values["enterpriseName"]!.ToString(), ["f.region"] = values["region"]!.ToString(),
        ["f.contactName"] = values["contactName"]!.ToString(), ["f.contactPhone"] = values["contactPhone"]!.ToString(),
        ["f.profile"] = values["profile"]!.ToString(), ["f.demandName"] = values["demandName"]!.ToString(),
        ["f.area.area"] = "新材料", ["f.area.directions"] = "电子化学材料",
        ["f.description"] = values["description"]!.ToString(), ["f.technicalTargets"] = values["technicalTargets"]!.ToString(),
        ["f.economicSocialTargets"] = values["economicSocialTargets"]!.ToString(),
        ["f.achievementTargets"] = values["achievementTargets"]!.ToString(), ["f.totalInvestment"] = values["totalInvestment"]!.ToString(),
        ["f.fundingPlan"] = values["fundingPlan"]!.ToString(), ["f.estimationBasis"] = values["estimationBasis"]!.ToString(),
        ["f.leaderOpinion"] = values["leaderOpinion"]!.ToString(),
    };

    [Theory]
    [InlineData("annex1", "recommender", "核心技术参数")]
    [InlineData("annex2", "applicant-a", "技术需求描述")]
    [InlineData("annex3", "recommender", "拟申报计划项目类别")]
    public async Task Edit_EachAnnex_RendersEveryFieldWithItsLabel(string form, string persona, string label)
    {
        var (client, id) = await StartAsync(form, persona);
        var html = await client.GetStringAsync($"/Demands/Edit/{id}", Ct);
        Assert.Contains(label, html);
        var definition = Jiebang.Domain.Forms.FormDefinition.Parse(await File.ReadAllTextAsync(
            Path.Combine(AppContext.BaseDirectory, "SeedData", "forms", $"{form}.v1.json"), Ct));
        var text = WebUtility.HtmlDecode(html);
        Assert.All(definition.Fields, f => Assert.Contains(f.LabelZh, text));
    }

    /// <summary>A demand on one of annex 4's forms, in an open round that staff made to try them.</summary>
    async Task<(HttpClient Client, int Id)> StartOnAnnex4FormAsync(string formKey)
    {
        int round;
        await using (var db = host.App.CreateDbContext())
        {
            var now = host.App.Clock.GetUtcNow();
            var created = new Jiebang.Web.Data.Round
            {
                Kind = Jiebang.Domain.Rounds.RoundKind.DemandSolicitation, Title = "附件4试填", OpensAt = now.AddDays(-1), ClosesAt = now.AddDays(5),
                Forms = [$"{formKey}@1"], TaxonomyKey = "longquan-2024", CreatedAt = now, UpdatedAt = now,
            };
            db.Rounds.Add(created);
            await db.SaveChangesAsync(Ct);
            round = created.Id;
        }
        var client = await host.App.SignedInAsync("applicant-a");
        var started = await client.PostAsJsonAsync("/api/demands", new { roundId = round, formKey }, Ct);
        return (client, (await started.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetInt32());
    }

    [Fact]
    public async Task Index_FormAddedAsData_IsNamedByItsTitle_NotItsKey()
    {
        var (client, _) = await StartOnAnnex4FormAsync("annex4-performance");
        var html = WebUtility.HtmlDecode(await client.GetStringAsync("/Demands", Ct));
        Assert.Contains("附件2：绩效目标申报表（2024年度）", html);
        Assert.DoesNotContain("Form_annex4", html);
        Assert.Contains("附件2：技术攻关需求征集表（企业填报）", html); // the resources still name annexes 1–3
    }

    [Fact]
    public async Task Autosave_IndicatorValuesAndAnOwnIndicator_AreSavedFromThePage()
    {
        var (client, id) = await StartOnAnnex4FormAsync("annex4-performance");
        // As the page posts them: every listed row's open cells, most left empty, and the free row after them.
        var posted = Enumerable.Range(0, 23).ToDictionary(i => $"f.indicators[{i}].target", i => i == 2 ? "15" : i == 7 ? "2项" : "");
        posted["f.projectName"] = "龙泉青瓷全国重点实验室建设";
        posted["f.indicators[7].level3"] = "制定团体标准数量";
        (posted["f.indicators[23].level1"], posted["f.indicators[23].level3"]) = ("", "");
        var response = await client.PostFormAsync($"/Demands/Edit/{id}?handler=Autosave", posted);
        Assert.True(response.IsSuccessStatusCode, $"{response.StatusCode}: {await response.Content.ReadAsStringAsync(Ct)}");
        var saved = await client.GetFromJsonAsync<JsonElement>($"/api/demands/{id}", Ct);
        var rows = saved.GetProperty("values").GetProperty("indicators");
        Assert.Equal("15", rows[2].GetProperty("target").GetString());
        Assert.Equal("制定团体标准数量", rows[7].GetProperty("level3").GetString());
        Assert.Equal(23, rows.GetArrayLength()); // the empty free row is not kept
        Assert.Equal("龙泉青瓷全国重点实验室建设", saved.GetProperty("title").GetString()); // 项目名称 names it in lists
        Assert.False(rows[2].TryGetProperty("level3", out _)); // a listed name is not stored as typed
    }

    [Fact]
    public async Task Edit_ListForm_GivesTheLongCellOfEachRowABox()
    {
        var (client, id) = await StartOnAnnex4FormAsync("annex4-table");
        var html = WebUtility.HtmlDecode(await client.GetStringAsync($"/Demands/Edit/{id}", Ct));
        Assert.Contains("<textarea class=\"form-control form-control-sm \" name=\"f.projects[0].supportContent\"", html);
        Assert.Contains("<input class=\"form-control form-control-sm \" name=\"f.projects[0].projectName\"", html);
    }

    [Fact]
    public async Task Edit_PresetIndicatorRows_ShowTheNamedCellsAsTextAndTheUnitBesideTheValue()
    {
        var (client, id) = await StartOnAnnex4FormAsync("annex4-performance");

        var html = WebUtility.HtmlDecode(await client.GetStringAsync($"/Demands/Edit/{id}", Ct));
        Assert.Contains("<td class=\"text-body-secondary\">转化科技成果数量</td>", html);
        Assert.DoesNotContain("name=\"f.indicators[2].level3\"", html);
        Assert.Contains("name=\"f.indicators[2].target\"", html);
        Assert.Contains("<span class=\"input-group-text\">项</span>", html);
        Assert.Contains("placeholder=\"…………（自行设置的产出指标）\"", html);
        Assert.Contains("name=\"f.indicators[23].level1\"", html); // a free row after the listed ones

        var rows = new JsonArray();
        for (var i = 0; i < 23; i++) rows.Add(new JsonObject { ["target"] = i == 2 ? "15" : "" });
        var values = new JsonObject
        {
            ["projectName"] = "龙泉青瓷全国重点实验室建设", ["leadUnit"] = "浙江龙泉青瓷研究院", ["totalBudget"] = "300", ["centralSubsidy"] = "400",
            ["overallGoal"] = "建成重点实验室。", ["yearGoal"] = "完成基础条件建设。", ["indicators"] = rows,
        };
        var saved = await client.PutAsJsonAsync($"/api/demands/{id}/draft", new { values }, Ct);
        var findings = (await saved.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("findings").EnumerateArray()
            .Select(f => f.GetProperty("code").GetString()).ToList();
        Assert.Equal(["FORM_AMOUNT_EXCEEDS_WHOLE"], findings);
    }

    [Fact]
    public async Task PageAndApi_SameInput_GiveTheSameFindings()
    {
        var (client, id) = await StartAsync();
        var values = Annex2Values.Valid();
        values["contactPhone"] = "1390578123";
        values["totalInvestment"] = "-5";
        var api = await client.PutAsJsonAsync($"/api/demands/{id}/draft", new { values }, Ct);
        var apiMessages = (await api.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("findings").EnumerateArray()
            .Select(f => f.GetProperty("message").GetString()!).OrderBy(m => m).ToList();

        var page = await client.PostFormAsync($"/Demands/Edit/{id}?handler=Autosave", Posted(values), $"/Demands/Edit/{id}");
        var pageMessages = (await page.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("findings").EnumerateArray()
            .Select(f => f.GetProperty("message").GetString()!).OrderBy(m => m).ToList();
        Assert.Equal(2, apiMessages.Count);
        Assert.Equal(apiMessages, pageMessages);
    }

    [Fact]
    public async Task SubmitFromThePage_WithAnError_KeepsEverythingTyped()
    {
        var (client, id) = await StartAsync();
        var values = Annex2Values.Valid("<b>加粗</b>的需求名称");
        values["totalInvestment"] = "12.345";
        var response = await client.PostFormAsync($"/Demands/Edit/{id}?handler=Submit", Posted(values), $"/Demands/Edit/{id}");
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(Ct));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("预计总投入", html);
        Assert.Contains("12.345", html);
        Assert.Contains(values["fundingPlan"]!.ToString(), html);
        var raw = await client.GetStringAsync($"/Demands/Details/{id}", Ct);
        Assert.DoesNotContain("<b>加粗</b>", raw);
        Assert.Contains("&lt;b&gt;", raw);
    }

    [Fact]
    public async Task SubmitFromThePage_ValidForm_ShowsTheReceipt()
    {
        var (client, id) = await StartAsync();
        var response = await client.PostFormAsync($"/Demands/Edit/{id}?handler=Submit", Posted(Annex2Values.Valid()), $"/Demands/Edit/{id}");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var details = await client.GetStringAsync(response.Headers.Location!.OriginalString, Ct);
        Assert.Contains("data-testid=\"receipt\"", details);
        Assert.Contains("XQ", details);
    }

    [Fact]
    public async Task Print_Annex2_ShowsTheAnnexTableWithTheStampBlock()
    {
        var (client, id) = await StartAsync();
        await client.PutAsJsonAsync($"/api/demands/{id}/draft", new { values = Annex2Values.Valid() }, Ct);
        var html = WebUtility.HtmlDecode(await client.GetStringAsync($"/Demands/Print/{id}", Ct));
        Assert.Contains("龙泉市2024年度科技项目技术攻关需求征集表（企业填报）", html);
        Assert.Contains("企业负责人意见", html);
        Assert.Contains("单位（盖章）", html);
        Assert.Contains("年　　月　　日", html);
        Assert.Contains("800.00 万元", html);
    }

    /// <summary>Uploads a .docx with the edit page's import form; answers with the page shown after it.</summary>
    static async Task<string> ImportWordAsync(HttpClient client, int id, byte[] docx)
    {
        var page = await client.GetStringAsync($"/Demands/Edit/{id}", Ct);
        var token = System.Text.RegularExpressions.Regex.Match(page, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
        var form = new MultipartFormDataContent { { new StringContent(token), "__RequestVerificationToken" }, { new ByteArrayContent(docx), "file", "需求表.docx" } };
        var response = await client.PostAsync($"/Demands/Edit/{id}?handler=Import", form, Ct);
        return WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(Ct));
    }

    [Fact]
    public async Task ImportWord_OnTheEditPage_FillsTheDraftAndReportsWhatItRead()
    {
        var (client, source) = await StartAsync();
        await client.PutAsJsonAsync($"/api/demands/{source}/draft", new { values = Annex2Values.Valid("从Word导入的需求") }, Ct);
        var docx = await client.GetByteArrayAsync($"/api/demands/{source}/docx", Ct);

        var (_, target) = await StartAsync();
        var html = await ImportWordAsync(client, target, docx);
        Assert.Contains("data-testid=\"import-report\"", html);
        var saved = await client.GetFromJsonAsync<JsonElement>($"/api/demands/{target}", Ct);
        Assert.Equal("从Word导入的需求", saved.GetProperty("values").GetProperty("demandName").GetString());
        Assert.Equal(Annex2Values.Valid()["description"]!.ToString(), saved.GetProperty("values").GetProperty("description").GetString());
    }

    [Fact]
    public async Task ImportWord_UnevenParameterLists_AreReadAndTheWarningIsShownOnThePage()
    {
        var (client, id) = await StartAsync("annex1", "recommender");
        var docx = Jiebang.Web.Tests.Documents.BureauDocument.Of(
            [Jiebang.Web.Tests.Documents.BureauDocument.Text("需求名称"), Jiebang.Web.Tests.Documents.BureauDocument.Text("高性能铜合金带材")],
            [Jiebang.Web.Tests.Documents.BureauDocument.MergedLabel("核心技术参数（5项以上）"),
                Jiebang.Web.Tests.Documents.BureauDocument.Text("对标产品（技术）："), Jiebang.Web.Tests.Documents.BureauDocument.Text("1.抗拉强度600MPa", "2.导电率80%IACS")],
            [Jiebang.Web.Tests.Documents.BureauDocument.UnderMerge(),
                Jiebang.Web.Tests.Documents.BureauDocument.Text("研发产品（技术）："), Jiebang.Web.Tests.Documents.BureauDocument.Text("1.抗拉强度650MPa", "2.导电率82%IACS", "3.厚度0.1mm")]);
        var html = await ImportWordAsync(client, id, docx);

        Assert.Contains("核心技术参数：各列填写的项数不一致", html);
        Assert.DoesNotContain("核心技术参数：核心技术参数", html);
        var saved = await client.GetFromJsonAsync<JsonElement>($"/api/demands/{id}", Ct);
        var rows = saved.GetProperty("values").GetProperty("coreParameters").EnumerateArray().ToList();
        Assert.Equal(3, rows.Count);
        Assert.Equal(("抗拉强度600MPa", "抗拉强度650MPa"), (rows[0].GetProperty("benchmarkValue").GetString(), rows[0].GetProperty("developedValue").GetString()));
        Assert.Equal(("", "厚度0.1mm"), (rows[2].GetProperty("benchmarkValue").GetString(), rows[2].GetProperty("developedValue").GetString()));
    }

    [Fact]
    public async Task AttachmentField_UploadFromTheForm_KeepsTypedValuesAndLinksTheFile()
    {
        var (client, id) = await StartAsync();
        var page = await client.GetStringAsync($"/Demands/Edit/{id}", Ct);
        var token = System.Text.RegularExpressions.Regex.Match(page, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
        var pdf = new UglyToad.PdfPig.Writer.PdfDocumentBuilder();
        pdf.AddPage(UglyToad.PdfPig.Content.PageSize.A4);
        var form = new MultipartFormDataContent { { new StringContent(token), "__RequestVerificationToken" } };
        foreach (var (name, value) in Posted(Annex2Values.Valid("带附页的需求"))) form.Add(new StringContent(value), name);
        form.Add(new ByteArrayContent(pdf.Build()), "file", "企业简介附页.pdf");
        var response = await client.PostAsync($"/Demands/Edit/{id}?handler=AttachField&key=profilePages", form, Ct);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(Ct));
        Assert.Contains("企业简介附页.pdf", html);

        var saved = await client.GetFromJsonAsync<JsonElement>($"/api/demands/{id}", Ct);
        Assert.Equal("带附页的需求", saved.GetProperty("values").GetProperty("demandName").GetString());
        var fileId = saved.GetProperty("values").GetProperty("profilePages").GetString();
        var download = await client.GetAsync($"/api/files/{fileId}", Ct);
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);

        var bad = new MultipartFormDataContent { { new StringContent(token), "__RequestVerificationToken" } };
        bad.Add(new ByteArrayContent([0x4D, 0x5A, 0x90, 0x00]), "file", "简介.pdf");
        var refused = WebUtility.HtmlDecode(await (await client.PostAsync($"/Demands/Edit/{id}?handler=AttachField&key=profilePages", bad, Ct))
            .Content.ReadAsStringAsync(Ct));
        Assert.Contains("不是PDF、JPEG或PNG", refused);
    }

    [Fact]
    public async Task Staff_RevealPhones_SeesThemOnceAudited()
    {
        var (client, id) = await StartAsync();
        await client.PutAsJsonAsync($"/api/demands/{id}/draft", new { values = Annex2Values.Valid() }, Ct);
        await client.PostAsync($"/api/demands/{id}/submit", null, Ct);
        var staff = await host.App.SignedInAsync("staff");
        var before = await staff.GetStringAsync($"/Demands/Details/{id}", Ct);
        Assert.DoesNotContain("13905781234", before);
        Assert.Contains("139****1234", before);

        var revealed = await staff.PostFormAsync($"/Demands/Details/{id}?handler=RevealPhones", new Dictionary<string, string>(), $"/Demands/Details/{id}");
        Assert.Contains("13905781234", await revealed.Content.ReadAsStringAsync(Ct));
        await using var db = host.App.CreateDbContext();
        Assert.True(await db.AuditEntries.AnyAsync(a => a.Action == "personal.revealed" && a.EntityId == id.ToString() && a.ActorName == "staff", Ct));
    }
}
