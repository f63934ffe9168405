using Jiebang.Domain.Rules;

namespace Jiebang.Web.Features.Setup;

/// <summary>The rules of setting up an instance for its bureau.</summary>
public static class SetupErrors
{
    public static readonly ErrorCode AlreadySetUp = ErrorCode.Conflict("SETUP_ALREADY_DONE", Clause.Platform("setup"));
    public static readonly ErrorCode ShortNameRequired = ErrorCode.Invalid("SETUP_SHORT_NAME_REQUIRED", Clause.Platform("setup"));
    public static readonly ErrorCode AdminRequired = ErrorCode.Invalid("SETUP_ADMIN_REQUIRED", Clause.Platform("setup"));
    public static readonly ErrorCode AdminUserNameTaken = ErrorCode.Conflict("SETUP_ADMIN_USERNAME_TAKEN", Clause.Platform("setup"));
    public static readonly ErrorCode UnitTaken = ErrorCode.Conflict("SETUP_UNIT_TAKEN", Clause.Platform("setup"));
}
