using Jiebang.Domain.Rules;

namespace Jiebang.Web.Features.Security;

/// <summary>A request the framework refused before any of our rules ran (<see cref="ApiRequestProblems"/>).</summary>
public static class RequestErrors
{
    public static readonly ErrorCode Invalid = ErrorCode.Invalid("REQUEST_INVALID", Clause.Platform("requests"));
    public static readonly ErrorCode TooLarge = ErrorCode.Invalid("REQUEST_TOO_LARGE", Clause.Notice("4.3"));
}
