using Jiebang.Domain.Guidelines;
using Jiebang.Domain.Rounds;
using Jiebang.Web.Data;
using Jiebang.Web.Features.Access;
using Jiebang.Web.Features.Forms;
using Microsoft.EntityFrameworkCore;

namespace Jiebang.Web.Features.Calls;

/// <summary>
/// What anyone may read without signing in: published calls (open first, then closed), their window
/// and stages, notice text and blank forms, and their published items, also after the call closed.
/// Nothing else: a draft item, an unpublished call, a demand or a unit's contact answers not found.
/// </summary>
public sealed class PublicCalls(JiebangDbContext db, FormRegistry forms, TimeProvider clock)
{
    public sealed record StageView(RoundStageKind Kind, string NameZh, string NameEn, DateTimeOffset? OpensAt, DateTimeOffset ClosesAt);

    public sealed record FormView(string Key, string TitleZh, string TitleEn, string Url);

    public sealed record ItemSummary(int Id, int Number, string Name, string Area, string Direction, SupportChannel Channel,
        string ChannelZh, string ChannelEn, decimal? FundingWan, GuidelineItemStatus Status, string Url);

    public sealed record CallSummary(int Id, string Title, DateTimeOffset OpensAt, DateTimeOffset ClosesAt, DateTimeOffset PublishedAt,
        DateTimeOffset UpdatedAt, bool IsOpen, bool HasClosed, int ItemCount, string Url);

    public sealed record CallView(CallSummary Call, string NoticeText, IReadOnlyList<StageView> Stages, IReadOnlyList<FormView> Forms,
        IReadOnlyList<ItemSummary> Items);

    public sealed record ItemView(int Id, int CallId, string CallTitle, int Number, string Name, string Area, string Direction,
        string Goals, string Conditions, SupportChannel Channel, string ChannelZh, string ChannelEn, decimal? FundingWan,
        int PeriodMonths, DateTimeOffset? Deadline, DateTimeOffset EffectiveDeadline, GuidelineItemStatus Status,
        DateTimeOffset PublishedAt, DateTimeOffset UpdatedAt, DateTimeOffset? WithdrawnAt, string? WithdrawReason,
        int SourceDemandCount, bool IsOpen, string Url, string TakeUpUrl);

    public static string CallUrl(int id) => $"/calls/{id}";
    public static string ItemUrl(int callId, int itemId) => $"/calls/{callId}/items/{itemId}";

    /// <summary>Published calls, the open ones first (closing soonest first), then the rest, latest first.</summary>
    public async Task<IReadOnlyList<CallSummary>> ListAsync(CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        var calls = await db.Rounds.AsNoTracking().Where(r => r.Kind == RoundKind.ProposalCall && r.PublishedAt != null)
            .ToListAsync(cancellationToken);
        var ids = calls.Select(c => c.Id).ToList();
        var counts = await db.GuidelineItems.AsNoTracking()
            .Where(i => ids.Contains(i.CallRoundId) && i.Status == GuidelineItemStatus.Published)
            .GroupBy(i => i.CallRoundId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        return [.. calls.Select(c => Summary(c, counts.GetValueOrDefault(c.Id), now))
            .OrderByDescending(c => c.IsOpen).ThenBy(c => c.IsOpen ? c.ClosesAt.UtcTicks : -c.ClosesAt.UtcTicks)];
    }

    public async Task<CallView?> CallAsync(int id, CancellationToken cancellationToken = default)
    {
        var call = await PublishedCallAsync(id, cancellationToken);
        if (call is null) return null;
        var items = await db.GuidelineItems.AsNoTracking().Where(i => i.CallRoundId == id && i.PublishedAt != null)
            .OrderBy(i => i.Number).ThenBy(i => i.Id).ToListAsync(cancellationToken);
        var formViews = new List<FormView>();
        foreach (var named in FormRef.ListOf(call.Forms))
            if (await forms.FormAsync(named.Key, named.Version, cancellationToken) is { } form)
                formViews.Add(new FormView(form.Key, form.TitleZh, form.TitleEn, $"{CallUrl(id)}/forms/{form.Key}.docx"));
        var stages = call.Schedule.Stages.Select(s =>
        {
            var name = RoundStage.NameOf(s.Kind);
            return new StageView(s.Kind, name.Zh, name.En, s.OpensAt?.ToChina(), s.ClosesAt.ToChina());
        }).ToList();
        var summaries = items.Select(i => new ItemSummary(i.Id, i.Number, i.Name, i.Area, i.Direction, i.Channel,
            SupportChannels.NameOf(i.Channel).Zh, SupportChannels.NameOf(i.Channel).En, i.FundingWan, i.Status, ItemUrl(id, i.Id))).ToList();
        var published = items.Count(i => i.Status == GuidelineItemStatus.Published);
        return new CallView(Summary(call, published, clock.GetUtcNow()), call.NoticeText ?? "", stages, formViews, summaries);
    }

    public async Task<ItemView?> ItemAsync(int callId, int itemId, CancellationToken cancellationToken = default)
    {
        var call = await PublishedCallAsync(callId, cancellationToken);
        if (call is null) return null;
        var item = await db.GuidelineItems.AsNoTracking()
            .FirstOrDefaultAsync(i => i.Id == itemId && i.CallRoundId == callId && i.PublishedAt != null, cancellationToken);
        if (item is null) return null;
        var channel = SupportChannels.NameOf(item.Channel);
        var deadline = item.Deadline is { } own && own < call.ClosesAt ? own : call.ClosesAt;
        var now = clock.GetUtcNow();
        return new ItemView(item.Id, call.Id, call.Title, item.Number, item.Name, item.Area, item.Direction, item.Goals, item.Conditions,
            item.Channel, channel.Zh, channel.En, item.FundingWan, item.PeriodMonths, item.Deadline?.ToChina(), deadline.ToChina(), item.Status,
            item.PublishedAt!.Value.ToChina(), item.UpdatedAt.ToChina(), item.WithdrawnAt?.ToChina(), item.WithdrawReason, item.Sources.Count,
            item.Status == GuidelineItemStatus.Published && call.OpensAt <= now && now < deadline,
            ItemUrl(call.Id, item.Id), $"/Proposals/Start?item={item.Id}");
    }

    /// <summary>The published items of every published call, latest change first, for the feed.</summary>
    public async Task<IReadOnlyList<(Round Call, GuidelineItem Item)>> RecentItemsAsync(int count, CancellationToken cancellationToken = default)
    {
        var rows = await (from i in db.GuidelineItems.AsNoTracking()
                          join r in db.Rounds.AsNoTracking() on i.CallRoundId equals r.Id
                          where i.PublishedAt != null && r.PublishedAt != null && r.Kind == RoundKind.ProposalCall
                          select new { i, r }).ToListAsync(cancellationToken);
        return [.. rows.OrderByDescending(x => x.i.UpdatedAt.UtcTicks).Take(count).Select(x => (x.r, x.i))];
    }

    /// <summary>A call's blank form as Word, for anyone, when the call is published and names the form.</summary>
    public async Task<(Round Call, FormRef Form)?> PublishedFormAsync(int callId, string formKey, CancellationToken cancellationToken = default)
    {
        var call = await PublishedCallAsync(callId, cancellationToken);
        return call is not null && FormRef.ListOf(call.Forms).FirstOrDefault(f => f.Key == formKey) is { } form ? (call, form) : null;
    }

    Task<Round?> PublishedCallAsync(int id, CancellationToken cancellationToken) =>
        db.Rounds.AsNoTracking().FirstOrDefaultAsync(r => r.Id == id && r.Kind == RoundKind.ProposalCall && r.PublishedAt != null, cancellationToken);

    static CallSummary Summary(Round c, int itemCount, DateTimeOffset now) =>
        new(c.Id, c.Title, c.OpensAt.ToChina(), c.ClosesAt.ToChina(), c.PublishedAt!.Value.ToChina(), c.UpdatedAt.ToChina(),
            c.IsOpenAt(now), now >= c.ClosesAt, itemCount, CallUrl(c.Id));
}
