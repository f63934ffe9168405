namespace Jiebang.Web.Data;

/// <summary>A Zhejiang prefecture or county (2023 codes), loaded from SeedData/zhejiang_regions.tsv.</summary>
public sealed class Region
{
    public required string Code { get; set; }
    public required string Name { get; set; }
    public required string City { get; set; }
    public required string Level { get; set; }
    public bool IsMountain26 { get; set; }
    public bool IsIsland { get; set; }
    public bool InMountainIslandList202408 { get; set; }
    public bool InMountainIslandList202505 { get; set; }
}
