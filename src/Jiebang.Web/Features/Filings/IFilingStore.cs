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
    /// <summary>The areas and directions the round's form is filled from.</summary>
    Taxonomy? Taxonomy { get; }
    /// <summary>The draft's values, personal data decrypted.</summary>
    JsonObject Draft { get; }
    FilingWindow Window { get; }

    /// <summary>The form's findings and the kind's own rules, the same while typing, at submit and later.</summary>
    IReadOnlyList<RuleError> Findings(JsonObject values);
}

/// <summary>
/// A filing kind as the core knows it: its names, its lifecycle and its policy's answers (null means yes).
/// </summary>
/// <param name="OwnerType">The kind as its files and audit entries name it ("Demand", "Proposal").</param>
/// <param name="AuditPrefix">The first word of its audit actions ("demand": demand.withdrawn, demand.deleted).</param>
/// <param name="WhyNotView">Why the actor may not see the record.</param>
/// <param name="WhyNotEdit">Why the actor may not work on the record as its filer.</param>
/// <param name="WhyNotDelete">Why the actor may not delete the draft.</param>
public sealed record FilingKind<TFiling, TStatus>(string OwnerType, string AuditPrefix, FilingLifecycle<TStatus> Lifecycle,
    Func<Actor, TFiling, RuleError?> WhyNotView, Func<Actor, TFiling, RuleError?> WhyNotEdit, Func<Actor, TFiling, RuleError?> WhyNotDelete)
    where TStatus : struct, Enum;

/// <summary>
/// What the filing core (<see cref="WithdrawFiling{TFiling, TStatus, TLoaded}"/>, <see cref="DeleteFilingDraft{TFiling, TStatus, TLoaded}"/>,
/// <see cref="SubmitFiling{TFiling, TStatus, TLoaded}"/>, <see cref="FilingFiles{TFiling, TStatus, TLoaded}"/>) asks of a filing kind:
/// the kind, its unit of work, and its record loaded once a request.
/// </summary>
public interface IFilingStore<TFiling, TStatus, TLoaded>
    where TFiling : class, IFiling<TStatus>
    where TStatus : struct, Enum
    where TLoaded : ILoadedFiling<TFiling>
{
    FilingKind<TFiling, TStatus> Kind { get; }

    /// <summary>The unit of work the kind's changes and their audit entries commit in.</summary>
    JiebangDbContext Db { get; }

    /// <summary>The one load-and-check (<see cref="FilingLoad.ForAsync"/>).</summary>
    Task<Outcome<TLoaded>> LoadForAsync(Actor actor, int id, FilingAccess access, CancellationToken cancellationToken);

    /// <summary>The record whatever the actor, or null: for answering a double submit with the version its twin made.</summary>
    Task<TLoaded?> LoadAsync(int id, CancellationToken cancellationToken);

    /// <summary>Takes the record out of the unit of work's store (a deleted draft).</summary>
    void Remove(TFiling filing);
}
