using System.Text.Json.Nodes;
using Jiebang.Domain.Filings;
using Jiebang.Domain.Forms;
using Jiebang.Domain.Rules;
using Jiebang.Web.Data;
using Jiebang.Web.Features;
using Jiebang.Web.Features.Access;
using Jiebang.Web.Features.Audit;
using Jiebang.Web.Features.Filings;
using Jiebang.Web.Features.Forms;
using Microsoft.EntityFrameworkCore;

namespace Jiebang.Web.Tests.Features.Filings;

/// <summary>
/// A filing kind only the tests know: a mid-term report (中期报告) with its own record, states, receipt letters
/// and audit words, kept in memory, so that nothing of a demand's or a proposal's is in it. What it writes
/// itself is what a kind must: its record, how it starts, what it stores on a save and its submit's entry.
/// </summary>
public enum ReportStatus { Draft, Submitted, Returned, Withdrawn }

public sealed class Report : IFiling<ReportStatus>
{
    public static readonly FilingLifecycle<ReportStatus> Lifecycle = new(
        new(ReportStatus.Draft, ReportStatus.Submitted, ReportStatus.Returned, ReportStatus.Withdrawn), FilingErrors.Generic, "BG");

    readonly List<FilingVersion<ReportStatus>> versions = [];
    readonly List<FilingEvent<ReportStatus>> events = [];

    public required int Id { get; init; }
    public required int RoundId { get; init; }
    public required int OwnerUnitId { get; init; }
    public int? RecommenderUnitId => null;
    public required string FormKey { get; init; }
    public required int FormVersion { get; init; }
    public string Title { get; set; } = "";
    public ReportStatus Status { get; private set; }
    public string DraftJson { get; private set; } = "{}";
    public DateTimeOffset? SubmittedAt { get; private set; }
    public IReadOnlyList<FilingVersion<ReportStatus>> Versions => versions;
    public IReadOnlyList<FilingEvent<ReportStatus>> Events => events;

    public bool IsEditable => Lifecycle.IsEditable(Status);
    public FilingVersion<ReportStatus>? LatestVersion => Lifecycle.LatestVersion(this);

    public RuleError? Submit(FilingWindow window, IReadOnlyList<RuleError> findings, FilingActor by, DateTimeOffset now) =>
        Lifecycle.Submit(this, window, findings, by, now);

    public RuleError? Withdraw(FilingWindow window, FilingActor by, DateTimeOffset now) => Lifecycle.Withdraw(this, window, by, now);

    ReportStatus IFilingState<ReportStatus>.Status { get => Status; set => Status = value; }
    string IFilingState<ReportStatus>.DraftJson { get => DraftJson; set => DraftJson = value; }
    DateTimeOffset? IFilingState<ReportStatus>.SubmittedAt { get => SubmittedAt; set => SubmittedAt = value; }
    List<FilingVersion<ReportStatus>> IFilingState<ReportStatus>.VersionList => versions;
    List<FilingEvent<ReportStatus>> IFilingState<ReportStatus>.EventList => events;
    void IFilingState<ReportStatus>.Touch(DateTimeOffset now) { }
}

public sealed record LoadedReport(Report Filing, Round Round, FormDefinition Form, JsonObject Draft) : ILoadedFiling<Report>
{
    public FilingWindow Window => new(Round.OpensAt, Round.ClosesAt);
    public Taxonomy? Taxonomy => null;
    public IReadOnlyList<RuleError> Findings(JsonObject values) => FormCheck.Check(Form, values, null);
}

/// <summary>The kind's records in memory, its names and its policy: a report is its unit's applicants' alone.</summary>
public sealed class ReportStore(JiebangDbContext db, FormRegistry forms) : IFilingStore<Report, ReportStatus, LoadedReport>
{
    public Dictionary<int, Report> Reports { get; } = [];

    public FilingKind<Report, ReportStatus> Kind { get; } = new("Report", "report", Report.Lifecycle,
        (actor, report) => actor.BelongsTo(report.OwnerUnitId) ? null : AccessErrors.OtherUnit.At(""),
        (actor, report) => actor.BelongsTo(report.OwnerUnitId) && actor.Roles.Contains(Roles.Applicant) ? null : AccessErrors.OtherUnit.At(""),
        (actor, report) => actor.BelongsTo(report.OwnerUnitId) ? Report.Lifecycle.WhyNotDelete(report) : AccessErrors.OtherUnit.At(""));

    public JiebangDbContext Db => db;

    public Task<Outcome<LoadedReport>> LoadForAsync(Actor actor, int id, FilingAccess access, CancellationToken cancellationToken) =>
        FilingLoad.ForAsync(this, actor, id, access, cancellationToken);

    public async Task<LoadedReport?> LoadAsync(int id, CancellationToken cancellationToken)
    {
        if (!Reports.TryGetValue(id, out var report)) return null;
        var round = await db.Rounds.AsNoTracking().FirstAsync(r => r.Id == report.RoundId, cancellationToken);
        var form = await forms.FormAsync(report.FormKey, report.FormVersion, cancellationToken);
        return new LoadedReport(report, round, form!, JsonNode.Parse(report.DraftJson)!.AsObject());
    }

    public void Remove(Report filing) => Reports.Remove(filing.Id);
}

/// <summary>Starts a report in a round on the round's report form, if the form's definition lets the unit's type file it.</summary>
public sealed class StartReport(ReportStore store, FormRegistry forms, TimeProvider clock) : IStartFiling<int>
{
    public const string FormKey = "test-midterm-report";

    /// <summary>Ids unique in the test run, as a table's would be: the audit entries of two tests never share one.</summary>
    static int lastId;

    public static readonly ErrorCode NotForUnitType = ErrorCode.Forbidden("TEST_REPORT_NOT_FOR_UNIT_TYPE", Clause.Platform("test"));

    public async Task<Outcome<JsonObject>> PrefilledAsync(Actor actor, int roundId, CancellationToken cancellationToken)
    {
        var form = await forms.FormAsync(FormKey, 1, cancellationToken);
        var unit = await store.Db.Units.AsNoTracking().FirstAsync(u => u.Id == actor.UnitId, cancellationToken);
        return form!.Filing.AllowsUnitType(unit.Type) ? FormPrefill.InitialValues(form, unit, "") : NotForUnitType.At("");
    }

    public async Task<Outcome<int>> HandleAsync(Actor actor, int roundId, CancellationToken cancellationToken)
    {
        var prefilled = await PrefilledAsync(actor, roundId, cancellationToken);
        if (!prefilled.Succeeded) return prefilled.Errors.ToList();
        var report = new Report
        {
            Id = Interlocked.Increment(ref lastId), RoundId = roundId, OwnerUnitId = actor.UnitId!.Value, FormKey = FormKey, FormVersion = 1,
        };
        Report.Lifecycle.SaveDraft(report, prefilled.Value!.ToJsonString(), clock.GetUtcNow());
        store.Reports.Add(report.Id, report);
        return report.Id;
    }
}

public sealed record ReportInput(JsonObject Values) : IDraftInput
{
    public int? RecommenderUnitId => null;
}

/// <summary>A report's save keeps its title, from the field its form's definition names.</summary>
public sealed class SaveReportDraft(ReportStore store, TimeProvider clock) : SaveFilingDraft<Report, ReportStatus, LoadedReport, ReportInput>(store)
{
    protected override ReportInput InputOf(LoadedReport loaded, JsonObject values) => new(values);

    protected override Task<RuleError?> WhyNotRecommenderAsync(int unitId, CancellationToken cancellationToken) =>
        Task.FromResult<RuleError?>(AccessErrors.RecommenderOnly.At("recommenderUnitId"));

    protected override async Task<Outcome<DraftSaved>> SaveAsync(LoadedReport loaded, ReportInput input, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        if (Report.Lifecycle.SaveDraft(loaded.Filing, input.Values.ToJsonString(), now) is { } refused) return refused;
        loaded.Filing.Title = FormSummaries.From(loaded.Form, input.Values).Title;
        await store.Db.SaveChangesAsync(cancellationToken);
        return new DraftSaved(loaded.Filing.Id, now, loaded.Findings(input.Values));
    }
}

/// <summary>A report's submit answers its receipt number and writes its own entry.</summary>
public sealed class SubmitReport(ReportStore store, AuditTrail audit, TimeProvider clock)
    : SubmitFiling<Report, ReportStatus, LoadedReport>(store, clock)
{
    public Task<Outcome<string>> HandleAsync(Actor actor, int id, CancellationToken cancellationToken) =>
        OnceAsync(id, async () =>
        {
            var submitted = await SubmitLoadedAsync(actor, id, cancellationToken);
            return submitted.Succeeded ? submitted.Value!.Version.ReceiptNumber : submitted.Errors.ToList();
        }, (_, version) => version.ReceiptNumber, cancellationToken);

    protected override void Audit(Actor actor, Report report, ReportStatus before, FilingVersion<ReportStatus> version) =>
        audit.Record(actor, "report.submitted", "Report", report.Id.ToString(), new { Status = before }, new { report.Status, version.Number });
}
