using Jiebang.Domain.Rules;
using Jiebang.Web.Data;

namespace Jiebang.Web.Features.Access;

/// <summary>
/// Every "may this actor do that?" question, answered with the reason when the answer is no
/// (null means yes). Pages use <see cref="Can"/> to render; use cases use the reason to refuse.
/// </summary>
public static class Permissions
{
    public static bool Can(RuleError? whyNot) => whyNot is null;

    public static RuleError SignInRequired => AccessErrors.SignInRequired.At("");

    static RuleError? SignedIn(Actor actor) => actor.IsSignedIn ? null : SignInRequired;

    public static RuleError? WhyNotViewUnit(Actor actor, Unit unit) =>
        SignedIn(actor) ?? (actor.IsStaffOrAdmin || actor.BelongsTo(unit.Id) ? null : AccessErrors.OtherUnit.At(""));

    public static RuleError? WhyNotListUnits(Actor actor) =>
        SignedIn(actor) ?? (actor.IsStaffOrAdmin ? null : AccessErrors.StaffOnly.At(""));

    public static RuleError? WhyNotReviewUnit(Actor actor) =>
        SignedIn(actor) ?? (actor.IsStaff ? null : AccessErrors.StaffOnly.At(""));

    /// <summary>Revealing a unit contact's phone: the unit's own people and staff; every reveal is audited.</summary>
    public static RuleError? WhyNotRevealUnitContact(Actor actor, Unit unit) => WhyNotViewUnit(actor, unit);

    public static RuleError? WhyNotEditRounds(Actor actor) =>
        SignedIn(actor) ?? (actor.IsStaffOrAdmin ? null : AccessErrors.StaffOnly.At(""));

    public static RuleError? WhyNotViewRounds(Actor actor) => SignedIn(actor);

    public static RuleError? WhyNotReadAudit(Actor actor) =>
        SignedIn(actor) ?? (actor.IsStaffOrAdmin ? null : AccessErrors.StaffOnly.At(""));

    public static RuleError? WhyNotManageAccounts(Actor actor) =>
        SignedIn(actor) ?? (actor.IsAdmin ? null : AccessErrors.AdminOnly.At(""));

    /// <summary>The blacklist (失信记录) holds personal data: only staff and administrators see or change it.</summary>
    public static RuleError? WhyNotManageBlacklist(Actor actor) =>
        SignedIn(actor) ?? (actor.IsStaffOrAdmin ? null : AccessErrors.StaffOnly.At(""));

    /// <summary>Bureau staff's work on what reached the bureau (查重 imports, the 查重 reports).</summary>
    public static RuleError? WhyNotActAsBureau(Actor actor) =>
        SignedIn(actor) ?? (actor.IsStaff ? null : AccessErrors.StaffOnly.At(""));
}
