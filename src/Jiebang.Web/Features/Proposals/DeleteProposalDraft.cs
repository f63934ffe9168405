using Jiebang.Domain.Proposals;
using Jiebang.Web.Features.Audit;
using Jiebang.Web.Features.Filings;

namespace Jiebang.Web.Features.Proposals;

/// <summary>The owner deletes a proposal's draft that was never submitted, with the files attached to its fields.</summary>
public sealed class DeleteProposalDraft(ProposalStore store, AuditTrail audit)
    : DeleteFilingDraft<Proposal, ProposalStatus, ProposalStore.Loaded>(store, audit);
