using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Jiebang.Domain.Rounds;
using Jiebang.Web.Data;
using Jiebang.Web.Tests.Infrastructure;

namespace Jiebang.Web.Tests.Features.Filings;

/// <summary>
/// The test of the filing core: a form kind no code knows (a university's mid-term report, titled by
/// its own field) is registered as data only and filed through the core from start to withdrawal.
/// </summary>
[Trait("Category", "Database")]
public sealed class SecondFormKindTests(AppWithPersonas host) : IClassFixture<AppWithPersonas>
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    const string FormKey = "test-midterm-report";

    const string Definition = """
        {
          "key": "test-midterm-report",
          "version": 1,
          "titleZh": "测试用中期报告表",
          "titleEn": "Test mid-term report",
          "clause": "test form",
          "filing": {
            "kind": "demand",
            "roles": ["Applicant"],
            "unitTypes": ["university"],
            "titleField": "reportTitle",
            "prefill": { "reportingUnit": "unit.name" }
          },
          "fields": [
            { "key": "reportingUnit", "type": "text", "labelZh": "报告单位", "labelEn": "Reporting unit", "required": true },
            { "key": "reportTitle", "type": "text", "labelZh": "报告题目", "labelEn": "Report title", "required": true, "maxChars": 40 },
            { "key": "progress", "type": "text", "labelZh": "进展情况", "labelEn": "Progress", "required": true }
          ]
        }
        """;

    async Task<int> RoundWithTheTestFormAsync()
    {
        await using var db = host.App.CreateDbContext();
        if (!db.FormDefinitions.Any(f => f.Key == FormKey))
            db.FormDefinitions.Add(new FormDefinitionRecord { Key = FormKey, Version = 1, Json = Definition });
        var now = host.App.Clock.GetUtcNow();
        var round = new Round
        {
            Title = "测试：中期报告", Kind = RoundKind.DemandSolicitation, OpensAt = now.AddDays(-1), ClosesAt = now.AddDays(30),
            Forms = [FormKey + "@1"], CreatedAt = now, UpdatedAt = now,
        };
        db.Rounds.Add(round);
        await db.SaveChangesAsync(Ct);
        return round.Id;
    }

    static async Task<JsonElement> Json(HttpResponseMessage response) => await response.Content.ReadFromJsonAsync<JsonElement>(Ct);

    [Fact]
    public async Task TestFormKind_FiledByAUniversity_GoesThroughStartSaveSubmitReturnResubmitWithdraw()
    {
        var roundId = await RoundWithTheTestFormAsync();
        var university = await host.App.SignedInAsync("applicant-u");
        var started = await university.PostAsJsonAsync("/api/demands", new { roundId, formKey = FormKey }, Ct);
        Assert.Equal(HttpStatusCode.Created, started.StatusCode);
        var id = (await Json(started)).GetProperty("id").GetInt32();
        var draft = await university.GetFromJsonAsync<JsonElement>($"/api/demands/{id}", Ct);
        Assert.Equal("测试大学", draft.GetProperty("values").GetProperty("reportingUnit").GetString()); // prefilled as the definition says

        var incomplete = await university.PostAsync($"/api/demands/{id}/submit", null, Ct);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, incomplete.StatusCode);

        var values = new Dictionary<string, string> { ["reportingUnit"] = "测试大学", ["reportTitle"] = "高导热陶瓷中期报告", ["progress"] = "完成样品试制" };
        Assert.True((await university.PutAsJsonAsync($"/api/demands/{id}/draft", new { values }, Ct)).IsSuccessStatusCode);
        var first = await university.PostAsync($"/api/demands/{id}/submit", null, Ct);
        Assert.Equal(1, (await Json(first)).GetProperty("version").GetInt32());
        var submitted = await university.GetFromJsonAsync<JsonElement>($"/api/demands/{id}", Ct);
        Assert.Equal("高导热陶瓷中期报告", submitted.GetProperty("title").GetString()); // titled by its own field

        var staff = await host.App.SignedInAsync("staff");
        var returned = await staff.PostAsJsonAsync($"/api/demands/{id}/decision", new { decision = "Return", reason = "请补充经费使用情况" }, Ct);
        Assert.Equal("Returned", (await Json(returned)).GetProperty("status").GetString());

        values["progress"] = "完成样品试制；经费已使用60%";
        Assert.True((await university.PutAsJsonAsync($"/api/demands/{id}/draft", new { values }, Ct)).IsSuccessStatusCode);
        var second = await university.PostAsync($"/api/demands/{id}/submit", null, Ct);
        Assert.Equal(2, (await Json(second)).GetProperty("version").GetInt32());

        var withdrawn = await university.PostAsync($"/api/demands/{id}/withdraw", null, Ct);
        Assert.Equal("Withdrawn", (await Json(withdrawn)).GetProperty("status").GetString());
        var history = (await university.GetFromJsonAsync<JsonElement>($"/api/demands/{id}", Ct)).GetProperty("history")
            .EnumerateArray().Select(e => e.GetProperty("to").GetString()).ToList();
        Assert.Equal(["Submitted", "Returned", "Submitted", "Withdrawn"], history);
    }

    [Fact]
    public async Task TestFormKind_AnEnterprise_IsRefusedByItsUnitType()
    {
        var roundId = await RoundWithTheTestFormAsync();
        var enterprise = await host.App.SignedInAsync("applicant-a");
        var refused = await enterprise.PostAsJsonAsync("/api/demands", new { roundId, formKey = FormKey }, Ct);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Contains("DEMAND_FORM_NOT_FOR_UNIT_TYPE", await refused.Content.ReadAsStringAsync(Ct));
    }
}
