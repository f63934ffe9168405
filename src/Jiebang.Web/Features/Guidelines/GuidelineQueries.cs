using Jiebang.Domain.Demands;
using Jiebang.Domain.Guidelines;
using Jiebang.Domain.Rounds;
using Jiebang.Web.Data;
using Jiebang.Web.Features.Access;
using Microsoft.EntityFrameworkCore;

namespace Jiebang.Web.Features.Guidelines;

/// <summary>What staff read while compiling: the accepted demands, the calls and their items, and each side of the lineage.</summary>
public sealed class GuidelineQueries(JiebangDbContext db, TimeProvider clock)
{
    public sealed record ItemRef(int Id, int CallRoundId, int Number, string Name, GuidelineItemStatus Status, bool IsPublic);

    public sealed record AcceptedDemand(int Id, string Title, string Area, string Directions, string OwnerUnitName,
        DateTimeOffset? SubmittedAt, IReadOnlyList<ItemRef> Items);

    public sealed record CallRef(int Id, string Title, DateTimeOffset OpensAt, DateTimeOffset ClosesAt, DateTimeOffset? PublishedAt, bool IsOpen);

    public sealed record SourceDemand(int Id, string Title, string OwnerUnitName, DemandStatus Status);

    public sealed record ItemDetail(GuidelineItem Item, CallRef Call, IReadOnlyList<SourceDemand> Sources);

    /// <summary>The demand rounds, newest first, for the compile page's choice.</summary>
    public async Task<Outcome<IReadOnlyList<Round>>> DemandRoundsAsync(Actor actor, CancellationToken cancellationToken = default)
    {
        if (GuidelinePolicy.WhyNotViewDrafts(actor) is { } denied) return denied;
        return await db.Rounds.AsNoTracking().Where(r => r.Kind == RoundKind.DemandSolicitation)
            .OrderByDescending(r => r.OpensAt).ToListAsync(cancellationToken);
    }

    /// <summary>The proposal calls, newest first.</summary>
    public async Task<Outcome<IReadOnlyList<CallRef>>> CallsAsync(Actor actor, CancellationToken cancellationToken = default)
    {
        if (GuidelinePolicy.WhyNotViewDrafts(actor) is { } denied) return denied;
        var now = clock.GetUtcNow();
        var calls = await db.Rounds.AsNoTracking().Where(r => r.Kind == RoundKind.ProposalCall)
            .OrderByDescending(r => r.OpensAt).ToListAsync(cancellationToken);
        return calls.Select(c => Ref(c, now)).ToList();
    }

    public async Task<Outcome<IReadOnlyList<AcceptedDemand>>> AcceptedDemandsAsync(Actor actor, int demandRoundId,
        CancellationToken cancellationToken = default)
    {
        if (GuidelinePolicy.WhyNotViewDrafts(actor) is { } denied) return denied;
        var rows = await (from d in db.Demands.AsNoTracking().VisibleTo(actor)
                          join u in db.Units on d.OwnerUnitId equals u.Id
                          where d.RoundId == demandRoundId && d.Status == DemandStatus.Accepted
                          orderby d.Id
                          select new { d.Id, d.Title, d.Area, d.Directions, Unit = u.Name, d.SubmittedAt }).ToListAsync(cancellationToken);
        var lineage = await LineageAsync(actor, rows.Select(r => r.Id).ToList(), cancellationToken);
        return rows.Select(r => new AcceptedDemand(r.Id, r.Title, r.Area, r.Directions, r.Unit, r.SubmittedAt,
            lineage.GetValueOrDefault(r.Id, []))).ToList();
    }

    public async Task<Outcome<IReadOnlyList<GuidelineItem>>> ItemsOfCallAsync(Actor actor, int callRoundId, CancellationToken cancellationToken = default)
    {
        if (GuidelinePolicy.WhyNotViewDrafts(actor) is { } denied) return denied;
        return await db.GuidelineItems.AsNoTracking().Where(i => i.CallRoundId == callRoundId)
            .OrderBy(i => i.Number).ThenBy(i => i.Id).ToListAsync(cancellationToken);
    }

    public async Task<Outcome<ItemDetail>> ItemAsync(Actor actor, int id, CancellationToken cancellationToken = default)
    {
        if (GuidelinePolicy.WhyNotViewDrafts(actor) is { } denied) return denied;
        var item = await db.GuidelineItems.AsNoTracking().FirstOrDefaultAsync(i => i.Id == id, cancellationToken);
        if (item is null) return Outcome.NotFound();
        var call = await db.Rounds.AsNoTracking().SingleAsync(r => r.Id == item.CallRoundId, cancellationToken);
        var ids = item.Sources.Select(s => s.DemandId).ToList();
        var sources = await (from d in db.Demands.AsNoTracking()
                             join u in db.Units on d.OwnerUnitId equals u.Id
                             where ids.Contains(d.Id)
                             select new SourceDemand(d.Id, d.Title, u.Name, d.Status)).ToListAsync(cancellationToken);
        return new ItemDetail(item, Ref(call, clock.GetUtcNow()), [.. sources.OrderBy(s => ids.IndexOf(s.Id))]);
    }

    /// <summary>
    /// The items each demand was taken up into, as the actor may see them: every item for staff, the
    /// published ones for the demand's own unit (who already may see the demand itself).
    /// </summary>
    public async Task<Dictionary<int, IReadOnlyList<ItemRef>>> LineageAsync(Actor actor, IReadOnlyList<int> demandIds,
        CancellationToken cancellationToken = default)
    {
        var rows = await (from i in db.GuidelineItems.AsNoTracking().VisibleTo(actor)
                          from s in i.Sources
                          where demandIds.Contains(s.DemandId)
                          orderby i.CallRoundId, i.Number
                          select new { s.DemandId, Ref = new ItemRef(i.Id, i.CallRoundId, i.Number, i.Name, i.Status, i.PublishedAt != null) })
            .ToListAsync(cancellationToken);
        return rows.GroupBy(r => r.DemandId).ToDictionary(g => g.Key, g => (IReadOnlyList<ItemRef>)g.Select(r => r.Ref).ToList());
    }

    /// <summary>The notice text a call carries (shown again on the publish page).</summary>
    public Task<string?> NoticeTextAsync(int callRoundId, CancellationToken cancellationToken = default) =>
        db.Rounds.AsNoTracking().Where(r => r.Id == callRoundId).Select(r => r.NoticeText).FirstOrDefaultAsync(cancellationToken);

    static CallRef Ref(Round c, DateTimeOffset now) => new(c.Id, c.Title, c.OpensAt, c.ClosesAt, c.PublishedAt, c.IsOpenAt(now));
}
