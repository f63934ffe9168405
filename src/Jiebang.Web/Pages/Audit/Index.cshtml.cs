using Jiebang.Web.Data;
using Jiebang.Web.Features;
using Jiebang.Web.Features.Access;
using Jiebang.Web.Features.Audit;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Jiebang.Web.Pages.Audit;

/// <summary>Staff check the audit chain and read its latest entries.</summary>
public sealed class IndexModel(JiebangDbContext db, AuditChainFiles files) : PageModel
{
    public AuditChain.Verdict Verdict { get; private set; } = null!;
    public IReadOnlyList<AuditEntry> Latest { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!Permissions.Can(Permissions.WhyNotReadAudit(User.Actor()))) return Forbid();
        Verdict = await AuditChain.VerifyAsync(db, files, cancellationToken);
        Latest = await db.AuditEntries.AsNoTracking().OrderByDescending(a => a.Id).Take(100).ToListAsync(cancellationToken);
        return Page();
    }
}
