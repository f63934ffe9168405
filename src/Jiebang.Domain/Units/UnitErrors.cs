using Jiebang.Domain.Rules;

namespace Jiebang.Domain.Units;

/// <summary>The rules of a unit: its registration, its contact, its review by the bureau and later edits.</summary>
public static class UnitErrors
{
    static readonly string Review = Clause.Platform("unit review");

    public static readonly ErrorCode NameRequired = ErrorCode.Invalid("UNIT_NAME_REQUIRED", Clause.Annex(2));
    public static readonly ErrorCode NameTooLong = ErrorCode.Invalid("UNIT_NAME_TOO_LONG", Clause.Annex(2));
    public static readonly ErrorCode GovernmentOrganCannotApply = ErrorCode.Invalid("UNIT_GOVERNMENT_ORGAN_CANNOT_APPLY", Clause.Annex(4, "3.1.1"));
    public static readonly ErrorCode RegionRequired = ErrorCode.Invalid("UNIT_REGION_REQUIRED", Clause.Annex(4, "3.1.1"));
    public static readonly ErrorCode RegionUnknown = ErrorCode.Invalid("UNIT_REGION_UNKNOWN", Clause.Annex(4, "3.1.1"));
    public static readonly ErrorCode UsccOutsideZhejiang = ErrorCode.Invalid("UNIT_USCC_OUTSIDE_ZHEJIANG", Clause.Standard("GB 32100-2015"));
    public static readonly ErrorCode UsccTaken = ErrorCode.Conflict("UNIT_USCC_TAKEN", Clause.Platform("one unit per USCC"));
    public static readonly ErrorCode TypeNotSelfRegistering = ErrorCode.Invalid("UNIT_TYPE_NOT_SELF_REGISTERING", Clause.Platform("self-registration"));
    public static readonly ErrorCode ContactRequired = ErrorCode.Invalid("UNIT_CONTACT_REQUIRED", Clause.Annex(2));
    public static readonly ErrorCode EmailFormat = ErrorCode.Invalid("UNIT_EMAIL_FORMAT", Clause.Annex(2));

    public static readonly ErrorCode DecisionRequired = ErrorCode.Invalid("UNIT_DECISION_REQUIRED", Review);
    public static readonly ErrorCode AlreadyReviewed = ErrorCode.Conflict("UNIT_ALREADY_REVIEWED", Review);
    public static readonly ErrorCode RejectReasonRequired = ErrorCode.Invalid("UNIT_REJECT_REASON_REQUIRED", Review);
    /// <summary>Accepting a code whose check character is off (USCC_CHECK) needs a reason on the record.</summary>
    public static readonly ErrorCode OverrideReasonRequired =
        ErrorCode.Invalid("UNIT_OVERRIDE_REASON_REQUIRED", Clause.Standard("GB 32100-2015", "Appendix B"));
    public static readonly ErrorCode EditReasonRequired = ErrorCode.Invalid("UNIT_EDIT_REASON_REQUIRED", Clause.Platform("audit trail"));
}
