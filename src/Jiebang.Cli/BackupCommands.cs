using System.Globalization;
using Jiebang.Web.Features.Operations;
using Microsoft.Extensions.DependencyInjection;

namespace Jiebang.Cli;

/// <summary>
/// `jiebang backup ARCHIVE.tar.gz` (while the app runs) and `jiebang restore ARCHIVE.tar.gz [--force]`
/// (with the app stopped, the key directory restored first): docs/operations.md, Backup and restore.
/// </summary>
static class BackupCommands
{
    static readonly CultureInfo Chinese = CultureInfo.GetCultureInfo("zh-CN");

    public static async Task<int> BackupAsync(IServiceProvider services, string archive, TextWriter output)
    {
        using var scope = services.CreateScope();
        var manifest = await scope.ServiceProvider.GetRequiredService<PlatformBackup>().WriteAsync(Path.GetFullPath(archive));
        await output.WriteLineAsync($"backed up / 已备份：{archive}（{manifest.Counts.Values.Sum()} rows / 行，{manifest.Files.Count} files / 个文件）");
        await output.WriteLineAsync($"keys needed / 所需密钥：data-protection {manifest.DataProtectionKeyId}, audit-chain {manifest.AuditChainKeyId ?? "-"}（keys are not in the archive / 密钥不在备份中，请另行备份）");
        return ExitCodes.Success;
    }

    public static async Task<int> RestoreAsync(IServiceProvider services, string[] args, TextWriter output, TextWriter error)
    {
        var (archive, force) = args switch
        {
            [var path] => (path, false),
            [var path, "--force"] => (path, true),
            ["--force", var path] => (path, true),
            _ => (null, false),
        };
        if (archive is null) return await Commands.PrintUsageAsync(error, ExitCodes.Usage);
        using var scope = services.CreateScope();
        var outcome = await scope.ServiceProvider.GetRequiredService<PlatformRestore>().RestoreAsync(Path.GetFullPath(archive), force);
        if (!outcome.Succeeded)
        {
            foreach (var finding in outcome.Errors) await error.WriteLineAsync($"{finding.Field}\t{finding.Message(Chinese)}");
            return ExitCodes.Findings;
        }
        await output.WriteLineAsync($"restored / 已恢复：{archive}（taken / 备份于 {outcome.Value!.CreatedAt:O}）；run / 请运行 `jiebang audit verify`");
        return ExitCodes.Success;
    }
}
