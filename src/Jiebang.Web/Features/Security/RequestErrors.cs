using Jiebang.Domain.Rules;

namespace Jiebang.Web.Features.Security;

/// <summary>
/// A request the framework refused before any of our rules ran (<see cref="ApiRequestProblems"/>),
/// and a value a page's form sent that model binding could not read (Pages/FrameworkMessages.cs).
/// </summary>
public static class RequestErrors
{
    static readonly string Requests = Clause.Platform("requests");

    public static readonly ErrorCode Invalid = ErrorCode.Invalid("REQUEST_INVALID", Requests);
    public static readonly ErrorCode TooLarge = ErrorCode.Invalid("REQUEST_TOO_LARGE", Clause.Notice("4.3"));
    public static readonly ErrorCode TooMany = ErrorCode.Invalid("REQUEST_TOO_MANY", Requests);
    public static readonly ErrorCode MethodNotAllowed = ErrorCode.Invalid("REQUEST_METHOD_NOT_ALLOWED", Requests);

    public static readonly ErrorCode ValueMissing = ErrorCode.Invalid("REQUEST_VALUE_MISSING", Requests);
    public static readonly ErrorCode ValueInvalid = ErrorCode.Invalid("REQUEST_VALUE_INVALID", Requests);
    public static readonly ErrorCode ValueUnreadable = ErrorCode.Invalid("REQUEST_VALUE_UNREADABLE", Requests);
    public static readonly ErrorCode NotANumber = ErrorCode.Invalid("REQUEST_NOT_A_NUMBER", Requests);
}
