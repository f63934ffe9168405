using System.Text.Json.Nodes;
using Jiebang.Domain.Filings;
using Jiebang.Domain.Forms;
using Jiebang.Domain.Rounds;
using Jiebang.Web.Data;
using Jiebang.Web.Documents;
using Jiebang.Web.Features.Access;
using Jiebang.Web.Features.Audit;
using Jiebang.Web.Features.Filings;
using Jiebang.Web.Features.Forms;
using Jiebang.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Jiebang.Web.Tests.Features.Filings;

/// <summary>
/// The filing core with a second kind that no code of the app knows (<see cref="Report"/>, another unit type, its own
/// title field): the core's first save, save, submit, withdraw, delete and attachment-field save run it unchanged.
/// </summary>
[Trait("Category", "Database")]
public sealed class TestOnlyFilingKindTests(AppWithPersonas host) : IClassFixture<AppWithPersonas>
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    const string Definition = """
        {
          "key": "test-midterm-report",
          "version": 1,
          "titleZh": "测试用中期报告表",
          "titleEn": "Test mid-term report",
          "clause": "test form",
          "filing": {
            "kind": "report",
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

    Actor University => new("applicant-u", "applicant-u", host.Personas.University, new HashSet<string> { Roles.Applicant });
    Actor Enterprise => new("applicant-a", "applicant-a", host.Personas.UnitA, new HashSet<string> { Roles.Applicant });

    /// <summary>The kind's use cases on one request's services: the core's own classes, closed over the report.</summary>
    sealed record Kind(IServiceScope Scope, ReportStore Store, SaveNewFiling<int, ReportInput> SaveNew, SaveReportDraft Save,
        SubmitReport Submit, WithdrawFiling<Report, ReportStatus, LoadedReport> Withdraw, DeleteFilingDraft<Report, ReportStatus, LoadedReport> Delete,
        FilingFiles<Report, ReportStatus, LoadedReport> Files, FilingWordImport<Report, ReportStatus, LoadedReport> Import,
        AnnexWordWriter Writer) : IDisposable
    {
        public void Dispose() => Scope.Dispose();
    }

    Kind Services()
    {
        var scope = host.App.Services.CreateScope();
        var s = scope.ServiceProvider;
        var (db, audit, clock) = (s.GetRequiredService<JiebangDbContext>(), s.GetRequiredService<AuditTrail>(), s.GetRequiredService<TimeProvider>());
        var store = new ReportStore(db, s.GetRequiredService<FormRegistry>());
        var save = new SaveReportDraft(store, clock);
        return new Kind(scope, store, new SaveNewFiling<int, ReportInput>(new StartReport(store, s.GetRequiredService<FormRegistry>(), clock), save, db),
            save, new SubmitReport(store, audit, clock), new(store, audit, clock), new(store, audit), new(store, save, clock),
            new(store, save, s.GetRequiredService<AnnexWordReader>(), audit), s.GetRequiredService<AnnexWordWriter>());
    }

    async Task<int> RoundWithTheReportFormAsync()
    {
        await using var db = host.App.CreateDbContext();
        if (!await db.FormDefinitions.AnyAsync(f => f.Key == StartReport.FormKey, Ct))
            db.FormDefinitions.Add(new FormDefinitionRecord { Key = StartReport.FormKey, Version = 1, Json = Definition });
        var now = host.App.Clock.GetUtcNow();
        var round = new Round
        {
            Title = "测试：中期报告", Kind = RoundKind.DemandSolicitation, OpensAt = now.AddDays(-1), ClosesAt = now.AddDays(30),
            Forms = [StartReport.FormKey + "@1"], CreatedAt = now, UpdatedAt = now,
        };
        db.Rounds.Add(round);
        await db.SaveChangesAsync(Ct);
        return round.Id;
    }

    static JsonObject Values(string title, string progress) =>
        new() { ["reportingUnit"] = "测试大学", ["reportTitle"] = title, ["progress"] = progress };

    async Task<List<string>> ActionsOnAsync(int reportId)
    {
        await using var db = host.App.CreateDbContext();
        return await db.AuditEntries.Where(a => a.EntityType == "Report" && a.EntityId == reportId.ToString()).OrderBy(a => a.Id)
            .Select(a => a.Action).ToListAsync(Ct);
    }

    [Fact]
    public async Task Report_FiledByAUniversity_IsTitledByItsFieldSubmittedOnceAndWithdrawnThroughTheCore()
    {
        var roundId = await RoundWithTheReportFormAsync();
        using var kind = Services();

        var untouched = await kind.SaveNew.HandleAsync(University, roundId, new ReportInput(new JsonObject { ["reportingUnit"] = "测试大学" }),
            cancellationToken: Ct);
        Assert.True(untouched.Succeeded);
        Assert.Null(untouched.Value); // only what the unit's name prefilled: no draft
        Assert.Empty(kind.Store.Reports);

        var first = await kind.SaveNew.HandleAsync(University, roundId, new ReportInput(Values("高导热陶瓷中期报告", "")), cancellationToken: Ct);
        var id = first.Value!.Id;
        Assert.Equal("高导热陶瓷中期报告", kind.Store.Reports[id].Title);
        Assert.Contains(first.Value.Findings, f => f.Field == "progress" && f.Is(FormErrors.Required));

        var incomplete = await kind.Submit.HandleAsync(University, id, Ct);
        Assert.Contains(incomplete.Errors, e => e.Field == "progress" && e.Is(FormErrors.Required));
        Assert.Equal(ReportStatus.Draft, kind.Store.Reports[id].Status);

        Assert.True((await kind.Files.SaveFieldAsync(University, id, "progress", "完成样品试制", Ct)).Succeeded);
        var receipt = await kind.Submit.HandleAsync(University, id, Ct);
        Assert.Equal($"BG{roundId:D3}-{id:D6}-1", receipt.Value);
        Assert.Equal(receipt.Value, (await kind.Submit.HandleAsync(University, id, Ct)).Value); // a double submit keeps the one version
        Assert.Single(kind.Store.Reports[id].Versions);

        Assert.True((await kind.Withdraw.HandleAsync(Enterprise, id, Ct)).IsNotFound); // another unit cannot find it
        var withdrawn = await kind.Withdraw.HandleAsync(University, id, Ct);
        Assert.Equal(ReportStatus.Withdrawn, withdrawn.Value);
        Assert.Equal([ReportStatus.Submitted, ReportStatus.Withdrawn], kind.Store.Reports[id].Events.Select(e => e.To));
        Assert.Equal(FilingErrors.Generic.NotDeletable.Code, (await kind.Delete.HandleAsync(University, id, Ct)).Errors.Single().Code);
        Assert.Equal(["report.submitted", "report.withdrawn"], await ActionsOnAsync(id));
    }

    [Fact]
    public async Task Report_DraftNeverSubmitted_IsDeletedWithAnEntryOfWhatItWas()
    {
        var roundId = await RoundWithTheReportFormAsync();
        using var kind = Services();
        var id = (await kind.SaveNew.HandleAsync(University, roundId, new ReportInput(Values("待删除的报告", "")), cancellationToken: Ct)).Value!.Id;

        Assert.True((await kind.Delete.HandleAsync(Enterprise, id, Ct)).IsNotFound);
        Assert.Equal(id, (await kind.Delete.HandleAsync(University, id, Ct)).Value);
        Assert.False(kind.Store.Reports.ContainsKey(id));
        Assert.Equal(["report.deleted"], await ActionsOnAsync(id));
    }

    [Fact]
    public async Task Report_AnEnterprise_IsRefusedByTheUnitTypesItsDefinitionNames()
    {
        var roundId = await RoundWithTheReportFormAsync();
        using var kind = Services();
        var refused = await kind.SaveNew.HandleAsync(Enterprise, roundId, new ReportInput(Values("企业的报告", "进展")), cancellationToken: Ct);
        Assert.True(refused.Errors.Single().Is(StartReport.NotForUnitType));
        Assert.Empty(kind.Store.Reports);
    }

    [Fact]
    public async Task Report_FilledInWord_IsReadIntoItsDraftThroughTheCore()
    {
        var roundId = await RoundWithTheReportFormAsync();
        using var kind = Services();
        var id = (await kind.SaveNew.HandleAsync(University, roundId, new ReportInput(Values("高导热陶瓷中期报告", "")), cancellationToken: Ct)).Value!.Id;
        var form = (await kind.Store.LoadForAsync(University, id, FilingAccess.Edit, Ct)).Value!.Form;
        var filled = kind.Writer.Write(form, Values("高导热陶瓷中期报告（修订）", "完成样品试制，热导率达到170 W/(m·K)"), null);

        using (var stranger = new MemoryStream(filled))
            Assert.True((await kind.Import.HandleAsync(Enterprise, id, stranger, filled.Length, Ct)).IsNotFound);
        using var file = new MemoryStream(filled);
        var imported = await kind.Import.HandleAsync(University, id, file, filled.Length, Ct);

        Assert.True(imported.Succeeded, string.Join("; ", imported.Errors.Select(e => e.Code)));
        Assert.Contains(imported.Value!.Import.Fields, f => f.Key == "progress" && f.Status == ImportStatus.Found);
        Assert.DoesNotContain(imported.Value.Findings, f => f.Field == "progress");
        var report = kind.Store.Reports[id];
        Assert.Equal("高导热陶瓷中期报告（修订）", report.Title);
        Assert.Equal("完成样品试制，热导率达到170 W/(m·K)", (string?)JsonNode.Parse(report.DraftJson)!["progress"]);
        Assert.Equal(["report.imported_word"], await ActionsOnAsync(id));
    }
}
