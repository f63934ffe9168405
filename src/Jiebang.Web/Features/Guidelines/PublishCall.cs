using Jiebang.Domain.Filings;
using Jiebang.Domain.Guidelines;
using Jiebang.Web.Data;
using Jiebang.Web.Features.Access;
using Jiebang.Web.Features.Audit;
using Microsoft.EntityFrameworkCore;

namespace Jiebang.Web.Features.Guidelines;

/// <summary>
/// Staff publish a call (发榜) with its notice text and its draft items: from then anyone may read the
/// call, its window and stages, its published items and its blank forms. Publishing again publishes
/// the drafts compiled since; the call keeps the time it was first published.
/// </summary>
public sealed class PublishCall(JiebangDbContext db, AuditTrail audit, TimeProvider clock)
{
    public sealed record Input
    {
        public string? NoticeText { get; set; }
    }

    public sealed record Published(int CallRoundId, DateTimeOffset PublishedAt, IReadOnlyList<int> ItemIds);

    public async Task<Outcome<Published>> HandleAsync(Actor actor, int callRoundId, Input input, CancellationToken cancellationToken = default)
    {
        if (GuidelinePolicy.WhyNotPublish(actor) is { } denied) return denied;
        var call = await db.Rounds.FirstOrDefaultAsync(r => r.Id == callRoundId, cancellationToken);
        if (call is null) return Outcome.NotFound();
        if (CallPublication.CheckNotice(input.NoticeText) is { } tooLong) return tooLong;
        var items = await db.GuidelineItems.Where(i => i.CallRoundId == callRoundId).ToListAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var errors = CallPublication.Check(call.Kind, new FilingWindow(call.OpensAt, call.ClosesAt), items, call.PublishedAt is not null, now);
        if (errors.Count > 0) return errors;

        var published = CallPublication.Publish(items, now);
        var before = new { call.PublishedAt, call.NoticeText };
        call.PublishedAt ??= now;
        if (!string.IsNullOrWhiteSpace(input.NoticeText)) call.NoticeText = input.NoticeText.Trim();
        call.UpdatedAt = now;
        var ids = published.Select(i => i.Id).ToList();
        audit.Record(actor, "call.published", nameof(Round), call.Id.ToString(), before,
            new { call.PublishedAt, call.NoticeText, Items = ids });
        foreach (var item in published)
            audit.Record(actor, "guideline.published", nameof(GuidelineItem), item.Id.ToString(), after: new { call.Id, item.Number });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return GuidelineErrors.ChangedMeanwhile.At("");
        }
        return new Published(call.Id, call.PublishedAt.Value, ids);
    }
}
