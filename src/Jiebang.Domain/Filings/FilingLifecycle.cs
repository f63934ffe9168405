using System.Security.Cryptography;
using System.Text;
using Jiebang.Domain.Rules;

namespace Jiebang.Domain.Filings;

/// <summary>
/// The lifecycle every filing shares [notice §4.3]: draft → submitted → returned → resubmitted, and
/// withdrawn before anyone acted; each submit freezes a version with its content hash and receipt,
/// and each move is an event (who, when, from, to, why). A filing kind composes one and adds its
/// own moves (a recommender screens, the bureau accepts) through <see cref="Move"/>.
/// </summary>
/// <param name="states">The kind's states that are the lifecycle's.</param>
/// <param name="errors">The kind's catalogue of the shared rules (DemandErrors.Filing: DEMAND_NOT_EDITABLE, …).</param>
/// <param name="receiptPrefix">The receipt's letters ("XQ" for 需求: XQ001-000042-1).</param>
public sealed class FilingLifecycle<TStatus>(FilingStates<TStatus> states, FilingErrors errors, string receiptPrefix)
    where TStatus : struct, Enum
{
    public FilingStates<TStatus> States => states;
    public FilingErrors Errors => errors;

    /// <summary>A draft, a returned filing and a withdrawn one are its unit's to edit.</summary>
    public bool IsEditable(TStatus status) => Is(status, states.Draft) || Is(status, states.Returned) || Is(status, states.Withdrawn);

    /// <summary>Whether the filing is still where its unit left it, or has reached someone else.</summary>
    public bool IsWithFiler(IFilingState<TStatus> filing) =>
        Is(filing.Status, states.Draft) || (Is(filing.Status, states.Withdrawn) && filing.VersionList.Count == 0);

    public FilingVersion<TStatus>? LatestVersion(IFilingState<TStatus> filing) =>
        filing.VersionList.Count == 0 ? null : filing.VersionList[^1];

    /// <summary>Keeps whatever was typed; drafts are never refused for their content.</summary>
    public RuleError? SaveDraft(IFilingState<TStatus> filing, string valuesJson, DateTimeOffset now)
    {
        if (!IsEditable(filing.Status)) return NotEditable(filing);
        filing.DraftJson = valuesJson;
        filing.Touch(now);
        return null;
    }

    /// <summary>
    /// Freezes the draft as a new version with a receipt when the window is open and no finding is an
    /// error. Submitting the same content again (a double click, a retry) keeps the version already made.
    /// </summary>
    public RuleError? Submit(IFilingState<TStatus> filing, FilingWindow window, IReadOnlyList<RuleError> findings,
        FilingActor by, DateTimeOffset now)
    {
        var hash = HashOf(filing.DraftJson);
        if (!IsEditable(filing.Status) && LatestVersion(filing)?.ContentHash == hash) return null;
        if (!IsEditable(filing.Status)) return NotEditable(filing);
        if (window.Refuses(now, errors) is { } closed) return closed;
        if (findings.Any(f => f.IsError)) return errors.HasErrors.At("");

        var number = filing.VersionList.Count + 1;
        var receipt = $"{receiptPrefix}{filing.RoundId:D3}-{filing.Id:D6}-{number}";
        filing.VersionList.Add(new FilingVersion<TStatus>(filing.Id, number, filing.DraftJson, hash, receipt, now, by.UserId));
        Move(filing, states.Submitted, by, null, now);
        filing.SubmittedAt = now;
        return null;
    }

    /// <summary>The filer takes a submitted filing back before anyone acted on it and before the deadline.</summary>
    public RuleError? Withdraw(IFilingState<TStatus> filing, FilingWindow window, FilingActor by, DateTimeOffset now)
    {
        if (WhyNotWithdraw(filing, window, now) is { } refused) return refused;
        Move(filing, states.Withdrawn, by, null, now);
        return null;
    }

    /// <summary>Why the filer may not withdraw now (the state, or the deadline), or null.</summary>
    public RuleError? WhyNotWithdraw(IFilingState<TStatus> filing, FilingWindow window, DateTimeOffset now) =>
        !Is(filing.Status, states.Submitted)
            ? errors.NotWithdrawable.At("", filing.Status)
            : window.Refuses(now, errors);

    /// <summary>
    /// Why the filer may not delete the filing, or null: only a draft that was never submitted goes,
    /// as nobody else has read it and no receipt names it.
    /// </summary>
    public RuleError? WhyNotDelete(IFilingState<TStatus> filing) =>
        Is(filing.Status, states.Draft) && filing.VersionList.Count == 0 ? null : errors.NotDeletable.At("", filing.Status);

    /// <summary>Whoever the filing reached sends it back for revision, saying why.</summary>
    public RuleError? Return(IFilingState<TStatus> filing, string? reason, FilingActor by, DateTimeOffset now)
    {
        if (ReasonRequired(reason) is { } missing) return missing;
        Move(filing, states.Returned, by, reason, now);
        return null;
    }

    /// <summary>Returning or refusing a filing needs reasons the filer can read [notice §3].</summary>
    public RuleError? ReasonRequired(string? reason) =>
        string.IsNullOrWhiteSpace(reason) ? errors.ReasonRequired.At("reason") : null;

    /// <summary>Records a step of the kind's own (the reason trimmed) and moves the filing.</summary>
    public void Move(IFilingState<TStatus> filing, TStatus to, FilingActor by, string? reason, DateTimeOffset now)
    {
        filing.EventList.Add(new FilingEvent<TStatus>(filing.Id, now, by, filing.Status, to, reason?.Trim()));
        filing.Status = to;
        filing.Touch(now);
    }

    public RuleError NotEditable(IFilingState<TStatus> filing) =>
        errors.NotEditable.At("", filing.Status);

    public static bool Is(TStatus a, TStatus b) => EqualityComparer<TStatus>.Default.Equals(a, b);

    public static string HashOf(string valuesJson) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(valuesJson)));
}
