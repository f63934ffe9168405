namespace Jiebang.Domain.Regions;

/// <summary>
/// Zhejiang's dated lists of counties whose units self-fund at the lower share [annex 4 §2.2; RULES.md,
/// Zhejiang regions]. A round names one version (<c>RoundSettings.RegionListVersion</c>):
/// <list type="bullet">
/// <item><c>mountain26_2022</c>: the 26 mountain counties of 2022 plus the six island counties, as the
/// 2024 notice reads ("山区26县或海岛县");</item>
/// <item><c>mountain_island_2024_08</c>, <c>mountain_island_2025_05</c>: the province's later "mountain and
/// island counties" lists, which name their island counties themselves: only the counties on the list count.</item>
/// </list>
/// </summary>
public sealed class MountainIslandLists
{
    public const string Mountain26Of2022 = "mountain26_2022";
    public const string MountainIsland202408 = "mountain_island_2024_08";
    public const string MountainIsland202505 = "mountain_island_2025_05";

    /// <summary>One county-level unit and its flags, as the region table holds them.</summary>
    public sealed record County(string Code, string Name, bool IsMountain26, bool IsIsland,
        bool InList202408, bool InList202505);

    readonly Dictionary<string, County> counties;

    public MountainIslandLists(IEnumerable<County> counties) =>
        this.counties = counties.ToDictionary(c => c.Code, StringComparer.Ordinal);

    public static IReadOnlyList<string> Versions { get; } = [Mountain26Of2022, MountainIsland202408, MountainIsland202505];

    public static bool IsKnownVersion(string? version) => version is not null && Versions.Contains(version);

    /// <summary>The county, or null when the code is no Zhejiang county-level unit in the table.</summary>
    public County? Find(string? code) => code is not null && counties.TryGetValue(code, out var c) ? c : null;

    /// <summary>
    /// Whether the county is on list <paramref name="version"/>; null when the code or the version is unknown.
    /// </summary>
    public bool? IsOnList(string? code, string version)
    {
        if (Find(code) is not { } county) return null;
        return version switch
        {
            Mountain26Of2022 => county.IsMountain26 || county.IsIsland,
            MountainIsland202408 => county.InList202408,
            MountainIsland202505 => county.InList202505,
            _ => null,
        };
    }

    /// <summary>Reads the region table (SeedData/zhejiang_regions.tsv: a header, then one region a line).</summary>
    public static MountainIslandLists ParseTsv(string text) => new(
        text.ReplaceLineEndings("\n").Split('\n').Skip(1)
            .Select(line => line.Split('\t'))
            .Where(f => f.Length >= 8)
            .Select(f => new County(f[0], f[1], f[3] == "true", f[4] == "true", f[6] == "true", f[7] == "true")));
}
