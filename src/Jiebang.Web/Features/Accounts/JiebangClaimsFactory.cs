using System.Security.Claims;
using Jiebang.Web.Data;
using Jiebang.Web.Features.Access;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Jiebang.Web.Features.Accounts;

/// <summary>Adds the person's unit to their sign-in, so every request knows whose records they may touch.</summary>
public sealed class JiebangClaimsFactory(UserManager<JiebangUser> users, RoleManager<IdentityRole> roles,
    IOptions<IdentityOptions> options) : UserClaimsPrincipalFactory<JiebangUser, IdentityRole>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(JiebangUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(Actor.UnitClaim, user.UnitId.ToString()));
        return identity;
    }
}
