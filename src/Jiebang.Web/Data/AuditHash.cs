using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Jiebang.Web.Data;

/// <summary>The hashes of the audit chain: keyed (HMAC-SHA256) now, plain SHA-256 for entries written before the key.</summary>
public static class AuditHash
{
    /// <summary>SHA-256 over an entry's fields and its predecessor's hash: how entries up to the legacy mark were chained.</summary>
    public static string Of(AuditEntry e) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Fields(e))));

    /// <summary>HMAC-SHA256 with the chain key over the entry's id, the gap recorded before it, its fields and its predecessor's hash.</summary>
    public static string Keyed(byte[] key, AuditEntry e) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(string.Join('\u001F',
            e.Id.ToString(CultureInfo.InvariantCulture), e.GapBefore.ToString(CultureInfo.InvariantCulture), Fields(e)))));

    static string Fields(AuditEntry e) => string.Join('\u001F',
        e.PreviousHash, e.At.ToUniversalTime().ToString("yyyy-MM-ddTHH:mm:ss.fffZ"), e.ActorUserId ?? "",
        e.ActorName, e.ActorUnitId?.ToString() ?? "", e.Action, e.EntityType, e.EntityId,
        e.Before ?? "", e.After ?? "", e.Reason ?? "");
}
