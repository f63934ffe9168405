using System.Text.Json.Nodes;
using Jiebang.Domain.Proposals;
using Jiebang.Web.Features.Access;
using Jiebang.Web.Features.Filings;

namespace Jiebang.Web.Features.Proposals;

/// <summary>
/// A proposal's files (stamped scans, 授权书, 承诺书), guarded by the proposal's own load-and-check; an
/// attachment field saves through <see cref="SaveProposalDraft"/>.
/// </summary>
public sealed class ProposalFiles(ProposalStore store, SaveProposalDraft save, TimeProvider clock)
    : FilingFiles<Proposal, ProposalStatus, ProposalStore.Loaded>(store, clock)
{
    protected override async Task<Outcome<bool>> SaveDraftAsync(Actor actor, ProposalStore.Loaded loaded, JsonObject values,
        CancellationToken cancellationToken)
    {
        var saved = await save.HandleAsync(actor, loaded.Proposal.Id,
            new SaveProposalDraft.Input { Values = values, RecommenderUnitId = loaded.Proposal.RecommenderUnitId }, cancellationToken);
        return saved.Succeeded ? true : saved.Errors.ToList();
    }
}
