using Jiebang.Domain.Filings;
using Jiebang.Domain.Guidelines;
using Jiebang.Web.Data;
using Jiebang.Web.Features.Access;
using Jiebang.Web.Features.Audit;
using Microsoft.EntityFrameworkCore;

namespace Jiebang.Web.Features.Guidelines;

/// <summary>
/// Staff edit an item: a draft freely within the limits, a published one (a correction, audited) until
/// its call closes, keeping the fields it must have. A form older than the item's last change is refused.
/// </summary>
public sealed class EditGuidelineItem(JiebangDbContext db, AuditTrail audit, TimeProvider clock)
{
    public sealed record Input
    {
        public string Name { get; set; } = "";
        public string Area { get; set; } = "";
        public string Direction { get; set; } = "";
        public string Goals { get; set; } = "";
        public string Conditions { get; set; } = "";
        public SupportChannel Channel { get; set; }
        public decimal? FundingWan { get; set; }
        public int PeriodMonths { get; set; } = 24;
        public DateTimeOffset? Deadline { get; set; }
        /// <summary>The stamp the editor read; null skips the check (the API's last write wins).</summary>
        public Guid? ConcurrencyStamp { get; set; }

        public GuidelineItemContent ToContent() =>
            new(Name ?? "", Area ?? "", Direction ?? "", Goals ?? "", Conditions ?? "", Channel, FundingWan, PeriodMonths, Deadline);

        public static Input From(GuidelineItem item) => new()
        {
            Name = item.Name, Area = item.Area, Direction = item.Direction, Goals = item.Goals, Conditions = item.Conditions,
            Channel = item.Channel, FundingWan = item.FundingWan, PeriodMonths = item.PeriodMonths, Deadline = item.Deadline,
            ConcurrencyStamp = item.ConcurrencyStamp,
        };
    }

    public async Task<Outcome<GuidelineItem>> HandleAsync(Actor actor, int id, Input input, CancellationToken cancellationToken = default)
    {
        if (GuidelinePolicy.WhyNotCompile(actor) is { } denied) return denied;
        var item = await db.GuidelineItems.FirstOrDefaultAsync(i => i.Id == id, cancellationToken);
        if (item is null) return Outcome.NotFound();
        var call = await db.Rounds.AsNoTracking().SingleAsync(r => r.Id == item.CallRoundId, cancellationToken);
        if (input.ConcurrencyStamp is { } read && read != item.ConcurrencyStamp) return GuidelineErrors.ChangedMeanwhile.At("");
        var before = item.Content;
        var errors = item.TryEdit(input.ToContent(), new FilingWindow(call.OpensAt, call.ClosesAt), clock.GetUtcNow());
        if (errors.Count > 0) return errors;
        audit.Record(actor, "guideline.edited", nameof(GuidelineItem), id.ToString(), before, item.Content);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return GuidelineErrors.ChangedMeanwhile.At("");
        }
        return item;
    }
}
