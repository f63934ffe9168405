using Jiebang.Domain.Demands;
using Jiebang.Web.Features.Guidelines;

namespace Jiebang.Web.Features.Audit;

/// <summary>
/// Every action code the platform writes to the audit trail, each read as a sentence: the resource
/// <c>AuditDid_{code}</c> holds its verb phrase in both languages, with <c>{0}</c> where the record is
/// named. <c>AuditActionsTests</c> finds every code written anywhere in src and checks it is here.
/// </summary>
public static class AuditActions
{
    /// <summary>One action: its code, and whether its reason is a person's words (shown) or a technical note (kept with the codes).</summary>
    public sealed record Action(string Code, bool ReasonIsText = false)
    {
        public string ResourceKey => "AuditDid_" + Code;
    }

    static IEnumerable<Action> Decisions(string prefix) =>
        Enum.GetValues<ScreeningDecision>().Select(d => new Action($"{prefix}.{d.ToString().ToLowerInvariant()}", ReasonIsText: true));

    public static readonly IReadOnlyList<Action> All =
    [
        new("platform.setup"), new("platform.restored"),
        new("signin.succeeded"), new("signin.failed"), new("account.created"), new("account.two_factor_enabled"),
        new("unit.registered"), new("unit.approved"), new("unit.rejected", ReasonIsText: true), new("unit.edited", ReasonIsText: true),
        new("unit.contact_updated"), new("personal.revealed"),
        new("unit.licence_attached"), new("unit.licence_downloaded"),
        new("round.created"), new("round.updated"),
        new("demand.started"), new("demand.submitted"), new("demand.withdrawn"), new("demand.deleted"),
        .. Decisions("demand.screened"), .. Decisions("demand.accepted"),
        new("demand.downloaded_word"), new("demand.imported_word"), new("export.summary"),
        new("file.attached"), new("file.downloaded"),
        new("batch.submitted", ReasonIsText: true), new("batch.opened"), new("batch.proposals_chosen"),
        new("batch.letter_generated"), new("batch.summary_exported"), new("letter_template.edited"),
        .. Enum.GetValues<CompileGuidelineItems.Mode>().Select(m => new Action($"guideline.compiled.{m.ToString().ToLowerInvariant()}")),
        new("guideline.edited"), new("guideline.withdrawn", ReasonIsText: true), new("guideline.published"), new("call.published"),
        new("proposal.started"), new("proposal.submitted"), new("proposal.withdrawn"), new("proposal.deleted"), new("proposal.returned", ReasonIsText: true),
        new("proposal.recommended", ReasonIsText: true), new("proposal.recommendation_undone"), new("proposal.rejected", ReasonIsText: true),
        new("proposal.forwarded"), new("proposal.recommended_to_bureau"),
        new("proposal.formal_review_passed", ReasonIsText: true), new("proposal.formal_review_returned", ReasonIsText: true),
        new("proposal.formal_review_failed", ReasonIsText: true),
        new("proposal.downloaded_word"), new("proposal.imported_word"),
        new("blacklist.imported"), new("similarity.imported"),
    ];

    static readonly Dictionary<string, Action> ByCode = All.ToDictionary(a => a.Code);

    /// <summary>The action of a code, or null for one the platform no longer writes (shown by its code).</summary>
    public static Action? Find(string code) => ByCode.GetValueOrDefault(code);
}
