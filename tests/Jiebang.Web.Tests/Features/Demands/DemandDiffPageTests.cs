using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Jiebang.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Jiebang.Web.Tests.Features.Demands;

/// <summary>The diff between two versions marks the words changed within a field, not the whole field.</summary>
[Trait("Category", "Database")]
public sealed class DemandDiffPageTests(AppWithPersonas host) : IClassFixture<AppWithPersonas>
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>A demand submitted, returned by staff and resubmitted with the targets changed; answers its id.</summary>
    internal static async Task<int> ResubmittedAsync(AppWithPersonas host, string newTargets)
    {
        await using var db = host.App.CreateDbContext();
        var round = await db.Rounds.Where(r => r.PresetKey == "longquan-demand-2024").Select(r => r.Id).SingleAsync(Ct);
        var client = await host.App.SignedInAsync("applicant-a");
        var created = await client.PostAsJsonAsync("/api/demands", new { roundId = round, formKey = "annex2" }, Ct);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetInt32();
        await client.PutAsJsonAsync($"/api/demands/{id}/draft", new { values = Annex2Values.Valid() }, Ct);
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync($"/api/demands/{id}/submit", null, Ct)).StatusCode);
        var staff = await host.App.SignedInAsync("staff");
        Assert.True((await staff.PostAsJsonAsync($"/api/demands/{id}/decision", new { decision = "Return", reason = "请量化指标" }, Ct)).IsSuccessStatusCode);
        var changed = Annex2Values.Valid();
        changed["economicSocialTargets"] = newTargets;
        await client.PutAsJsonAsync($"/api/demands/{id}/draft", new { values = changed }, Ct);
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync($"/api/demands/{id}/submit", null, Ct)).StatusCode);
        return id;
    }

    [Fact]
    public async Task Diff_ChangedNumberInAField_MarksOnlyTheChangedWordsAsDeletedAndInserted()
    {
        // Was "项目完成后3年新增产值5000万元。"
        var id = await ResubmittedAsync(host, "项目完成后3年新增产值8000万元，新增就业50人。");
        var staff = await host.App.SignedInAsync("staff");
        var html = WebUtility.HtmlDecode(await staff.GetStringAsync($"/Demands/Diff/{id}?from=1&to=2", Ct));

        Assert.Contains("<td style=\"white-space: pre-wrap\" data-testid=\"diff-before\">项目完成后3年新增产值<del class=\"bg-danger-subtle text-danger-emphasis\">"
            + "<span class=\"visually-hidden\">［删除开始］</span>5000<span class=\"visually-hidden\">［结束］</span></del>万元。</td>", html);
        Assert.Contains("<td style=\"white-space: pre-wrap\" data-testid=\"diff-after\">项目完成后3年新增产值<ins class=\"bg-success-subtle text-success-emphasis\">"
            + "<span class=\"visually-hidden\">［新增开始］</span>8000<span class=\"visually-hidden\">［结束］</span></ins>万元"
            + "<ins class=\"bg-success-subtle text-success-emphasis\"><span class=\"visually-hidden\">［新增开始］</span>，新增就业50人"
            + "<span class=\"visually-hidden\">［结束］</span></ins>。</td>", html);
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(html, "data-testid=\"diff-row\"")); // unchanged fields are not listed

        var api = await staff.GetFromJsonAsync<JsonElement>($"/api/demands/{id}/diff?from=1&to=2", Ct);
        var pieces = api[0].GetProperty("pieces").EnumerateArray().Select(p => (p.GetProperty("kind").GetString(), p.GetProperty("text").GetString())).ToList();
        Assert.Contains(("Deleted", "5000"), pieces);
        Assert.Contains(("Inserted", "8000"), pieces);
    }
}
