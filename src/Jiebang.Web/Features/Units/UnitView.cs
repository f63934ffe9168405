using Jiebang.Domain.Units;
using Jiebang.Web.Data;
using Jiebang.Web.Features.PersonalData;

namespace Jiebang.Web.Features.Units;

/// <summary>
/// A unit as screens and the API show it: the contact phone masked; the unit's own people also get it whole
/// (<see cref="ContactPhone"/>, null for anyone else, who reveals it through the audited reveal).
/// </summary>
public sealed record UnitView(int Id, string Name, string Uscc, UnitType Type, string RegionCode, string RegionName,
    bool IsAgricultural, bool IsHighTech, bool IsTechSme, string ContactName, string ContactPhoneMasked,
    string ContactEmail, UnitStatus Status, string? UsccCheckFailure, string? UsccOverrideReason,
    string? ReviewNote, DateTimeOffset CreatedAt, DateTimeOffset? ReviewedAt, string? ContactPhone = null)
{
    /// <summary>What staff should know before approving, in the reader's language: a code issued outside Zhejiang.</summary>
    public string? UsccRemark => UnitRegistration.OutsideZhejiang(Uscc)?.Message();

    public static UnitView Of(Unit u, string regionName, PersonalDataProtector personal, bool own = false) => new(
        u.Id, u.Name, u.Uscc, u.Type, u.RegionCode, regionName, u.IsAgricultural, u.IsHighTech, u.IsTechSme,
        u.ContactName, personal.MaskedPhone(u.ContactPhoneProtected), u.ContactEmail, u.Status,
        u.UsccCheckFailure, u.UsccOverrideReason, u.ReviewNote, u.CreatedAt, u.ReviewedAt,
        own ? personal.Unprotect(u.ContactPhoneProtected) : null);
}

/// <summary>What the audit trail keeps of a unit: no personal data.</summary>
public sealed record UnitSnapshot(string Name, string Uscc, UnitType Type, string RegionCode, UnitStatus Status,
    string? UsccOverrideReason, string? ReviewNote)
{
    public static UnitSnapshot Of(Unit u) => new(u.Name, u.Uscc, u.Type, u.RegionCode, u.Status, u.UsccOverrideReason, u.ReviewNote);
}
