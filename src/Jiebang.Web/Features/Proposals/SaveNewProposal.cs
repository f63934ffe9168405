using Jiebang.Web.Data;
using Jiebang.Web.Features.Filings;

namespace Jiebang.Web.Features.Proposals;

/// <summary>A new proposal's first save with content starts it (<see cref="SaveNewFiling{TTarget, TInput}"/>).</summary>
public sealed class SaveNewProposal(StartProposal start, SaveProposalDraft save, JiebangDbContext db)
    : SaveNewFiling<StartProposal.Input, SaveProposalDraft.Input>(start, save, db);
