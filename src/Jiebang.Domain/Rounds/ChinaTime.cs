namespace Jiebang.Domain.Rounds;

/// <summary>China Standard Time: UTC+08:00 all year, no daylight saving.</summary>
public static class ChinaTime
{
    public static readonly TimeSpan Offset = TimeSpan.FromHours(8);

    public static DateTimeOffset At(int year, int month, int day, int hour = 0, int minute = 0) =>
        new(year, month, day, hour, minute, 0, Offset);

    public static DateTimeOffset ToChina(this DateTimeOffset instant) => instant.ToOffset(Offset);

    /// <summary>"2024-03-22 17:30 (UTC+8)": how every deadline is shown.</summary>
    public static string Format(DateTimeOffset instant) => instant.ToChina().ToString("yyyy-MM-dd HH:mm") + " (UTC+8)";
}
