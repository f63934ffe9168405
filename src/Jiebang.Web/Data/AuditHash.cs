using System.Security.Cryptography;
using System.Text;

namespace Jiebang.Web.Data;

/// <summary>SHA-256 over an entry's fields and its predecessor's hash.</summary>
public static class AuditHash
{
    public static string Of(AuditEntry e)
    {
        var canonical = string.Join('\u001F',
            e.PreviousHash, e.At.ToUniversalTime().ToString("yyyy-MM-ddTHH:mm:ss.fffZ"), e.ActorUserId ?? "",
            e.ActorName, e.ActorUnitId?.ToString() ?? "", e.Action, e.EntityType, e.EntityId,
            e.Before ?? "", e.After ?? "", e.Reason ?? "");
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)));
    }
}
