using Jiebang.Domain.Rules;
using Microsoft.AspNetCore.Identity;

namespace Jiebang.Web.Features.Accounts;

/// <summary>The rules of accounts: creating one, its password, and signing in.</summary>
public static class AccountErrors
{
    static readonly string Accounts = Clause.Platform("accounts");
    static readonly string Passwords = Clause.Platform("password policy");
    static readonly string SignIn = Clause.Platform("sign-in");

    public static readonly ErrorCode UserNameRequired = ErrorCode.Invalid("ACCOUNT_USERNAME_REQUIRED", Accounts);
    public static readonly ErrorCode UserNameTaken = ErrorCode.Conflict("ACCOUNT_USERNAME_TAKEN", Accounts);
    public static readonly ErrorCode FullNameRequired = ErrorCode.Invalid("ACCOUNT_FULL_NAME_REQUIRED", Accounts);
    public static readonly ErrorCode UnitNotApproved = ErrorCode.Invalid("ACCOUNT_UNIT_NOT_APPROVED", Accounts);
    public static readonly ErrorCode RoleUnknown = ErrorCode.Invalid("ACCOUNT_ROLE_UNKNOWN", Accounts);
    public static readonly ErrorCode RoleUnfit = ErrorCode.Invalid("ACCOUNT_ROLE_UNFIT", Accounts);

    // Identity's own refusals, under Identity's code names (IdentityErrorDescriber).
    public static readonly ErrorCode PasswordTooShort = ErrorCode.Invalid("ACCOUNT_PasswordTooShort", Passwords);
    public static readonly ErrorCode PasswordRequiresDigit = ErrorCode.Invalid("ACCOUNT_PasswordRequiresDigit", Passwords);
    public static readonly ErrorCode PasswordRequiresLower = ErrorCode.Invalid("ACCOUNT_PasswordRequiresLower", Passwords);
    public static readonly ErrorCode PasswordRequiresUpper = ErrorCode.Invalid("ACCOUNT_PasswordRequiresUpper", Passwords);
    public static readonly ErrorCode PasswordRequiresNonAlphanumeric = ErrorCode.Invalid("ACCOUNT_PasswordRequiresNonAlphanumeric", Passwords);
    public static readonly ErrorCode PasswordRequiresUniqueChars = ErrorCode.Invalid("ACCOUNT_PasswordRequiresUniqueChars", Passwords);
    public static readonly ErrorCode InvalidUserName = ErrorCode.Invalid("ACCOUNT_InvalidUserName", Accounts);
    public static readonly ErrorCode DuplicateUserName = ErrorCode.Conflict("ACCOUNT_DuplicateUserName", Accounts);
    /// <summary>Any other refusal of Identity's, whose own description is English only.</summary>
    public static readonly ErrorCode Refused = ErrorCode.Invalid("ACCOUNT_REFUSED", Accounts);

    public static readonly ErrorCode DemoDisabled = ErrorCode.Invalid("ACCOUNT_DEMO_DISABLED", SignIn);
    public static readonly ErrorCode UnitPending = ErrorCode.Invalid("ACCOUNT_UNIT_PENDING", SignIn);
    public static readonly ErrorCode UnitRejected = ErrorCode.Invalid("ACCOUNT_UNIT_REJECTED", SignIn);
    public static readonly ErrorCode SignInFailed = ErrorCode.Invalid("ACCOUNT_SIGN_IN_FAILED", SignIn);
    public static readonly ErrorCode LockedOut = ErrorCode.Invalid("ACCOUNT_LOCKED_OUT", SignIn);
    public static readonly ErrorCode Throttled = ErrorCode.Invalid("ACCOUNT_THROTTLED", SignIn);
    public static readonly ErrorCode AddressThrottled = ErrorCode.Invalid("ACCOUNT_ADDRESS_THROTTLED", SignIn);
    public static readonly ErrorCode CodeInvalid = ErrorCode.Invalid("ACCOUNT_CODE_INVALID", SignIn);
    public static readonly ErrorCode CodeUsed = ErrorCode.Invalid("ACCOUNT_CODE_USED", SignIn);
    public static readonly ErrorCode AuthenticatorBound = ErrorCode.Conflict("ACCOUNT_AUTHENTICATOR_BOUND", SignIn);

    /// <summary>Identity's refusal as our rule on the field, never with Identity's English description.</summary>
    public static RuleError FromIdentity(IdentityError error, string field) => (error.Code switch
    {
        nameof(IdentityErrorDescriber.PasswordTooShort) => PasswordTooShort,
        nameof(IdentityErrorDescriber.PasswordRequiresDigit) => PasswordRequiresDigit,
        nameof(IdentityErrorDescriber.PasswordRequiresLower) => PasswordRequiresLower,
        nameof(IdentityErrorDescriber.PasswordRequiresUpper) => PasswordRequiresUpper,
        nameof(IdentityErrorDescriber.PasswordRequiresNonAlphanumeric) => PasswordRequiresNonAlphanumeric,
        nameof(IdentityErrorDescriber.PasswordRequiresUniqueChars) => PasswordRequiresUniqueChars,
        nameof(IdentityErrorDescriber.InvalidUserName) => InvalidUserName,
        nameof(IdentityErrorDescriber.DuplicateUserName) => DuplicateUserName,
        _ => Refused,
    }).At(field);
}
