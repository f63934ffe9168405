using Jiebang.Web.Data;
using Jiebang.Web.Features.Access;

namespace Jiebang.Web.Features.Audit;

public static class AuditApi
{
    public static void MapAuditApi(this IEndpointRouteBuilder app) =>
        app.MapGet("/api/audit/verify", async (HttpContext http, JiebangDbContext db, AuditChainFiles files, CancellationToken ct) =>
                Permissions.WhyNotReadAudit(http.User.Actor()) is null
                    ? Results.Ok(await AuditChain.VerifyAsync(db, files, ct))
                    : Results.Forbid())
            .WithTags("Audit").RequireAuthorization();
}
