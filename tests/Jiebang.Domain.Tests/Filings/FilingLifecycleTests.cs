using Jiebang.Domain.Filings;
using Jiebang.Domain.Forms;
using Jiebang.Domain.Rounds;
using Jiebang.Domain.Rules;

namespace Jiebang.Domain.Tests.Filings;

/// <summary>
/// The lifecycle on a filing kind of the tests' own: a mid-term report with its own states. It
/// composes <see cref="FilingLifecycle{TStatus}"/> as Demand does, and nothing of Demand.
/// </summary>
public sealed class FilingLifecycleTests
{
    enum ReportStatus { Draft, Submitted, Returned, Withdrawn, Approved }

    sealed class Report(int id) : IFilingState<ReportStatus>
    {
        public static readonly FilingLifecycle<ReportStatus> Lifecycle = new(
            new(ReportStatus.Draft, ReportStatus.Submitted, ReportStatus.Returned, ReportStatus.Withdrawn), FilingErrors.Generic, "ZQ");

        public int Id { get; } = id;
        public int RoundId => 3;
        public ReportStatus Status { get; set; }
        public string DraftJson { get; set; } = "{}";
        public DateTimeOffset? SubmittedAt { get; set; }
        public List<FilingVersion<ReportStatus>> VersionList { get; } = [];
        public List<FilingEvent<ReportStatus>> EventList { get; } = [];
        public int Touched { get; private set; }
        public void Touch(DateTimeOffset now) => Touched++;

        /// <summary>The kind's own move, beside the shared ones.</summary>
        public RuleError? Approve(FilingActor by, DateTimeOffset now)
        {
            if (Status != ReportStatus.Submitted) return FilingErrors.Generic.NotEditable.At("", Status);
            Lifecycle.Move(this, ReportStatus.Approved, by, null, now);
            return null;
        }
    }

    static readonly FilingWindow Window = new(ChinaTime.At(2025, 1, 1), ChinaTime.At(2025, 6, 30, 17, 30));
    static readonly DateTimeOffset During = ChinaTime.At(2025, 3, 1, 9, 0);
    static readonly FilingActor Filer = new("u-report", 40);
    static readonly FilingActor Staff = new("staff", 1);

    [Fact]
    public void WhyNotDelete_OnlyADraftNeverSubmitted_MayGo()
    {
        var report = new Report(43);
        var life = Report.Lifecycle;
        Assert.Null(life.SaveDraft(report, """{"title":"中期报告"}""", During));
        Assert.Null(life.WhyNotDelete(report));

        Assert.Null(life.Submit(report, Window, [], Filer, During));
        Assert.Equal("FILING_NOT_DELETABLE", life.WhyNotDelete(report)!.Code);
        Assert.Null(life.Withdraw(report, Window, Filer, During));
        Assert.Equal(ReportStatus.Withdrawn, report.Status);
        Assert.Equal("FILING_NOT_DELETABLE", life.WhyNotDelete(report)!.Code); // withdrawn, yet its receipt names it
    }

    [Fact]
    public void Lifecycle_OwnFilingKind_GoesThroughSubmitReturnResubmitWithdraw()
    {
        var report = new Report(42);
        var life = Report.Lifecycle;
        Assert.Null(life.SaveDraft(report, """{"title":"中期报告"}""", During));
        Assert.Null(life.Submit(report, Window, [], Filer, During));
        Assert.Equal("ZQ003-000042-1", report.VersionList[0].ReceiptNumber);
        Assert.Equal("FILING_NOT_EDITABLE", life.SaveDraft(report, "{}", During)!.Code);

        Assert.Equal("FILING_REASON_REQUIRED", life.Return(report, " ", Staff, During)!.Code);
        Assert.Null(life.Return(report, "请补充经费使用情况", Staff, During));
        Assert.Null(life.SaveDraft(report, """{"title":"中期报告（修改）"}""", During));
        Assert.Null(life.Submit(report, Window, [], Filer, During));
        Assert.Null(life.Withdraw(report, Window, Filer, During));

        Assert.Equal(ReportStatus.Withdrawn, report.Status);
        Assert.Equal([1, 2], report.VersionList.Select(v => v.Number));
        Assert.NotEqual(report.VersionList[0].ContentHash, report.VersionList[1].ContentHash);
        Assert.Equal(
            [(ReportStatus.Draft, ReportStatus.Submitted), (ReportStatus.Submitted, ReportStatus.Returned),
             (ReportStatus.Returned, ReportStatus.Submitted), (ReportStatus.Submitted, ReportStatus.Withdrawn)],
            report.EventList.Select(e => (e.From, e.To)));
        Assert.Equal("请补充经费使用情况", report.EventList[1].Reason);
        Assert.Equal(["u-report", "staff", "u-report", "u-report"], report.EventList.Select(e => e.ActorUserId));
    }

    [Fact]
    public void Submit_ErrorFinding_IsRefusedWithTheKindsCode_WarningOnlyIsNot()
    {
        var report = new Report(7);
        var error = FormErrors.Required.AtClause("test", "title", "标题");
        Assert.Equal("FILING_HAS_ERRORS", Report.Lifecycle.Submit(report, Window, [error], Filer, During)!.Code);
        Assert.Empty(report.VersionList);
        var warning = FormErrors.TextLongerThanAbout.WarningAtClause("test", "title", "标题", 30, 31);
        Assert.Null(Report.Lifecycle.Submit(report, Window, [warning], Filer, During));
    }

    [Fact]
    public void Withdraw_AfterTheDeadline_OrAfterTheKindsOwnMove_IsRefused()
    {
        var report = new Report(8);
        Report.Lifecycle.Submit(report, Window, [], Filer, During);
        Assert.Equal("FILING_ROUND_CLOSED", Report.Lifecycle.WhyNotWithdraw(report, Window, ChinaTime.At(2025, 6, 30, 17, 30))!.Code);
        Assert.Null(report.Approve(Staff, During));
        Assert.Equal("FILING_NOT_WITHDRAWABLE", Report.Lifecycle.Withdraw(report, Window, Filer, During)!.Code);
    }

    [Fact]
    public void Submit_SameContentAgain_KeepsTheVersionAlreadyMade()
    {
        var report = new Report(9);
        Report.Lifecycle.Submit(report, Window, [], Filer, During);
        Assert.Null(Report.Lifecycle.Submit(report, Window, [], Filer, During.AddSeconds(1)));
        Assert.Single(report.VersionList);
    }
}
