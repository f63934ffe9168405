using Jiebang.Web.Data;
using Jiebang.Web.Features.Audit;
using Microsoft.Extensions.DependencyInjection;

namespace Jiebang.Cli;

/// <summary>
/// `jiebang audit verify`: walks the keyed chain (with the key and anchor from Keys:Directory),
/// checks ids are contiguous and the head against the anchor, and names the first broken entry.
/// </summary>
public static class AuditVerifyCommand
{
    public static async Task<int> RunAsync(IServiceProvider services, TextWriter output)
    {
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<JiebangDbContext>();
        var verdict = await AuditChain.VerifyAsync(db, scope.ServiceProvider.GetRequiredService<AuditChainFiles>());
        if (verdict.IsIntact)
        {
            await output.WriteLineAsync($"intact\t{verdict.EntriesChecked} entries, {verdict.Pending} pending / 审计链完整，共{verdict.EntriesChecked}条，待链接{verdict.Pending}条");
            return ExitCodes.Success;
        }
        await output.WriteLineAsync($"broken\t#{verdict.FirstBrokenId}\t{verdict.Problem} / 审计链在第{verdict.FirstBrokenId}条记录处断裂");
        return ExitCodes.Findings;
    }
}
