namespace Jiebang.Domain.Units;

/// <summary>What a unit is; it decides which roles its people may take.</summary>
public enum UnitType
{
    Enterprise = 1,            // 企业
    University = 2,            // 高校
    ResearchInstitute = 3,     // 科研院所
    NewRdInstitution = 4,      // 新型研发机构
    Hospital = 5,              // 医院
    Association = 6,           // 行业协会
    GovernmentDepartment = 7,  // 行业主管部门
    ScienceBureau = 8,         // 科技局
}

public static class UnitTypes
{
    /// <summary>Units that may apply for projects and file demands as applicants.</summary>
    public static bool CanApply(this UnitType type) =>
        type is UnitType.Enterprise or UnitType.University or UnitType.ResearchInstitute
            or UnitType.NewRdInstitution or UnitType.Hospital;

    /// <summary>Units that screen and recommend upward [notice §4.2].</summary>
    public static bool CanRecommend(this UnitType type) =>
        type is UnitType.Association or UnitType.GovernmentDepartment or UnitType.ScienceBureau;

    public static bool IsGovernment(this UnitType type) =>
        type is UnitType.GovernmentDepartment or UnitType.ScienceBureau;
}
