using Jiebang.Domain.Proposals;
using Jiebang.Web.Features.Filings;

namespace Jiebang.Web.Features.Proposals;

/// <summary>A proposal's files (stamped scans, 授权书, 承诺书), guarded by the proposal's own load-and-check.</summary>
public sealed class ProposalFiles(ProposalStore store, SaveProposalDraft save, TimeProvider clock)
    : FilingFiles<Proposal, ProposalStatus, ProposalStore.Loaded>(store, save, clock);
