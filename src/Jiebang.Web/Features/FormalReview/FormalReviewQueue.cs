using Jiebang.Domain.Proposals;
using Jiebang.Web.Data;
using Jiebang.Web.Features.Access;
using Jiebang.Web.Features.Lists;
using Microsoft.EntityFrameworkCore;

namespace Jiebang.Web.Features.FormalReview;

/// <summary>
/// What reached the bureau's formal review, a call at a time, in the order it arrived: waiting, passed, failed, or
/// sent back for revision; and a proposal's neighbours among those waiting, so that staff work through the list.
/// </summary>
public sealed class FormalReviewQueue(JiebangDbContext db)
{
    public enum View { Pending, Passed, Failed, Returned }

    public sealed record Row(int ProposalId, string Title, string OwnerUnitName, string Target, ProposalStatus Status,
        DateTimeOffset ArrivedAt, string? Receipt);

    public sealed record CallOption(int Id, string Title);

    public sealed record Listing(IReadOnlyList<CallOption> Calls, int? CallId, View View, IReadOnlyDictionary<View, int> Counts, Paged<Row> Rows);

    public static View ViewOf(ProposalStatus status) => status switch
    {
        ProposalStatus.Recommended => View.Pending,
        ProposalStatus.FormalReviewPassed => View.Passed,
        ProposalStatus.FormalReviewFailed => View.Failed,
        _ => View.Returned,
    };

    /// <summary>One page of a call's proposals in a view (the newest call with any, and those waiting, unless asked).</summary>
    public async Task<Outcome<Listing>> ForAsync(Actor actor, int? callId, string? view, int? page, CancellationToken cancellationToken = default)
    {
        if (ProposalPolicy.WhyNotFormalReview(actor) is { } denied) return denied;
        var calls = await (from r in db.Rounds
                           where db.Proposals.Any(p => p.RoundId == r.Id && p.Events.Any(e => e.To == ProposalStatus.Recommended))
                           orderby r.Id descending
                           select new CallOption(r.Id, r.Title)).ToListAsync(cancellationToken);
        var shown = Enum.TryParse<View>(view, ignoreCase: true, out var v) && Enum.IsDefined(v) ? v : View.Pending;
        var call = calls.FirstOrDefault(c => c.Id == callId) ?? calls.FirstOrDefault();
        if (call is null) return new Listing(calls, null, shown, Enum.GetValues<View>().ToDictionary(x => x, _ => 0), new([], 0, 1, Paging.DefaultPageSize, ""));

        var rows = await RowsAsync(call.Id, cancellationToken);
        var counts = Enum.GetValues<View>().ToDictionary(x => x, x => rows.Count(r => ViewOf(r.Status) == x));
        var inView = rows.Where(r => ViewOf(r.Status) == shown).ToList();
        var (number, size) = Paging.Clamp(page, null, inView.Count);
        return new Listing(calls, call.Id, shown, counts,
            new Paged<Row>(inView.Skip((number - 1) * size).Take(size).ToList(), inView.Count, number, size, ""));
    }

    /// <summary>The proposal waiting before and after this one in its call, in the order they arrived (either may be null).</summary>
    public async Task<(int? Previous, int? Next)> NeighboursAsync(int roundId, int proposalId, CancellationToken cancellationToken)
    {
        var waiting = (await RowsAsync(roundId, cancellationToken)).Where(r => r.Status == ProposalStatus.Recommended || r.ProposalId == proposalId)
            .Select(r => r.ProposalId).ToList();
        var at = waiting.IndexOf(proposalId);
        if (at < 0) return (null, waiting.Count > 0 ? waiting[0] : null);
        return (at > 0 ? waiting[at - 1] : null, at < waiting.Count - 1 ? waiting[at + 1] : null);
    }

    /// <summary>Every proposal of the call that reached the bureau, in the order it (last) arrived.</summary>
    async Task<List<Row>> RowsAsync(int roundId, CancellationToken cancellationToken)
    {
        var rows = await (from p in db.Proposals.AsNoTracking()
                          where p.RoundId == roundId && p.Events.Any(e => e.To == ProposalStatus.Recommended)
                          join u in db.Units on p.OwnerUnitId equals u.Id
                          join item in db.GuidelineItems on p.GuidelineItemId equals item.Id into items
                          from item in items.DefaultIfEmpty()
                          select new Row(p.Id, p.Title, u.Name, item != null ? item.Name : p.Category, p.Status, default,
                              p.Versions.OrderByDescending(x => x.Number).Select(x => x.ReceiptNumber).FirstOrDefault()))
            .ToListAsync(cancellationToken);
        var ids = rows.Select(r => r.ProposalId).ToList();
        var arrivals = (await db.ProposalEvents.AsNoTracking().Where(e => e.To == ProposalStatus.Recommended && ids.Contains(e.FilingId))
                .Select(e => new { e.FilingId, e.At }).ToListAsync(cancellationToken))
            .GroupBy(e => e.FilingId).ToDictionary(g => g.Key, g => g.Max(e => e.At));
        return [.. rows.Select(r => r with { ArrivedAt = arrivals[r.ProposalId] }).OrderBy(r => r.ArrivedAt).ThenBy(r => r.ProposalId)];
    }
}
