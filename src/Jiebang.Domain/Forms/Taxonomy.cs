namespace Jiebang.Domain.Forms;

/// <summary>
/// The areas (重点领域) and directions (主要方向) a round collects demands in: the Longquan notice's §1
/// or the provincial list printed in annex 1. Read from SeedData/taxonomies/{key}.json.
/// </summary>
public sealed record Taxonomy
{
    public required string Key { get; init; }
    public required string TitleZh { get; init; }
    public string? TitleEn { get; init; }

    /// <summary>The notice or annex the list is taken from.</summary>
    public string? Source { get; init; }
    public required IReadOnlyList<TaxonomyArea> Areas { get; init; }

    /// <summary>The area with the name, or null.</summary>
    public TaxonomyArea? Area(string name) => Areas.FirstOrDefault(a => a.Name == name);

    /// <summary>Reads a taxonomy; throws <see cref="FormatException"/> when it repeats an area or a direction.</summary>
    public static Taxonomy Parse(string json)
    {
        var taxonomy = FormJson.Read<Taxonomy>(json, "taxonomy");
        if (taxonomy.Areas.GroupBy(a => a.Name).FirstOrDefault(g => g.Count() > 1) is { } area)
            throw new FormatException($"Taxonomy {taxonomy.Key}: area {area.Key} appears twice.");
        foreach (var a in taxonomy.Areas)
            if (a.Directions.GroupBy(d => d).FirstOrDefault(g => g.Count() > 1) is { } direction)
                throw new FormatException($"Taxonomy {taxonomy.Key}: direction {direction.Key} appears twice in {a.Name}.");
        return taxonomy;
    }
}

/// <summary>An area and its directions; an area may have none ("其他国民经济和社会发展的重大科技需求").</summary>
public sealed record TaxonomyArea
{
    public required string Name { get; init; }
    public IReadOnlyList<string> Directions { get; init; } = [];
}
