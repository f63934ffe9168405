using Jiebang.Domain.Identifiers;
using Jiebang.Domain.Rules;

namespace Jiebang.Domain.Units;

/// <summary>The rules a unit's registration must satisfy before bureau staff see it.</summary>
public static class UnitRegistration
{
    /// <summary>
    /// Findings for a new unit. A failed USCC check character is reported but may be accepted
    /// by staff by hand (early pilot codes, RULES.md); every other finding blocks.
    /// </summary>
    public static IReadOnlyList<RuleError> Check(string? name, string? uscc, UnitType type, string? regionCode,
        Func<string, bool> regionExists)
    {
        var errors = new List<RuleError>();
        if (string.IsNullOrWhiteSpace(name))
            errors.Add(RuleError.Of("UNIT_NAME_REQUIRED", "name", "notice annex 2"));
        else if (name.Trim().Length > 100)
            errors.Add(RuleError.Of("UNIT_NAME_TOO_LONG", "name", "notice annex 2", 100));

        errors.AddRange(Uscc.Check(uscc));
        var normalized = Uscc.Normalize(uscc);
        if (normalized.StartsWith("11", StringComparison.Ordinal) && !type.IsGovernment())
            errors.Add(RuleError.Of("UNIT_GOVERNMENT_ORGAN_CANNOT_APPLY", "type", "annex 4 §3.1.1"));

        if (string.IsNullOrWhiteSpace(regionCode))
            errors.Add(RuleError.Of("UNIT_REGION_REQUIRED", "regionCode", "annex 4 §3.1.1"));
        else if (!regionExists(regionCode))
            errors.Add(RuleError.Of("UNIT_REGION_UNKNOWN", "regionCode", "annex 4 §3.1.1", regionCode));
        return errors;
    }

    /// <summary>
    /// A remark, not a refusal: positions 3–4 of the code name the province of the registering
    /// authority (GB 32100-2015), and a unit registered outside Zhejiang (not 33) may still take
    /// part; staff see the remark when they approve it.
    /// </summary>
    public static RuleError? OutsideZhejiang(string? uscc)
    {
        var normalized = Uscc.Normalize(uscc);
        return normalized.Length == 18 && normalized[2..4] != "33"
            ? RuleError.Warn("UNIT_USCC_OUTSIDE_ZHEJIANG", "uscc", "GB 32100-2015", normalized[2..4])
            : null;
    }

    /// <summary>The one finding staff may override with a recorded reason.</summary>
    public static bool IsOverridable(RuleError error) => error.Code == "USCC_CHECK";
}
