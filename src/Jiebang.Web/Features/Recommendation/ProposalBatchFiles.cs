using Jiebang.Domain.Forms;
using Jiebang.Domain.Proposals.Recommendation;
using Jiebang.Web.Features.Access;
using Jiebang.Web.Features.Files;
using Microsoft.EntityFrameworkCore;

namespace Jiebang.Web.Features.Recommendation;

/// <summary>
/// A batch's stamped scans as the file use cases see them: whoever may read the batch reads them (its level, and
/// once it went up, the level or the bureau it reached: <see cref="ProposalBatchStore.LoadToReadAsync"/>). Scans are attached through <see cref="AttachBatchScan"/>, which names the document.
/// </summary>
public sealed class ProposalBatchFiles(ProposalBatchStore store) : IFilingFiles
{
    public string OwnerType => nameof(ProposalBatch);

    public Task<Outcome<int>> CurrentVersionForScanAsync(Actor actor, int id, CancellationToken cancellationToken) =>
        Task.FromResult<Outcome<int>>(Outcome.NotFound());

    public async Task<Outcome<bool>> CheckReadAsync(Actor actor, int id, CancellationToken cancellationToken)
    {
        var batch = await store.LoadToReadAsync(actor, id, cancellationToken);
        return batch.Succeeded ? true : batch.Errors.ToList();
    }

    public Task<Outcome<FormDefinition>> EditableFormAsync(Actor actor, int id, CancellationToken cancellationToken) =>
        Task.FromResult<Outcome<FormDefinition>>(Outcome.NotFound());

    public Task<Outcome<bool>> SaveFieldAsync(Actor actor, int id, string key, string value, CancellationToken cancellationToken) =>
        Task.FromResult<Outcome<bool>>(Outcome.NotFound());
}
