using Jiebang.Domain.Rules;

namespace Jiebang.Web.Features.Operations;

/// <summary>Why a restore is refused.</summary>
public static class BackupErrors
{
    public static readonly ErrorCode ArchiveUnreadable = ErrorCode.Invalid("BACKUP_ARCHIVE_UNREADABLE", Clause.Platform("backup"));
    public static readonly ErrorCode ProviderDiffers = ErrorCode.Invalid("BACKUP_PROVIDER_DIFFERS", Clause.Platform("backup"));
    public static readonly ErrorCode TargetNotEmpty = ErrorCode.Conflict("BACKUP_TARGET_NOT_EMPTY", Clause.Platform("backup"));
    public static readonly ErrorCode KeyMissing = ErrorCode.Invalid("BACKUP_KEY_MISSING", Clause.Platform("backup"));
    public static readonly ErrorCode Damaged = ErrorCode.Invalid("BACKUP_DAMAGED", Clause.Platform("backup"));
    public static readonly ErrorCode DumpFailed = ErrorCode.Invalid("BACKUP_DUMP_TOOL_FAILED", Clause.Platform("backup"));
}
