using Jiebang.Domain.Rules;

namespace Jiebang.Domain.Identifiers;

/// <summary>The rules of the identifiers people type: a unit's USCC, a resident ID, a phone number.</summary>
public static class IdentifierErrors
{
    const string UsccStandard = "GB 32100-2015", IdStandard = "GB 11643-1999";
    static readonly string PhonePlan = Clause.Law("MIIT numbering plan 2017");

    public static readonly ErrorCode UsccRequired = ErrorCode.Invalid("USCC_REQUIRED", Clause.Standard(UsccStandard));
    public static readonly ErrorCode UsccLength = ErrorCode.Invalid("USCC_LENGTH", Clause.Standard(UsccStandard, "§4"));
    public static readonly ErrorCode UsccCharacter = ErrorCode.Invalid("USCC_CHARACTER", Clause.Standard(UsccStandard, "§4"));
    public static readonly ErrorCode UsccAuthority = ErrorCode.Invalid("USCC_AUTHORITY", Clause.Standard(UsccStandard, "Table 2"));
    public static readonly ErrorCode UsccOrgType = ErrorCode.Invalid("USCC_ORG_TYPE", Clause.Standard(UsccStandard, "Table 3"));
    public static readonly ErrorCode UsccDivision = ErrorCode.Invalid("USCC_DIVISION", Clause.Standard(UsccStandard, "§4.3"));
    public static readonly ErrorCode UsccOrgCodeCheck = ErrorCode.Invalid("USCC_ORG_CODE_CHECK", Clause.Standard("GB 11714-1997"));
    public static readonly ErrorCode UsccCheck = ErrorCode.Invalid("USCC_CHECK", Clause.Standard(UsccStandard, "Appendix B"));

    public static readonly ErrorCode IdRequired = ErrorCode.Invalid("ID_REQUIRED", Clause.Standard(IdStandard));
    public static readonly ErrorCode IdFirstGeneration = ErrorCode.Invalid("ID_FIRST_GENERATION", Clause.Standard(IdStandard));
    public static readonly ErrorCode IdLength = ErrorCode.Invalid("ID_LENGTH", Clause.Standard(IdStandard, "§5.1"));
    public static readonly ErrorCode IdCharacter = ErrorCode.Invalid("ID_CHARACTER", Clause.Standard(IdStandard, "§5.1"));
    public static readonly ErrorCode IdProvince = ErrorCode.Invalid("ID_PROVINCE", Clause.Standard(IdStandard, "§5.2"));
    public static readonly ErrorCode IdBirthDate = ErrorCode.Invalid("ID_BIRTH_DATE", Clause.Standard(IdStandard, "§5.3"));
    public static readonly ErrorCode IdBirthDateFuture = ErrorCode.Invalid("ID_BIRTH_DATE_FUTURE", Clause.Standard(IdStandard, "§5.3"));
    public static readonly ErrorCode IdCheck = ErrorCode.Invalid("ID_CHECK", Clause.Standard(IdStandard, "§5.5"));

    public static readonly ErrorCode PhoneRequired = ErrorCode.Invalid("PHONE_REQUIRED", PhonePlan);
    public static readonly ErrorCode PhoneNotMainland = ErrorCode.Invalid("PHONE_NOT_MAINLAND", PhonePlan);
    public static readonly ErrorCode PhoneCharacter = ErrorCode.Invalid("PHONE_CHARACTER", PhonePlan);
    public static readonly ErrorCode PhoneAreaCodeMissing = ErrorCode.Invalid("PHONE_AREA_CODE_MISSING", PhonePlan);
    public static readonly ErrorCode PhoneMobileLength = ErrorCode.Invalid("PHONE_MOBILE_LENGTH", PhonePlan);
    public static readonly ErrorCode PhoneMobilePrefix = ErrorCode.Invalid("PHONE_MOBILE_PREFIX", PhonePlan);
    public static readonly ErrorCode PhoneMobileExtension = ErrorCode.Invalid("PHONE_MOBILE_EXTENSION", PhonePlan);
    public static readonly ErrorCode PhoneAreaCode = ErrorCode.Invalid("PHONE_AREA_CODE", PhonePlan);
    public static readonly ErrorCode PhoneLandlineLength = ErrorCode.Invalid("PHONE_LANDLINE_LENGTH", PhonePlan);
    public static readonly ErrorCode PhoneLocalNumber = ErrorCode.Invalid("PHONE_LOCAL_NUMBER", PhonePlan);
    public static readonly ErrorCode PhoneExtension = ErrorCode.Invalid("PHONE_EXTENSION", PhonePlan);
}
