using System.Text.Json.Nodes;
using Jiebang.Domain.Filings;
using Jiebang.Domain.Proposals;
using Jiebang.Domain.Proposals.Recommendation;
using Jiebang.Domain.Rounds;
using Jiebang.Domain.Rules;
using Jiebang.Web.Features.Access;
using Jiebang.Web.Features.Audit;
using Jiebang.Web.Features.Files;
using Jiebang.Web.Features.Proposals;
using Microsoft.EntityFrameworkCore;

namespace Jiebang.Web.Features.Recommendation;

/// <summary>
/// A recommending level recommends a proposal that reached it [annex 4 §3.2]: before its deadline, with
/// the rules checked again on the submitted version, and within its quota (ordinary, or incentive by count
/// and amount). The place and the decision commit together; two of its staff clicking at the same moment
/// cannot both take the last place (<see cref="QuotaLedger"/>).
/// </summary>
public sealed class RecommendProposal(ProposalStore store, QuotaLedger quota, RecommendingLevels levels, FilingScans scans,
    AuditTrail audit, TimeProvider clock)
{
    public sealed record Input
    {
        /// <summary>On the incentive quota (激励名额) instead of the ordinary one.</summary>
        public bool Incentive { get; set; }
        public string? Opinion { get; set; }
    }

    public sealed record Recommended(int ProposalId, bool Incentive, QuotaStanding Standing);

    public async Task<Outcome<Recommended>> HandleAsync(Actor actor, int id, Input input, CancellationToken cancellationToken = default)
    {
        try
        {
            return await TryRecommendAsync(actor, id, input, cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            // A colleague decided on this proposal first; this transaction, and the place it took, rolled back.
            return FilingErrors.ChangedMeanwhile.At("");
        }
    }

    async Task<Outcome<Recommended>> TryRecommendAsync(Actor actor, int id, Input input, CancellationToken cancellationToken)
    {
        var outcome = await store.LoadForAsync(actor, id, FilingAccess.View, cancellationToken);
        if (!outcome.Succeeded) return outcome.Errors.ToList();
        var loaded = outcome.Value!;
        var proposal = loaded.Proposal;
        if (ProposalPolicy.WhyNotRecommend(actor, proposal) is { } denied) return denied;
        if (Domain.Forms.FormLimits.WhyNotText(input.Opinion, "opinion", Domain.Forms.FormLimits.MaxReasonChars) is { } tooLong) return tooLong;
        var now = clock.GetUtcNow();
        if (loaded.Round.Schedule.WhyNotActIn(RoundStageKind.Recommendation, now) is { } closed) return closed;
        if (proposal.LatestVersion is not { } version) return RecommendationErrors.NotAtThisLevel.At("");

        // The rules again, on what was submitted: a blacklist entry or a changed round setting may have come since [annex 4 §3].
        var values = store.Values(loaded.Form, version.ValuesJson);
        if (loaded.Findings(values).Where(f => f.IsError).ToList() is { Count: > 0 } errors) return errors;
        if (await scans.WhyNotWithoutCurrentScanAsync(nameof(Proposal), id, version.Number, loaded.Round,
                ProposalFilingErrors.ScanOfCurrentVersionRequired, cancellationToken) is { } missingScan) return missingScan;

        var unit = await levels.UnitAsync(proposal.HolderUnitId!.Value, cancellationToken) ?? throw new InvalidOperationException("holder unit missing");
        var standing = await quota.StandingAsync(loaded.Round, unit, cancellationToken);
        var carried = proposal.CarriesIncentive;
        var incentive = input.Incentive || carried;
        var subsidyFen = QuotaStanding.ToFen(SubsidyOf(values));
        await quota.EnsureCounterAsync(loaded.Round.Id, unit.Id, cancellationToken);

        return await store.Db.InOneTransactionAsync<Recommended>(async () =>
        {
            // A place of a lower level's incentive quota is carried up: it takes none of this level's places.
            if (!carried && await quota.TakeAsync(loaded.Round.Id, unit.Id, standing, incentive, subsidyFen, cancellationToken) is { } full)
                return full;
            var before = proposal.CurrentLevel!.Decision;
            if (proposal.Recommend(unit.Id, incentive, subsidyFen, input.Opinion, actor.AsFiler(), now) is { } refused) return refused;
            audit.Record(actor, "proposal.recommended", nameof(Proposal), id.ToString(), new { Decision = before },
                new { Decision = LevelDecision.Recommended, level = unit.Id, incentive, carried }, input.Opinion?.Trim());
            await store.Db.SaveChangesAsync(cancellationToken);
            return new Recommended(id, incentive, await quota.StandingAsync(loaded.Round, unit, cancellationToken));
        }, cancellationToken);
    }

    /// <summary>The subsidy asked for (拟申请财政补助, 万元) as the submitted version holds it; 0 when unreadable.</summary>
    public static decimal SubsidyOf(JsonObject values) =>
        values["subsidyRequested"] is JsonValue v && decimal.TryParse(v.ToString(), System.Globalization.NumberStyles.Number,
            System.Globalization.CultureInfo.InvariantCulture, out var wan) && wan is >= 0 and <= RoundLimits.MaxAmount ? wan : 0m;
}
