using Jiebang.Web.Data;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;

namespace Jiebang.Web.Features.Security;

/// <summary>
/// Identity's store, with the TOTP authenticator secret encrypted in AspNetUserTokens (Identity
/// keeps it in plain text). A secret stored in plain text before is encrypted at its first read.
/// </summary>
public sealed class ProtectedUserStore(JiebangDbContext db, IDataProtectionProvider protection, IdentityErrorDescriber? describer = null)
    : UserStore<JiebangUser, IdentityRole, JiebangDbContext>(db, describer)
{
    const string Prefix = "dp1:";
    readonly IDataProtector _protector = protection.CreateProtector("Jiebang.AuthenticatorKey.v1");

    public override Task SetAuthenticatorKeyAsync(JiebangUser user, string key, CancellationToken cancellationToken) =>
        base.SetAuthenticatorKeyAsync(user, Prefix + _protector.Protect(key), cancellationToken);

    public override async Task<string?> GetAuthenticatorKeyAsync(JiebangUser user, CancellationToken cancellationToken)
    {
        var stored = await base.GetAuthenticatorKeyAsync(user, cancellationToken);
        if (string.IsNullOrEmpty(stored)) return stored;
        if (stored.StartsWith(Prefix, StringComparison.Ordinal)) return _protector.Unprotect(stored[Prefix.Length..]);
        // A secret from before encryption: encrypt it in place now.
        await SetAuthenticatorKeyAsync(user, stored, cancellationToken);
        await Context.SaveChangesAsync(cancellationToken);
        return stored;
    }
}
