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
            return AccountErrors.DemoDisabled.At("userName");
        var status = await db.Units.Where(u => u.Id == user.UnitId).Select(u => u.Status).FirstAsync(cancellationToken);
        return status switch
        {
            UnitStatus.Pending => AccountErrors.UnitPending.At("userName"),
            UnitStatus.Rejected => AccountErrors.UnitRejected.At("userName"),
            _ => null,
        };
    }
}
