using Jiebang.Domain.Guidelines;
using Jiebang.Domain.Rules;

namespace Jiebang.Web.Features.Access;

/// <summary>
/// Who may do what with the challenge list (榜单) and its calls; null means yes. Bureau staff compile,
/// edit, withdraw and publish; staff and administrators read drafts; anyone reads what was published
/// (<see cref="IsPublic"/>). A unit sees which published items its own demands were taken up into.
/// </summary>
public static class GuidelinePolicy
{

    static RuleError? SignedIn(Actor actor) => actor.IsSignedIn ? null : Permissions.SignInRequired;

    /// <summary>Compiling, editing and withdrawing items, and publishing a call: bureau staff alone.</summary>
    public static RuleError? WhyNotCompile(Actor actor) =>
        SignedIn(actor) ?? (actor.IsStaff ? null : AccessErrors.StaffOnly.At(""));

    public static RuleError? WhyNotPublish(Actor actor) => WhyNotCompile(actor);

    /// <summary>Drafts and the lineage's demand links: the bureau's staff and administrators.</summary>
    public static RuleError? WhyNotViewDrafts(Actor actor) =>
        SignedIn(actor) ?? (actor.IsStaffOrAdmin ? null : AccessErrors.StaffOnly.At(""));

    /// <summary>What anyone may read without signing in: a published item of a published call.</summary>
    public static bool IsPublic(GuidelineItem item, Data.Round call) => item.IsPublic && call.IsPublishedCall;

    /// <summary>The items the actor may see in a lineage: every one for staff, the published ones for the rest.</summary>
    public static IQueryable<GuidelineItem> VisibleTo(this IQueryable<GuidelineItem> items, Actor actor) =>
        actor.IsStaffOrAdmin ? items : items.Where(i => i.PublishedAt != null);
}
