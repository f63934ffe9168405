using Jiebang.Domain.Rules;
using Jiebang.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Jiebang.Web.Features.Accounts;

/// <summary>Checks that come before the password: the unit is approved, demo accounts only in Development.</summary>
public sealed class SignInGate(JiebangDbContext db, IHostEnvironment environment)
{
    public async Task<RuleError?> WhyNotAsync(JiebangUser user, CancellationToken cancellationToken = default)
    {
        if (user.IsDemo && !environment.IsDevelopment())
            return RuleError.Of("ACCOUNT_DEMO_DISABLED", "userName", "access");
        var status = await db.Units.Where(u => u.Id == user.UnitId).Select(u => u.Status).FirstAsync(cancellationToken);
        return status switch
        {
            UnitStatus.Pending => RuleError.Of("ACCOUNT_UNIT_PENDING", "userName", "access"),
            UnitStatus.Rejected => RuleError.Of("ACCOUNT_UNIT_REJECTED", "userName", "access"),
            _ => null,
        };
    }
}
