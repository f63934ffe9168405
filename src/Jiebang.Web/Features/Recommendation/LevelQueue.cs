using Jiebang.Domain.Proposals;
using Jiebang.Domain.Proposals.Recommendation;
using Jiebang.Domain.Rounds;
using Jiebang.Web.Data;
using Jiebang.Web.Features.Access;
using Microsoft.EntityFrameworkCore;

namespace Jiebang.Web.Features.Recommendation;

/// <summary>
/// What reached a recommending level, round by round, with its quota used and left; and a proposal's
/// neighbours in that list, so a reviewer works through it with previous and next [annex 4 §4.2].
/// A level sees only the proposals that reached it.
/// </summary>
public sealed class LevelQueue(JiebangDbContext db, QuotaLedger quota, RecommendingLevels levels)
{
    public sealed record Row(int ProposalId, string Title, string OwnerUnitName, string Target, int Level, LevelDecision Decision,
        bool UsesIncentive, decimal SubsidyWan, bool Forwarded, int? BatchId, bool HeldHere, DateTimeOffset ArrivedAt, string? Receipt);

    public sealed record RoundQueue(int RoundId, string RoundTitle, QuotaStanding Quota, string? AboveUnitName, IReadOnlyList<Row> Rows)
    {
        public int Pending => Rows.Count(r => r.HeldHere && r.Decision == LevelDecision.Pending);
    }

    public async Task<Outcome<IReadOnlyList<RoundQueue>>> ForAsync(Actor actor, CancellationToken cancellationToken = default)
    {
        if (WhyNotLevel(actor) is { } denied) return denied;
        var unitId = actor.UnitId!.Value;
        var rows = await (from l in db.ProposalLevels.Where(l => l.UnitId == unitId)
                          join p in db.Proposals on l.ProposalId equals p.Id
                          join u in db.Units on p.OwnerUnitId equals u.Id
                          join item in db.GuidelineItems on p.GuidelineItemId equals item.Id into items
                          from item in items.DefaultIfEmpty()
                          orderby l.RoundId descending, l.ArrivedAt, l.ProposalId
                          select new
                          {
                              l.RoundId, Row = new Row(p.Id, p.Title, u.Name, item != null ? item.Name : p.Category, l.Level, l.Decision,
                                  l.UsesIncentive, 0m, l.ForwardedAt != null, l.BatchId, p.HolderUnitId == unitId, l.ArrivedAt,
                                  p.Versions.OrderByDescending(v => v.Number).Select(v => v.ReceiptNumber).FirstOrDefault()),
                              l.SubsidyFen,
                          }).ToListAsync(cancellationToken);
        var unit = await levels.UnitAsync(unitId, cancellationToken) ?? throw new InvalidOperationException("actor's unit missing");
        var above = await levels.AboveAsync(unit, cancellationToken);
        var aboveName = above is null ? null : await db.Units.Where(u => u.Id == above.Id).Select(u => u.Name).FirstAsync(cancellationToken);
        var roundIds = rows.Select(r => r.RoundId).Distinct().ToList();
        var rounds = await db.Rounds.AsNoTracking().Where(r => roundIds.Contains(r.Id)).ToListAsync(cancellationToken);
        var queues = new List<RoundQueue>();
        foreach (var round in rounds.OrderByDescending(r => r.OpensAt))
            queues.Add(new RoundQueue(round.Id, round.Title, await quota.StandingAsync(round, unit, cancellationToken), aboveName,
                rows.Where(r => r.RoundId == round.Id)
                    .Select(r => r.Row with { SubsidyWan = r.SubsidyFen / (decimal)QuotaStanding.FenPerWan }).ToList()));
        return queues;
    }

    /// <summary>The previous and next proposal in the level's list of the same round, for working through it.</summary>
    public async Task<(int? Previous, int? Next)> NeighboursAsync(Actor actor, int proposalId, CancellationToken cancellationToken)
    {
        if (actor.UnitId is not { } unitId) return (null, null);
        var mine = await db.ProposalLevels.AsNoTracking().FirstOrDefaultAsync(l => l.UnitId == unitId && l.ProposalId == proposalId, cancellationToken);
        if (mine is null) return (null, null);
        var ids = await db.ProposalLevels.Where(l => l.UnitId == unitId && l.RoundId == mine.RoundId)
            .OrderBy(l => l.ArrivedAt).ThenBy(l => l.ProposalId).Select(l => l.ProposalId).ToListAsync(cancellationToken);
        var at = ids.IndexOf(proposalId);
        return (at > 0 ? ids[at - 1] : null, at >= 0 && at < ids.Count - 1 ? ids[at + 1] : null);
    }

    public async Task<QuotaStanding?> StandingAsync(Actor actor, Round round, CancellationToken cancellationToken) =>
        actor.UnitId is { } unitId && await levels.UnitAsync(unitId, cancellationToken) is { } unit
            ? await quota.StandingAsync(round, unit, cancellationToken) : null;

    static Domain.Rules.RuleError? WhyNotLevel(Actor actor) =>
        !actor.IsSignedIn ? Permissions.SignInRequired
        : actor.Roles.Contains(Roles.Recommender) && actor.UnitId is not null ? null : AccessErrors.RecommenderOnly.At("");
}
