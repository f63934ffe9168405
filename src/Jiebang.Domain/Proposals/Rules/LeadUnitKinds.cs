using Jiebang.Domain.Units;

namespace Jiebang.Domain.Proposals.Rules;

public static class LeadUnitKinds
{
    /// <summary>
    /// The kind a registered unit leads as: its declared type, and for the USCC prefixes 11 (机关) and
    /// 12 (事业单位) the kind those codes mean when the type says no more (a hospital stays a hospital).
    /// </summary>
    public static LeadUnitKind From(UnitType type, string? uscc = null) => type switch
    {
        UnitType.University => LeadUnitKind.University,
        UnitType.ResearchInstitute => LeadUnitKind.ResearchInstitute,
        UnitType.NewRdInstitution => LeadUnitKind.NewRdInstitution,
        UnitType.Hospital => LeadUnitKind.Hospital,
        UnitType.GovernmentDepartment or UnitType.ScienceBureau => LeadUnitKind.GovernmentOrgan,
        UnitType.Association => LeadUnitKind.SocialOrganisation,
        _ when Identifiers.Uscc.Normalize(uscc).StartsWith("11", StringComparison.Ordinal) => LeadUnitKind.GovernmentOrgan,
        _ when Identifiers.Uscc.Normalize(uscc).StartsWith("12", StringComparison.Ordinal) => LeadUnitKind.OtherPublicInstitution,
        _ => LeadUnitKind.Enterprise,
    };
}
