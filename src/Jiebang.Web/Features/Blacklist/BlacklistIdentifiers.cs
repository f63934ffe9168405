using System.Security.Cryptography;
using System.Text;
using Jiebang.Domain.Identifiers;
using Jiebang.Domain.Integrity;
using Jiebang.Web.Features.PersonalData;
using Jiebang.Web.Features.Security;

namespace Jiebang.Web.Features.Blacklist;

/// <summary>
/// How a blacklist identifier is stored: the keyed hash every lookup uses, the form a screen shows
/// (an ID number masked) and, for an ID number, the number encrypted as other personal data is.
/// </summary>
public sealed class BlacklistIdentifiers(KeyFiles keys, PersonalDataProtector protector)
{
    /// <summary>HMAC-SHA256 of "kind:normalised identifier" under the lookup key, in lower-case hex.</summary>
    public string Hash(BlacklistIdentifierKind kind, string identifier)
    {
        var text = $"{(int)kind}:{BlacklistEntry.NormalizeIdentifier(kind, identifier)}";
        return Convert.ToHexStringLower(HMACSHA256.HashData(keys.LookupKey, Encoding.UTF8.GetBytes(text)));
    }

    public static string Shown(BlacklistIdentifierKind kind, string identifier) =>
        kind == BlacklistIdentifierKind.ResidentId ? ResidentId.Mask(identifier) : identifier;

    public string? Protect(BlacklistIdentifierKind kind, string identifier) =>
        kind == BlacklistIdentifierKind.ResidentId ? protector.Protect(identifier) : null;
}
