using Jiebang.Domain.Identifiers;

namespace Jiebang.Domain.Integrity;

/// <summary>What a blacklist entry's identifier is: a unit's USCC or a person's resident ID number.</summary>
public enum BlacklistIdentifierKind
{
    Uscc = 1,
    ResidentId = 2,
}

/// <summary>
/// A serious research-integrity breach under sanction or a credit blacklist entry (失信记录) [annex 4 §3.1.1]:
/// whose it is (a USCC or a resident ID number), the name on the list, where it comes from and when it
/// applies. <see cref="ExpiresOn"/> is the last day of the sanction: the entry still applies on that
/// day and no longer from the next (惩戒执行期内 includes its last day); null means open-ended.
/// </summary>
public sealed record BlacklistEntry(BlacklistIdentifierKind Kind, string Identifier, string Name, string Source,
    DateOnly ListedOn, DateOnly? ExpiresOn)
{
    /// <summary>Whether the entry is in force on <paramref name="today"/> (the date in China).</summary>
    public bool AppliesOn(DateOnly today) => ListedOn <= today && (ExpiresOn is null || today <= ExpiresOn);

    /// <summary>Whether the entry names this identifier (compared normalised) and is in force today.</summary>
    public bool Matches(BlacklistIdentifierKind kind, string? identifier, DateOnly today) =>
        kind == Kind && AppliesOn(today) && identifier is not null
        && NormalizeIdentifier(kind, identifier) == NormalizeIdentifier(Kind, Identifier);

    /// <summary>The form an identifier is compared and hashed in.</summary>
    public static string NormalizeIdentifier(BlacklistIdentifierKind kind, string identifier) =>
        kind == BlacklistIdentifierKind.Uscc ? Uscc.Normalize(identifier) : ResidentId.Normalize(identifier);

    /// <summary>The identifier as screens show it: a USCC whole, an ID number masked.</summary>
    public string DisplayIdentifier => Kind == BlacklistIdentifierKind.Uscc ? Identifier : ResidentId.Mask(Identifier);
}
