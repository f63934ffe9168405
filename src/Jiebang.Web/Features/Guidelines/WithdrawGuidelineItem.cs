using Jiebang.Domain.Guidelines;
using Jiebang.Web.Data;
using Jiebang.Web.Features.Access;
using Jiebang.Web.Features.Audit;
using Microsoft.EntityFrameworkCore;

namespace Jiebang.Web.Features.Guidelines;

/// <summary>
/// Staff withdraw an item (撤榜) with a reason. A published item stays readable, marked withdrawn with
/// the reason; a withdrawn draft is never published.
/// </summary>
public sealed class WithdrawGuidelineItem(JiebangDbContext db, AuditTrail audit, TimeProvider clock)
{
    public sealed record Input
    {
        public string? Reason { get; set; }
    }

    public async Task<Outcome<GuidelineItem>> HandleAsync(Actor actor, int id, Input input, CancellationToken cancellationToken = default)
    {
        if (GuidelinePolicy.WhyNotCompile(actor) is { } denied) return denied;
        var item = await db.GuidelineItems.FirstOrDefaultAsync(i => i.Id == id, cancellationToken);
        if (item is null) return Outcome.NotFound();
        var before = item.Status;
        if (item.Withdraw(input.Reason, clock.GetUtcNow()) is { } refused) return refused;
        audit.Record(actor, "guideline.withdrawn", nameof(GuidelineItem), id.ToString(),
            new { Status = before }, new { item.Status }, item.WithdrawReason);
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
