using Jiebang.Domain.Demands;
using Jiebang.Domain.Proposals;
using Jiebang.Domain.Rounds;
using Jiebang.Web.Data;
using Jiebang.Web.Features.Access;
using Microsoft.EntityFrameworkCore;

namespace Jiebang.Web.Features.Home;

/// <summary>What each role has to do now, for its home page. Texts are resource keys.</summary>
public sealed class ToDoList(JiebangDbContext db, TimeProvider clock)
{
    public sealed record Item(string TextKey, int Count, string Link);
    public sealed record OpenRound(int Id, string Title, RoundKind Kind, string ClosesAtChina);
    public sealed record View(IReadOnlyList<Item> Items, IReadOnlyList<OpenRound> OpenRounds, string EmptyStateKey, string? UnitName, UnitStatus? UnitStatus);

    public async Task<View> ForAsync(Actor actor, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        var open = (await db.Rounds.AsNoTracking().Where(r => r.OpensAt <= now && now < r.ClosesAt)
                .OrderBy(r => r.ClosesAt).ToListAsync(cancellationToken))
            .Select(r => new OpenRound(r.Id, r.Title, r.Kind, ChinaTime.Format(r.ClosesAt))).ToList();
        var unit = actor.UnitId is { } unitId
            ? await db.Units.AsNoTracking().Where(u => u.Id == unitId).Select(u => new { u.Name, u.Status }).FirstOrDefaultAsync(cancellationToken)
            : null;

        var items = new List<Item>();
        if (actor.IsStaff)
        {
            var pending = await db.Units.CountAsync(u => u.Status == UnitStatus.Pending, cancellationToken);
            if (pending > 0) items.Add(new Item("ToDo_PendingUnits", pending, "/Units?status=Pending"));
            var waiting = await db.Demands.CountAsync(d => d.Status == DemandStatus.ForwardedToBureau
                || (d.Status == DemandStatus.Submitted && d.RecommenderUnitId == null), cancellationToken);
            if (waiting > 0) items.Add(new Item("ToDo_DemandsWaiting", waiting, "/Inbox"));
            var formalReview = await db.Proposals.CountAsync(p => p.Status == ProposalStatus.Recommended, cancellationToken);
            if (formalReview > 0) items.Add(new Item("ToDo_FormalReviewWaiting", formalReview, "/FormalReview"));
        }
        if (actor.UnitId is { } own && actor.Roles.Contains(Roles.Recommender))
        {
            var toScreen = await db.Demands.CountAsync(d => d.RecommenderUnitId == own && d.Status == DemandStatus.Submitted, cancellationToken);
            if (toScreen > 0) items.Add(new Item("ToDo_DemandsToScreen", toScreen, "/Recommend"));
        }
        if (actor.UnitId is { } mine)
        {
            var returned = await db.Demands.CountAsync(d => d.OwnerUnitId == mine && d.Status == DemandStatus.Returned, cancellationToken);
            if (returned > 0) items.Add(new Item("ToDo_DemandsReturned", returned, "/Demands"));
            var proposalsReturned = await db.Proposals.CountAsync(p => p.OwnerUnitId == mine && p.Status == ProposalStatus.Returned, cancellationToken);
            if (proposalsReturned > 0) items.Add(new Item("ToDo_ProposalsReturned", proposalsReturned, "/Proposals"));
            var drafts = await db.Demands.CountAsync(d => d.OwnerUnitId == mine
                && (d.Status == DemandStatus.Draft || d.Status == DemandStatus.Withdrawn), cancellationToken);
            if (drafts > 0) items.Add(new Item("ToDo_DemandDrafts", drafts, "/Demands"));
            if (actor.Roles.Contains(Roles.Applicant) || actor.Roles.Contains(Roles.Recommender))
            {
                var openDemandRounds = open.Where(r => r.Kind == RoundKind.DemandSolicitation).Select(r => r.Id).ToList();
                var filedIn = await db.Demands.Where(d => d.OwnerUnitId == mine && openDemandRounds.Contains(d.RoundId))
                    .Select(d => d.RoundId).Distinct().CountAsync(cancellationToken);
                if (openDemandRounds.Count > filedIn)
                    items.Add(new Item("ToDo_RoundsToFile", openDemandRounds.Count - filedIn, "/Demands"));
            }
        }
        var emptyKey = !actor.IsSignedIn ? "Empty_Anonymous"
            : actor.IsStaff ? "Empty_Staff"
            : actor.IsAdmin ? "Empty_Admin"
            : actor.Roles.Contains(Roles.Expert) ? "Empty_Expert"
            : actor.Roles.Contains(Roles.Recommender) ? "Empty_Recommender"
            : "Empty_Applicant";
        return new View(items, open, emptyKey, unit?.Name, unit?.Status);
    }
}
