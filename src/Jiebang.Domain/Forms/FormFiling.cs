using Jiebang.Domain.Demands;
using Jiebang.Domain.Units;

namespace Jiebang.Domain.Forms;

/// <summary>
/// How a form is filed, as data beside its fields: who may file it, what kind of filing it makes,
/// which field is its title and what is filled in from the filing unit.
/// </summary>
public sealed record FormFiling
{
    /// <summary>The filing kind the form makes ("demand", "proposal").</summary>
    public string Kind { get; init; } = "demand";

    /// <summary>The roles that may start it ("Applicant", "Recommender").</summary>
    public IReadOnlyList<string> Roles { get; init; } = ["Applicant", "Recommender"];

    /// <summary>The unit types that may start it; empty means any whose role allows it.</summary>
    public IReadOnlyList<UnitType> UnitTypes { get; init; } = [];

    /// <summary>The field whose value names the filing in lists and receipts.</summary>
    public string? TitleField { get; init; }

    /// <summary>Fields filled in from the filing unit when it starts: field key → one of <see cref="PrefillSources"/>.</summary>
    public IReadOnlyDictionary<string, string> Prefill { get; init; } = new Dictionary<string, string>();

    /// <summary>What a field may be filled in from: the unit's name, contact, credit code (USCC) and region's name.</summary>
    public static readonly IReadOnlySet<string> PrefillSources =
        new HashSet<string> { "unit.name", "unit.contactName", "unit.uscc", "unit.region" };

    /// <summary>What kind of demand it starts as (annex 3: a common industry need).</summary>
    public DemandKind DemandKind { get; init; } = DemandKind.EnterpriseOwn;

    /// <summary>Whether its filer sends it to the bureau itself (a recommending unit's own form), with no recommending unit between.</summary>
    public bool SentDirect { get; init; }

    /// <summary>Whether a unit of the type may start it (its role is checked by the access policy).</summary>
    public bool AllowsUnitType(UnitType type) => UnitTypes.Count == 0 || UnitTypes.Contains(type);
}
