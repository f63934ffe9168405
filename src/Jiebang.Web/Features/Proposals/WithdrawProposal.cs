using Jiebang.Domain.Proposals;
using Jiebang.Web.Features.Audit;
using Jiebang.Web.Features.Filings;

namespace Jiebang.Web.Features.Proposals;

/// <summary>
/// The owner takes a submitted proposal back before anyone acted and before the deadline; a level that
/// already decided, or a higher level it reached, stops it (<see cref="Proposal.Withdraw"/>).
/// </summary>
public sealed class WithdrawProposal(ProposalStore store, AuditTrail audit, TimeProvider clock)
    : WithdrawFiling<Proposal, ProposalStatus, ProposalStore.Loaded>(store, audit, clock);
