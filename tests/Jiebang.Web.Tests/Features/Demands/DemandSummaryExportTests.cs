using System.IO.Compression;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Jiebang.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;

namespace Jiebang.Web.Tests.Features.Demands;

[Trait("Category", "Database")]
public sealed class DemandSummaryExportTests(AppWithPersonas host) : IClassFixture<AppWithPersonas>
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Export_Inbox_HasChineseHeadersAmountsInWanYuanAndAFrozenHeader()
    {
        await using (var db = host.App.CreateDbContext())
        {
            var round = await db.Rounds.Where(r => r.PresetKey == "longquan-demand-2024").Select(r => r.Id).SingleAsync(Ct);
            var client = await host.App.SignedInAsync("applicant-a");
            var created = await client.PostAsJsonAsync("/api/demands", new { roundId = round, formKey = "annex2" }, Ct);
            var id = (await created.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetInt32();
            await client.PutAsJsonAsync($"/api/demands/{id}/draft", new { values = Annex2Values.Valid("汇总表测试需求") }, Ct);
            Assert.Equal(HttpStatusCode.OK, (await client.PostAsync($"/api/demands/{id}/submit", null, Ct)).StatusCode);
        }
        var staff = await host.App.SignedInAsync("staff");
        var response = await staff.GetAsync("/api/demands/inbox.xlsx?text=汇总表测试", Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("1", response.Headers.GetValues("X-Row-Count").Single());
        var bytes = await response.Content.ReadAsByteArrayAsync(Ct);

        using var stream = new MemoryStream(bytes);
        var rows = stream.Query(useHeaderRow: true).Cast<IDictionary<string, object?>>().ToList();
        var row = Assert.Single(rows);
        Assert.Equal("汇总表测试需求", row["需求名称"]);
        Assert.Equal("测试企业甲", row["填报单位"]);
        Assert.Equal(800m, Convert.ToDecimal(row["预计总投入（万元）"]));
        Assert.Equal("直接报送科技局", row["推荐单位"]);

        using var zip = new ZipArchive(new MemoryStream(bytes));
        var sheet = new StreamReader(zip.Entries.First(e => e.FullName.StartsWith("xl/worksheets/")).Open()).ReadToEnd();
        Assert.Contains("state=\"frozen\"", sheet);
        Assert.Matches("<(x:)?col ", sheet);
        // Landscape A4, the columns on the page's width, the header row on every page.
        Assert.Matches("<(x:)?pageSetUpPr fitToPage=\"1\"", sheet);
        Assert.Matches("<(x:)?pageSetup paperSize=\"9\" fitToWidth=\"1\" fitToHeight=\"0\" orientation=\"landscape\"", sheet);
        var workbook = new StreamReader(zip.GetEntry("xl/workbook.xml")!.Open()).ReadToEnd();
        Assert.Contains("_xlnm.Print_Titles", workbook);
        var styles = new StreamReader(zip.GetEntry("xl/styles.xml")!.Open()).ReadToEnd();
        Assert.Contains("#,##0.00", styles);

        // LibreOffice opens it as a spreadsheet and prints the Chinese headers and the amount.
        var xlsx = Path.Combine(LibreOffice.ResultsDirectory, "demand-summary.xlsx");
        await File.WriteAllBytesAsync(xlsx, bytes, Ct);
        var pdf = await LibreOffice.ConvertAsync(xlsx, "pdf", LibreOffice.ResultsDirectory);
        var text = await LibreOffice.PdfTextAsync(pdf);
        Assert.Contains("需求名称", text);
        Assert.Contains("汇总表测试需求", text);
        Assert.Contains("800.00", text);
        await LibreOffice.PngPagesAsync(pdf);
    }

    [Fact]
    public async Task Export_ByAnApplicant_IsForbidden()
    {
        var applicant = await host.App.SignedInAsync("applicant-a");
        Assert.Equal(HttpStatusCode.Forbidden, (await applicant.GetAsync("/api/demands/inbox.xlsx", Ct)).StatusCode);
    }
}
