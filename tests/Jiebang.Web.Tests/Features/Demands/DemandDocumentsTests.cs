using System.Text.Json.Nodes;
using Jiebang.Web.Documents;
using Jiebang.Web.Features.Access;
using Jiebang.Web.Features.Demands;
using Jiebang.Web.Tests.Documents;
using Jiebang.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Jiebang.Web.Tests.Features.Demands;

/// <summary>Word export and import of a demand on the app's services: who may, and the draft it leaves.</summary>
[Trait("Category", "Database")]
public sealed class DemandDocumentsTests(AppWithPersonas host) : IClassFixture<AppWithPersonas>
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    Actor ApplicantA => new("applicant-a", "applicant-a", host.Personas.UnitA, new HashSet<string> { Roles.Applicant });
    Actor ApplicantB => new("applicant-b", "applicant-b", host.Personas.UnitB, new HashSet<string> { Roles.Applicant });

    (DemandDocuments Documents, SaveDemandDraft Save, IServiceScope Scope) Services()
    {
        var scope = host.App.Services.CreateScope();
        var s = scope.ServiceProvider;
        // The app's own registration: the same writer, reader and audit trail as in production.
        var documents = s.GetRequiredService<DemandDocuments>();
        return (documents, s.GetRequiredService<SaveDemandDraft>(), scope);
    }

    async Task<int> StartAsync(JsonObject draft)
    {
        int roundId;
        await using (var db = host.App.CreateDbContext())
            roundId = await db.Rounds.Where(r => r.PresetKey == "longquan-demand-2024").Select(r => r.Id).SingleAsync(Ct);
        var (_, save, scope) = Services();
        using var _ = scope;
        var started = await scope.ServiceProvider.GetRequiredService<StartDemand>()
            .HandleAsync(ApplicantA, new StartDemand.Input { RoundId = roundId, FormKey = "annex2" }, Ct);
        Assert.True(started.Succeeded, string.Join("; ", started.Errors));
        var saved = await save.HandleAsync(ApplicantA, started.Value, new SaveDemandDraft.Input { Values = draft }, Ct);
        Assert.True(saved.Succeeded, string.Join("; ", saved.Errors));
        return started.Value;
    }

    [Fact]
    public async Task Export_OwnersDraft_IsTheAnnexWithItsValues()
    {
        var id = await StartAsync(Annexes.Annex2());
        var (documents, _, scope) = Services();
        using var _ = scope;
        var file = await documents.ExportAsync(ApplicantA, id, Ct);
        Assert.True(file.Succeeded);
        Assert.EndsWith(".docx", file.Value!.FileName);
        Assert.StartsWith("青瓷釉料低温烧成关键技术-", file.Value.FileName);
        var import = AnnexWordReaderTests.Read("annex2", file.Value.Content);
        Assert.True(JsonNode.DeepEquals(Annexes.Annex2(), AnnexWordReaderTests.Ordered(import.Values, Annexes.Annex2())));
    }

    [Fact]
    public async Task ExportAndImport_OtherUnit_IsNotFound()
    {
        var id = await StartAsync(Annexes.Annex2());
        var (documents, _, scope) = Services();
        using var _ = scope;
        Assert.True((await documents.ExportAsync(ApplicantB, id, Ct)).IsNotFound);
        var docx = new AnnexWordWriter().Write(Annexes.Form("annex2"), Annexes.Annex2(), null);
        Assert.True((await documents.ImportAsync(ApplicantB, id, new MemoryStream(docx), docx.Length, Ct)).IsNotFound);
    }

    [Fact]
    public async Task Import_FilledFile_SavesFoundFieldsKeepsMissingOnesAndReportsFindings()
    {
        var draft = Annexes.Annex2();
        var id = await StartAsync(draft);
        // A file made from annex 3 has annex 2's 联系方式 and 所属地区, but not its 企业名称.
        var annex3 = Annexes.Form("annex3");
        var docx = new AnnexWordWriter().Write(annex3, new JsonObject { ["contactPhone"] = "12345", ["region"] = "龙泉市", ["demandName"] = "x" }, null);
        var (documents, _, scope) = Services();
        using var _ = scope;

        var imported = await documents.ImportAsync(ApplicantA, id, new MemoryStream(docx), docx.Length, Ct);

        Assert.True(imported.Succeeded, string.Join("; ", imported.Errors));
        var report = imported.Value!.Import;
        Assert.Equal(ImportStatus.Missing, report.Fields.Single(f => f.Key == "enterpriseName").Status);
        Assert.Equal(ImportStatus.Found, report.Fields.Single(f => f.Key == "contactPhone").Status);
        Assert.Contains(imported.Value.Findings, f => f.Field == "contactPhone");
        var detail = await scope.ServiceProvider.GetRequiredService<DemandQueries>().DetailAsync(ApplicantA, id, Ct);
        Assert.Equal("12345", detail.Value!.Values["contactPhone"]!.GetValue<string>());
        Assert.Equal(draft["enterpriseName"]!.GetValue<string>(), detail.Value.Values["enterpriseName"]!.GetValue<string>());
    }

    [Fact]
    public async Task Import_EncryptedFile_IsRefusedAndTheDraftUnchanged()
    {
        var id = await StartAsync(Annexes.Annex2());
        var (documents, _, scope) = Services();
        using var _ = scope;
        var ole = new byte[] { 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0, 0, 0 };
        var refused = await documents.ImportAsync(ApplicantA, id, new MemoryStream(ole), ole.Length, Ct);
        Assert.Equal("DOCX_ENCRYPTED", Assert.Single(refused.Errors).Code);
        var tooLarge = await documents.ImportAsync(ApplicantA, id, new MemoryStream(ole), 50L * 1024 * 1024, Ct);
        Assert.Equal("DOCX_TOO_LARGE", Assert.Single(tooLarge.Errors).Code);
    }

    [Fact]
    public async Task Template_RoundForm_IsTheBlankAnnexWithTheRoundsAreas()
    {
        int roundId;
        await using (var db = host.App.CreateDbContext())
            roundId = await db.Rounds.Where(r => r.PresetKey == "longquan-demand-2024").Select(r => r.Id).SingleAsync(Ct);
        var (documents, _, scope) = Services();
        using var _ = scope;
        var template = await documents.TemplateAsync(ApplicantA, "annex2", roundId, Ct);
        Assert.True(template.Succeeded, string.Join("; ", template.Errors));
        var import = AnnexWordReaderTests.Read("annex2", template.Value!.Content);
        Assert.Equal(ImportStatus.Empty, import.Fields.Single(f => f.Key == "area").Status);
        Assert.True((await documents.TemplateAsync(ApplicantA, "annex9", null, Ct)).IsNotFound);
        Assert.False((await documents.TemplateAsync(Actor.Anonymous, "annex2", null, Ct)).Succeeded);
    }

    [Fact]
    public async Task RoundsPage_OffersEachFormOfTheReserveRound_AsABlankWordForm()
    {
        var recommender = await host.App.SignedInAsync("recommender");
        var page = await recommender.GetStringAsync("/Rounds", Ct);
        var link = System.Text.RegularExpressions.Regex.Match(page, @"/api/forms/annex4-performance/template\.docx\?roundId=\d+").Value;
        Assert.NotEmpty(link);
        Assert.Contains("绩效目标申报表", page);
        Assert.Contains("/api/forms/annex4-table/template.docx", page);

        var response = await recommender.GetAsync(link, Ct);
        Assert.Equal(AnnexWordWriter.ContentType, response.Content.Headers.ContentType?.MediaType);
        using var document = DocumentFormat.OpenXml.Packaging.WordprocessingDocument.Open(
            new MemoryStream(await response.Content.ReadAsByteArrayAsync(Ct)), false);
        var text = document.MainDocumentPart!.Document!.Body!.InnerText;
        Assert.Contains("绩效目标申报表", text);
        Assert.Contains("被服务对象满意度", text);
    }
}
