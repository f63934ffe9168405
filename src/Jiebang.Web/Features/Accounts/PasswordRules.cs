using Jiebang.Domain.Rules;
using Jiebang.Web.Data;
using Microsoft.AspNetCore.Identity;

namespace Jiebang.Web.Features.Accounts;

/// <summary>Identity's password policy, answered as named rule errors on the "password" field.</summary>
public static class PasswordRules
{
    public static async Task<IReadOnlyList<RuleError>> CheckAsync(UserManager<JiebangUser> users, string? password)
    {
        var found = new List<RuleError>();
        foreach (var validator in users.PasswordValidators)
        {
            var result = await validator.ValidateAsync(users, new JiebangUser(), password ?? "");
            found.AddRange(result.Errors.Select(e => AccountErrors.FromIdentity(e, "password")));
        }
        return found;
    }
}
