using Jiebang.Domain.Forms;
using Jiebang.Domain.Proposals;
using Jiebang.Domain.Rules;
using Jiebang.Web.Features.Access;
using Jiebang.Web.Features.Files;

namespace Jiebang.Web.Features.Proposals;

/// <summary>A proposal's files (stamped scans, 授权书, 承诺书), guarded by the proposal's own load-and-check.</summary>
public sealed class ProposalFiles(ProposalStore store, SaveProposalDraft save, TimeProvider clock) : IFilingFiles
{
    public string OwnerType => nameof(Proposal);

    public async Task<Outcome<int>> CurrentVersionForScanAsync(Actor actor, int id, CancellationToken cancellationToken)
    {
        var outcome = await store.LoadForAsync(actor, id, FilingAccess.Edit, cancellationToken);
        if (!outcome.Succeeded) return outcome.Errors.ToList();
        if (Files.FileErrors.WhyNotScanNow(outcome.Value!.Round.ClosesAt, clock.GetUtcNow()) is { } late) return late;
        return outcome.Value.Proposal.LatestVersion is { } version ? version.Number : Files.FileErrors.NotAllowedNow.At("file");
    }

    public async Task<Outcome<bool>> CheckReadAsync(Actor actor, int id, CancellationToken cancellationToken)
    {
        var outcome = await store.LoadForAsync(actor, id, FilingAccess.View, cancellationToken);
        return outcome.Succeeded ? true : outcome.Errors.ToList();
    }

    public async Task<Outcome<FormDefinition>> EditableFormAsync(Actor actor, int id, CancellationToken cancellationToken)
    {
        var outcome = await store.LoadForAsync(actor, id, FilingAccess.Edit, cancellationToken);
        if (!outcome.Succeeded) return outcome.Errors.ToList();
        var proposal = outcome.Value!.Proposal;
        return proposal.IsEditable ? outcome.Value.Form : Proposal.Lifecycle.NotEditable(proposal);
    }

    public async Task<Outcome<bool>> SaveFieldAsync(Actor actor, int id, string key, string value, CancellationToken cancellationToken)
    {
        var outcome = await store.LoadForAsync(actor, id, FilingAccess.Edit, cancellationToken);
        if (!outcome.Succeeded) return outcome.Errors.ToList();
        var values = outcome.Value!.Draft;
        values[key] = value;
        var saved = await save.HandleAsync(actor, id,
            new SaveProposalDraft.Input { Values = values, RecommenderUnitId = outcome.Value.Proposal.RecommenderUnitId }, cancellationToken);
        return saved.Succeeded ? true : saved.Errors.ToList();
    }
}
