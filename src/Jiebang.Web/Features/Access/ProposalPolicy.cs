using System.Linq.Expressions;
using Jiebang.Domain.Filings;
using Jiebang.Domain.Forms;
using Jiebang.Domain.Proposals;
using Jiebang.Domain.Rules;
using Jiebang.Domain.Units;

namespace Jiebang.Web.Features.Access;

/// <summary>
/// Who may do what with a proposal; null means yes. A draft is its unit's alone; the recommending unit
/// sees a proposal once it was submitted through it; bureau staff once it reached them (recommended on).
/// The same rule filters every list (<see cref="VisibleTo"/>); what may not be seen answers 404.
/// </summary>
public static class ProposalPolicy
{


    static RuleError? SignedIn(Actor actor) => actor.IsSignedIn ? null : Permissions.SignInRequired;

    /// <summary>An applicant of a unit the form allows, and never a government organ [annex 4 §2.1].</summary>
    public static RuleError? WhyNotStart(Actor actor, FormDefinition form, UnitType unitType) =>
        SignedIn(actor)
        ?? (form.Filing.Roles.Any(actor.Roles.Contains) && actor.Roles.Contains(Roles.Applicant) ? null : AccessErrors.ApplicantOnly.At(""))
        ?? (form.Filing.AllowsUnitType(unitType) && !unitType.IsGovernment() ? null
            : ProposalFilingErrors.UnitTypeNotEligible.At("", unitType));

    public static RuleError? WhyNotView(Actor actor, Proposal proposal) =>
        SignedIn(actor) ?? (actor.BelongsTo(proposal.OwnerUnitId)
            || (proposal.RecommenderUnitId is { } r && actor.RecommendsFor(r) && proposal.Versions.Count > 0)
            || proposal.Levels.Any(l => actor.RecommendsFor(l.UnitId))
            || (actor.IsStaffOrAdmin && proposal.HasLeftRecommender)
            ? null : AccessErrors.OtherUnit.At(""));

    /// <summary>The proposals the actor may see, as a query every list starts from.</summary>
    public static IQueryable<Proposal> VisibleTo(this IQueryable<Proposal> proposals, Actor actor) =>
        proposals.Where(VisibleExpression(actor));

    static Expression<Func<Proposal, bool>> VisibleExpression(Actor actor)
    {
        if (!actor.IsSignedIn) return p => false;
        var unit = actor.UnitId ?? -1;
        var recommendsFor = actor.Scope.RecommendsFor.ToList();
        var bureau = actor.IsStaffOrAdmin;
        return p => p.OwnerUnitId == unit
            || (p.RecommenderUnitId != null && recommendsFor.Contains(p.RecommenderUnitId.Value) && p.Versions.Any())
            || p.Levels.Any(l => recommendsFor.Contains(l.UnitId))
            || (bureau && p.Events.Any(e => e.To == ProposalStatus.Recommended));
    }

    /// <summary>The owner unit's applicants edit, submit, withdraw and attach.</summary>
    public static RuleError? WhyNotEdit(Actor actor, Proposal proposal) =>
        SignedIn(actor) ?? (actor.BelongsTo(proposal.OwnerUnitId) && actor.Roles.Contains(Roles.Applicant)
            ? null : AccessErrors.OtherUnit.At(""));

    public static RuleError? WhyNotWithdraw(Actor actor, Proposal proposal, FilingWindow window, DateTimeOffset now) =>
        WhyNotEdit(actor, proposal) ?? Proposal.Lifecycle.WhyNotWithdraw(proposal, window, now);

    /// <summary>The owner deletes a draft that was never submitted (an empty one left by a start, mostly).</summary>
    public static RuleError? WhyNotDelete(Actor actor, Proposal proposal) =>
        WhyNotEdit(actor, proposal) ?? Proposal.Lifecycle.WhyNotDelete(proposal);

    /// <summary>
    /// The recommending level that holds the proposal now acts on it (recommends, rejects, returns at the
    /// first level); each level sees only what reached it [annex 4 §4.2].
    /// </summary>
    public static RuleError? WhyNotRecommend(Actor actor, Proposal proposal) =>
        SignedIn(actor) ?? (actor.Roles.Contains(Roles.Recommender) && proposal.HolderUnitId is { } holder && actor.RecommendsFor(holder)
            ? null : AccessErrors.RecommenderOnly.At(""));

    /// <summary>The bureau's staff run formal review of what reached the bureau [notice §3: 形式审核（主体和格式）].</summary>
    public static RuleError? WhyNotFormalReview(Actor actor) =>
        SignedIn(actor) ?? (actor.IsStaff ? null : AccessErrors.StaffOnly.At(""));
}
