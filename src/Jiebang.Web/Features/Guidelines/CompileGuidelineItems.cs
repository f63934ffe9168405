using Jiebang.Domain.Demands;
using Jiebang.Domain.Filings;
using Jiebang.Domain.Guidelines;
using Jiebang.Domain.Rounds;
using Jiebang.Domain.Rules;
using Jiebang.Web.Data;
using Jiebang.Web.Features.Access;
using Jiebang.Web.Features.Audit;
using Microsoft.EntityFrameworkCore;

namespace Jiebang.Web.Features.Guidelines;

/// <summary>
/// Staff compile challenge-list items (编制申报指南) from accepted demands: several demands merged into
/// one item, or one demand split into several. Each item starts as a draft prefilled from its demands
/// and keeps them as its lineage; staff then edit it and publish it with its call.
/// </summary>
public sealed class CompileGuidelineItems(JiebangDbContext db, AuditTrail audit, TimeProvider clock)
{
    public enum Mode { Merge, Split }

    public sealed record Input
    {
        public int CallRoundId { get; set; }
        public List<int> DemandIds { get; set; } = [];
        public Mode Mode { get; set; } = Mode.Merge;
        /// <summary>How many items a split makes.</summary>
        public int SplitCount { get; set; } = 2;
    }

    public const int MaxSplit = 10;
    const int DefaultPeriodMonths = 24;

    public async Task<Outcome<IReadOnlyList<int>>> HandleAsync(Actor actor, Input input, CancellationToken cancellationToken = default)
    {
        if (GuidelinePolicy.WhyNotCompile(actor) is { } denied) return denied;
        var call = await db.Rounds.AsNoTracking().FirstOrDefaultAsync(r => r.Id == input.CallRoundId, cancellationToken);
        if (call is null) return Outcome.NotFound("callRoundId");
        if (call.Kind != RoundKind.ProposalCall) return CallErrors.NotAProposalCall.At("callRoundId");
        var now = clock.GetUtcNow();
        if (now >= call.ClosesAt) return CallErrors.Closed.At("callRoundId", ChinaTime.Format(call.ClosesAt));
        var ids = (input.DemandIds ?? []).Distinct().ToList();
        if (ids.Count == 0) return GuidelineErrors.SourceRequired.At("demandIds");
        if (input.Mode == Mode.Split && ids.Count != 1) return GuidelineErrors.SplitNeedsOneSource.At("demandIds", ids.Count);
        if (input.Mode == Mode.Split && input.SplitCount is < 2 or > MaxSplit)
            return GuidelineErrors.SplitCountOutOfRange.At("splitCount", input.SplitCount);

        var demands = await db.Demands.AsNoTracking().VisibleTo(actor).Where(d => ids.Contains(d.Id)).ToListAsync(cancellationToken);
        var errors = new List<RuleError>();
        foreach (var id in ids)
            if (demands.FirstOrDefault(d => d.Id == id) is not { } demand) errors.Add(GuidelineErrors.SourceNotFound.At("demandIds", id));
            else if (demand.Status != DemandStatus.Accepted)
                errors.Add(GuidelineErrors.SourceNotAccepted.At("demandIds", demand.Title, DemandStatusNames.Of(demand.Status)));
        if (errors.Count > 0) return errors;
        var ordered = ids.Select(id => demands.Single(d => d.Id == id)).ToList();

        var contents = input.Mode == Mode.Merge ? [Merged(ordered)] : Split(ordered[0], input.SplitCount);
        var window = new FilingWindow(call.OpensAt, call.ClosesAt);
        return await db.InOneTransactionAsync<IReadOnlyList<int>>(async () =>
        {
            var number = await db.GuidelineItems.Where(i => i.CallRoundId == call.Id).MaxAsync(i => (int?)i.Number, cancellationToken) ?? 0;
            var items = contents.Select(c => GuidelineItem.Compile(call.Id, c, ids, now, ++number)).ToList();
            // The prefill is cut to the limits a save checks, so that the draft opens without errors.
            if (items.SelectMany(i => GuidelineRules.Check(i.Content, window)).FirstOrDefault() is { } broken) return broken;
            db.GuidelineItems.AddRange(items);
            await db.SaveChangesAsync(cancellationToken);
            foreach (var item in items)
                audit.Record(actor, $"guideline.compiled.{input.Mode.ToString().ToLowerInvariant()}", nameof(GuidelineItem), item.Id.ToString(),
                    after: new { item.CallRoundId, item.Number, item.Name, Sources = ids });
            await db.SaveChangesAsync(cancellationToken);
            return items.Select(i => i.Id).ToList();
        }, cancellationToken);
    }

    static GuidelineItemContent Merged(IReadOnlyList<Demand> demands) => new(
        Cut(demands[0].Title, GuidelineRules.MaxName), Cut(demands[0].Area, GuidelineRules.MaxArea),
        Cut(string.Join("、", demands.SelectMany(d => d.Directions.Split(['、', ',', '，', ';', '；'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).Distinct()), GuidelineRules.MaxDirection),
        "", "", 0, null, DefaultPeriodMonths, null);

    static List<GuidelineItemContent> Split(Demand demand, int count) =>
        [.. Enumerable.Range(1, count).Select(k => Merged([demand]) with { Name = Cut($"{demand.Title}（{k}）", GuidelineRules.MaxName) })];

    static string Cut(string text, int max) => text.Length <= max ? text : text[..max];
}
