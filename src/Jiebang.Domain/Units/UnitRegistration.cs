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
            errors.Add(UnitErrors.NameRequired.At("name"));
        else if (name.Trim().Length > 100)
            errors.Add(UnitErrors.NameTooLong.At("name", 100));

        errors.AddRange(Uscc.Check(uscc));
        var normalized = Uscc.Normalize(uscc);
        if (normalized.StartsWith("11", StringComparison.Ordinal) && !type.IsGovernment())
            errors.Add(UnitErrors.GovernmentOrganCannotApply.At("type"));

        if (string.IsNullOrWhiteSpace(regionCode))
            errors.Add(UnitErrors.RegionRequired.At("regionCode"));
        else if (!regionExists(regionCode))
            errors.Add(UnitErrors.RegionUnknown.At("regionCode", regionCode));
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
            ? UnitErrors.UsccOutsideZhejiang.WarningAt("uscc", normalized[2..4])
            : null;
    }

    /// <summary>The one finding staff may override with a recorded reason.</summary>
    public static bool IsOverridable(RuleError error) => error.Is(IdentifierErrors.UsccCheck);
}
