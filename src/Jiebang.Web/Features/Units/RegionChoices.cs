namespace Jiebang.Web.Features.Units;

/// <summary>
/// The county list a unit picks its region from starts where most of the bureau's units are: the bureau's
/// own county first, then the rest of its prefecture, then the other prefectures in code order.
/// </summary>
public static class RegionChoices
{
    public static IReadOnlyList<Data.Region> StartingFrom(IEnumerable<Data.Region> counties, string? bureauRegionCode)
    {
        var ordered = counties.OrderBy(r => r.Code, StringComparer.Ordinal).ToList();
        var home = ordered.FirstOrDefault(r => r.Code == bureauRegionCode);
        if (home is null) return ordered;
        return [.. ordered.OrderBy(r => r.Code == home.Code ? 0 : r.City == home.City ? 1 : 2)];
    }
}
