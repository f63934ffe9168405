namespace Jiebang.Domain.Rounds;

/// <summary>China Standard Time: UTC+08:00 all year, no daylight saving.</summary>
public static class ChinaTime
{
    public static readonly TimeSpan Offset = TimeSpan.FromHours(8);

    public static DateTimeOffset At(int year, int month, int day, int hour = 0, int minute = 0) =>
        new(year, month, day, hour, minute, 0, Offset);

    /// <summary>The latest instant China Standard Time can show (9999-12-31 23:59:59 CST).</summary>
    static readonly DateTimeOffset LatestShown = new(DateTime.MaxValue, Offset);

    /// <summary>The instant in CST; one too late to show there (a bad stored value) shows as the latest that can be.</summary>
    public static DateTimeOffset ToChina(this DateTimeOffset instant) =>
        instant.UtcTicks > LatestShown.UtcTicks ? LatestShown : instant.ToOffset(Offset);

    /// <summary>"2024-03-22 17:30 (UTC+8)": how every deadline is shown.</summary>
    public static string Format(DateTimeOffset instant) => instant.ToChina().ToString("yyyy-MM-dd HH:mm") + " (UTC+8)";
}
