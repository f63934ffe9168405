using System.Net;
using System.Net.Http.Headers;
using Jiebang.Domain.Identifiers;
using Jiebang.Web.Data;
using Jiebang.Web.Features.Audit;
using Jiebang.Web.Features.Units;
using Jiebang.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Writer;

namespace Jiebang.Web.Tests.Features.Units;

/// <summary>
/// The business licence scan staff judge a registration by (issue 12, item 6): optional at registration, added or replaced later by
/// the unit's own people, checked by content, read by staff and the unit itself only, every upload and download audited.
/// </summary>
[Trait("Category", "Database")]
public sealed class UnitLicenceTests(AppWithPersonas host) : IClassFixture<AppWithPersonas>
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>The smallest PNG: a signature and nothing after it passes the content check, as a real image's first bytes do.</summary>
    static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52, 0x01, 0x02];

    static byte[] OnePagePdf()
    {
        var builder = new PdfDocumentBuilder();
        builder.AddPage(PageSize.A4);
        return builder.Build();
    }

    /// <summary>A code that passes both check characters, new to this test run.</summary>
    static string NewUscc()
    {
        var organisation = $"MA{Random.Shared.Next(1_000_000):D6}";
        var first17 = "91331181" + organisation + Uscc.OrganisationCodeCheckDigit(organisation);
        return first17 + Uscc.CheckCharacter(first17);
    }

    static ByteArrayContent File(byte[] bytes, string contentType)
    {
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        return file;
    }

    async Task<HttpResponseMessage> RegisterAsync(HttpClient client, string uscc, string userName, byte[]? licence, string fileName)
    {
        var form = new MultipartFormDataContent
        {
            { new StringContent(await client.AntiforgeryTokenAsync("/Units/Register")), "__RequestVerificationToken" },
            { new StringContent("执照测试科技有限公司" + userName), "Input.Name" }, { new StringContent(uscc), "Input.Uscc" },
            { new StringContent("Enterprise"), "Input.Type" }, { new StringContent("331181"), "Input.RegionCode" },
            { new StringContent("张执照"), "Input.ContactName" }, { new StringContent("13905786666"), "Input.ContactPhone" },
            { new StringContent(userName), "Input.UserName" }, { new StringContent("a-long-password-2024"), "Input.Password" },
        };
        if (licence is not null) form.Add(File(licence, "application/octet-stream"), "Input.Licence", fileName);
        return await client.PostAsync("/Units/Register", form, Ct);
    }

    /// <param name="tokenFrom">The unit page of the client's own unit, which hands out the antiforgery token.</param>
    async Task<HttpResponseMessage> UploadOnPageAsync(HttpClient client, int unit, byte[] bytes, string fileName, int? tokenFrom = null)
    {
        var form = new MultipartFormDataContent
        {
            { new StringContent(await client.AntiforgeryTokenAsync($"/Units/Details/{tokenFrom ?? unit}")), "__RequestVerificationToken" },
            { File(bytes, "application/octet-stream"), "licence", fileName },
        };
        return await client.PostAsync($"/Units/Details/{unit}?handler=Licence", form, Ct);
    }

    /// <summary>Gives a unit a licence scan through the same service the pages use, as its own account would.</summary>
    async Task GiveLicenceAsync(int unit, byte[] bytes, string fileName)
    {
        using var scope = host.App.Services.CreateScope();
        var licences = scope.ServiceProvider.GetRequiredService<UnitLicence>();
        var stored = await licences.StoreAsync(new UnitLicence.Upload(fileName, new MemoryStream(bytes)), Ct);
        licences.Add(unit, "test", fileName, stored.Value!);
        await scope.ServiceProvider.GetRequiredService<JiebangDbContext>().SaveChangesAsync(Ct);
    }

    [Fact]
    public async Task Register_WithALicenceScan_StaffSeeAndDownloadItWhenApproving()
    {
        var uscc = NewUscc();
        var pdf = OnePagePdf();
        var registered = await RegisterAsync(host.App.NewClient(), uscc, "licence-pdf-" + uscc[^6..], pdf, "营业执照.pdf");
        Assert.Contains("注册申请已提交", await registered.Content.ReadAsStringAsync(Ct));
        int unit;
        await using (var db = host.App.CreateDbContext()) unit = await db.Units.Where(u => u.Uscc == uscc).Select(u => u.Id).SingleAsync(Ct);
        var staff = await host.App.SignedInAsync("staff");

        var page = WebUtility.HtmlDecode(await staff.GetStringAsync($"/Units/Details/{unit}", Ct));
        Assert.Contains($"<a href=\"/api/units/{unit}/licence\">营业执照.pdf</a>", page);
        Assert.Contains("1页", page);
        Assert.Contains("name=\"Input.Decision\" value=\"Approve\"", page); // the decision on the same page
        var download = await staff.GetAsync($"/api/units/{unit}/licence", Ct);
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("application/pdf", download.Content.Headers.ContentType?.MediaType);
        Assert.Equal(pdf, await download.Content.ReadAsByteArrayAsync(Ct));

        await using var check = host.App.CreateDbContext();
        var actions = await check.AuditEntries.Where(e => e.EntityType == "Unit" && e.EntityId == unit.ToString()).Select(e => e.Action).ToListAsync(Ct);
        Assert.Contains("unit.licence_attached", actions);
        Assert.Contains("unit.licence_downloaded", actions);
        Assert.All(actions, a => Assert.NotNull(AuditActions.Find(a)));
    }

    [Fact]
    public async Task Register_WithAFileThatIsNotAScan_IsRefusedBesideTheFieldAndNothingIsRegistered()
    {
        var uscc = NewUscc();
        var response = await RegisterAsync(host.App.NewClient(), uscc, "licence-bad-" + uscc[^6..],
            "<html><body>not a licence</body></html>"u8.ToArray(), "营业执照.pdf");

        var page = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(Ct));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain("注册申请已提交", page);
        Assert.Contains("href=\"#Input_Licence\"", page); // the error summary links to the file field
        Assert.Contains("不是PDF、JPEG或PNG", page);
        await using var db = host.App.CreateDbContext();
        Assert.False(await db.Units.AnyAsync(u => u.Uscc == uscc, Ct));
    }

    [Fact]
    public async Task Register_WithoutALicence_IsRegisteredAndStaffSeeItIsMissing()
    {
        var uscc = NewUscc();
        var registered = await RegisterAsync(host.App.NewClient(), uscc, "licence-none-" + uscc[^6..], null, "");
        Assert.Contains("注册申请已提交", await registered.Content.ReadAsStringAsync(Ct));
        int unit;
        await using (var db = host.App.CreateDbContext()) unit = await db.Units.Where(u => u.Uscc == uscc).Select(u => u.Id).SingleAsync(Ct);
        var staff = await host.App.SignedInAsync("staff");

        var page = await staff.GetStringAsync($"/Units/Details/{unit}", Ct);
        Assert.Contains("data-testid=\"unit-licence\"", page);
        Assert.Contains("未上传", page);
        Assert.Equal(HttpStatusCode.NotFound, (await staff.GetAsync($"/api/units/{unit}/licence", Ct)).StatusCode);
    }

    [Fact]
    public async Task UnitPage_OwnAccountReplacesTheLicence_TheNewOneIsCurrent()
    {
        var own = await host.App.SignedInAsync("applicant-a");
        var unit = host.Personas.UnitA;

        var first = await UploadOnPageAsync(own, unit, OnePagePdf(), "旧执照.pdf");
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        var page = WebUtility.HtmlDecode(await own.GetStringAsync(first.Headers.Location!.OriginalString, Ct));
        Assert.Contains("已上传旧执照.pdf", page);
        Assert.Contains("更换营业执照（法人证书）扫描件", page);
        var second = await UploadOnPageAsync(own, unit, Png, "新执照.png");
        Assert.Equal(HttpStatusCode.Redirect, second.StatusCode);

        var download = await own.GetAsync($"/api/units/{unit}/licence", Ct);
        Assert.Equal("image/png", download.Content.Headers.ContentType?.MediaType);
        Assert.Equal(Png, await download.Content.ReadAsByteArrayAsync(Ct));
        var staffPage = await (await host.App.SignedInAsync("staff")).GetStringAsync($"/Units/Details/{unit}", Ct);
        Assert.Contains("新执照.png", staffPage);
        Assert.DoesNotContain("旧执照.pdf", staffPage);
    }

    [Fact]
    public async Task UnitPage_UploadThatIsNotAScan_IsRefusedAndTheCurrentOneStays()
    {
        var own = await host.App.SignedInAsync("applicant-a");
        var unit = host.Personas.UnitA;
        Assert.Equal(HttpStatusCode.Redirect, (await UploadOnPageAsync(own, unit, Png, "有效执照.png")).StatusCode);

        // An image's first bytes followed by a web page: refused by content, whatever its name says.
        var polyglot = Png.Concat("<script>alert(1)</script>"u8.ToArray()).ToArray();
        var refused = await UploadOnPageAsync(own, unit, polyglot, "执照.png");

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("该文件开头是图片，但含有网页代码", WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync(Ct)));
        var current = await own.GetAsync($"/api/units/{unit}/licence", Ct);
        Assert.Equal(Png, await current.Content.ReadAsByteArrayAsync(Ct));
    }

    [Fact]
    public async Task Licence_AskedForByAnotherUnit_IsNotFound()
    {
        await GiveLicenceAsync(host.Personas.UnitB, OnePagePdf(), "乙单位执照.pdf");
        var otherUnit = await host.App.SignedInAsync("applicant-a");
        var recommender = await host.App.SignedInAsync("recommender");

        Assert.Equal(HttpStatusCode.NotFound, (await otherUnit.GetAsync($"/api/units/{host.Personas.UnitB}/licence", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await recommender.GetAsync($"/api/units/{host.Personas.UnitB}/licence", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await otherUnit.GetAsync($"/Units/Details/{host.Personas.UnitB}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await UploadOnPageAsync(otherUnit, host.Personas.UnitB, OnePagePdf(), "冒名.pdf", host.Personas.UnitA)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await (await host.App.SignedInAsync("staff")).GetAsync($"/api/units/{host.Personas.UnitB}/licence", Ct)).StatusCode);
    }
}
