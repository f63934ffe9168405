using System.Text.Json.Nodes;
using Jiebang.Domain.Filings;
using Jiebang.Domain.Forms;
using Jiebang.Domain.Rules;
using Jiebang.Web.Data;
using Jiebang.Web.Features.Access;

namespace Jiebang.Web.Features.Filings;

/// <summary>A filing loaded once a request with what its policy and rules need: its round, form, draft and window.</summary>
public interface ILoadedFiling<out TFiling>
{
    TFiling Filing { get; }
    Round Round { get; }
    FormDefinition Form { get; }
    /// <summary>The draft's values, personal data decrypted.</summary>
    JsonObject Draft { get; }
    FilingWindow Window { get; }

    /// <summary>The form's findings and the kind's own rules, the same while typing, at submit and later.</summary>
    IReadOnlyList<RuleError> Findings(JsonObject values);
}

/// <summary>
/// What the filing core (<see cref="WithdrawFiling{TFiling, TStatus, TLoaded}"/>, <see cref="DeleteFilingDraft{TFiling, TStatus, TLoaded}"/>,
/// <see cref="SubmitFiling{TFiling, TStatus, TLoaded}"/>, <see cref="FilingFiles{TFiling, TStatus, TLoaded}"/>) asks of a filing kind:
/// its one load-and-check, its names, and its policy's answer to deleting.
/// </summary>
public interface IFilingStore<TFiling, TStatus, TLoaded>
    where TFiling : class, IFiling<TStatus>
    where TStatus : struct, Enum
    where TLoaded : ILoadedFiling<TFiling>
{
    /// <summary>The kind as its files and audit entries name it ("Demand", "Proposal").</summary>
    string OwnerType { get; }

    /// <summary>The first word of the kind's audit actions ("demand": demand.withdrawn, demand.deleted).</summary>
    string AuditPrefix { get; }

    FilingLifecycle<TStatus> Lifecycle { get; }

    /// <summary>The unit of work the kind's changes and their audit entries commit in.</summary>
    JiebangDbContext Db { get; }

    /// <summary>
    /// The one load-and-check: not found when the record does not exist or the actor may not see it (so ids
    /// cannot be probed), the reason when the actor may see but not change it.
    /// </summary>
    Task<Outcome<TLoaded>> LoadForAsync(Actor actor, int id, FilingAccess access, CancellationToken cancellationToken);

    /// <summary>The record whatever the actor, or null: for answering a double submit with the version its twin made.</summary>
    Task<TLoaded?> LoadAsync(int id, CancellationToken cancellationToken);

    /// <summary>The kind's policy: why the actor may not delete the draft, or null.</summary>
    RuleError? WhyNotDelete(Actor actor, TFiling filing);

    /// <summary>Takes the record out of the unit of work's store (a deleted draft).</summary>
    void Remove(TFiling filing);
}
