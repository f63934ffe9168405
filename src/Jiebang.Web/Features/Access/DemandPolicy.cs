using System.Linq.Expressions;
using Jiebang.Domain.Demands;
using Jiebang.Domain.Filings;
using Jiebang.Domain.Forms;
using Jiebang.Domain.Rules;

namespace Jiebang.Web.Features.Access;

/// <summary>
/// Who may do what with a demand, from role, unit, scope, state and deadline; null means yes. A
/// draft is its unit's alone: a recommending unit sees a demand once it was submitted through it,
/// the bureau once it reached the bureau. The same rule filters every list (<see cref="VisibleTo"/>).
/// </summary>
public static class DemandPolicy
{
    static RuleError? SignedIn(Actor actor) => actor.IsSignedIn ? null : Permissions.SignInRequired;

    /// <summary>Whether the actor files anything at all: applicants and recommending units do, staff and experts do not.</summary>
    public static RuleError? WhyNotFile(Actor actor) =>
        SignedIn(actor) ?? (actor.Roles.Contains(Roles.Applicant) || actor.Roles.Contains(Roles.Recommender)
            ? null : AccessErrors.ApplicantOnly.At(""));

    /// <summary>Who may start a filing on the form: the roles and unit types its definition names.</summary>
    public static RuleError? WhyNotStart(Actor actor, FormDefinition form) =>
        SignedIn(actor) ?? (form.Filing.Roles.Any(actor.Roles.Contains)
            ? null
            : (form.Filing.Roles.SequenceEqual([Roles.Recommender]) ? AccessErrors.RecommenderOnly : AccessErrors.ApplicantOnly).At(""));

    /// <summary>The owner unit, the recommending unit it was submitted through, and the bureau once it reached the bureau.</summary>
    public static RuleError? WhyNotView(Actor actor, Demand demand) =>
        SignedIn(actor) ?? (actor.BelongsTo(demand.OwnerUnitId)
            || (demand.RecommenderUnitId is { } r && actor.RecommendsFor(r) && demand.Versions.Count > 0)
            || (actor.IsStaffOrAdmin && demand.HasReachedBureau)
            ? null : AccessErrors.OtherUnit.At(""));

    /// <summary>The demands the actor may see, as a query every list starts from.</summary>
    public static IQueryable<Demand> VisibleTo(this IQueryable<Demand> demands, Actor actor) =>
        demands.Where(VisibleExpression(actor));

    /// <summary>
    /// <see cref="WhyNotView"/> as SQL, with only the branches the actor has: a member of no recommending unit gets no
    /// recommender branch, and staff get the stored marker (<see cref="Demand.ReachedBureauAt"/>), which an index serves.
    /// </summary>
    static Expression<Func<Demand, bool>> VisibleExpression(Actor actor)
    {
        if (!actor.IsSignedIn) return d => false;
        var unit = actor.UnitId ?? -1;
        var recommendsFor = actor.Scope.RecommendsFor.ToList();
        Expression<Func<Demand, bool>> own = d => d.OwnerUnitId == unit;
        Expression<Func<Demand, bool>> recommended = d =>
            d.RecommenderUnitId != null && recommendsFor.Contains(d.RecommenderUnitId.Value) && d.Versions.Any();
        Expression<Func<Demand, bool>> reached = d => d.ReachedBureauAt != null;
        var branches = new List<Expression<Func<Demand, bool>>>();
        if (actor.UnitId is not null) branches.Add(own);
        if (recommendsFor.Count > 0) branches.Add(recommended);
        if (actor.IsStaffOrAdmin) branches.Add(reached);
        if (branches.Count == 0) return d => false;
        var parameter = branches[0].Parameters[0];
        var body = branches.Skip(1).Aggregate(branches[0].Body,
            (all, branch) => Expression.OrElse(all, new Rebind(branch.Parameters[0], parameter).Visit(branch.Body)));
        return Expression.Lambda<Func<Demand, bool>>(body, parameter);
    }

    sealed class Rebind(ParameterExpression from, ParameterExpression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : node;
    }

    /// <summary>The owner unit's applicants and recommenders edit, submit and attach.</summary>
    public static RuleError? WhyNotEdit(Actor actor, Demand demand) =>
        SignedIn(actor) ?? (actor.BelongsTo(demand.OwnerUnitId)
            && (actor.Roles.Contains(Roles.Applicant) || actor.Roles.Contains(Roles.Recommender)) ? null : AccessErrors.OtherUnit.At(""));

    /// <summary>The owner withdraws a submitted demand before anyone acted on it and before the round's deadline.</summary>
    public static RuleError? WhyNotWithdraw(Actor actor, Demand demand, FilingWindow window, DateTimeOffset now) =>
        WhyNotEdit(actor, demand) ?? Demand.Lifecycle.WhyNotWithdraw(demand, window, now);

    /// <summary>The owner deletes a draft that was never submitted (an empty one left by a start, mostly).</summary>
    public static RuleError? WhyNotDelete(Actor actor, Demand demand) =>
        WhyNotEdit(actor, demand) ?? Demand.Lifecycle.WhyNotDelete(demand);

    /// <summary>The recommending unit a demand was sent through screens it.</summary>
    public static RuleError? WhyNotScreen(Actor actor, Demand demand) =>
        SignedIn(actor) ?? (actor.Roles.Contains(Roles.Recommender) && demand.RecommenderUnitId is { } r && actor.RecommendsFor(r)
            ? null : AccessErrors.RecommenderOnly.At(""));

    /// <summary>A recommending unit forwards what it accepted in its batch.</summary>
    public static RuleError? WhyNotRecommend(Actor actor) =>
        SignedIn(actor) ?? (actor.Roles.Contains(Roles.Recommender) ? null : AccessErrors.RecommenderOnly.At(""));

    /// <summary>Bureau staff decide on the acceptance (受理) of demands that reached the bureau.</summary>
    public static RuleError? WhyNotAccept(Actor actor) =>
        SignedIn(actor) ?? (actor.IsStaff ? null : AccessErrors.StaffOnly.At(""));
}
