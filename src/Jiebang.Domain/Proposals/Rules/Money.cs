using System.Globalization;

namespace Jiebang.Domain.Proposals.Rules;

/// <summary>Amounts in 万元 with fen precision: six decimals (0.000001 万元 = 1 分).</summary>
public static class Money
{
    public const int Decimals = 6;

    /// <summary>One fen in 万元.</summary>
    public const decimal Fen = 0.000001m;

    /// <summary>"300", "200.01", "300.000001": as many decimals as the amount has, none trailing.</summary>
    public static string Wan(decimal amount) => amount.ToString("0.######", CultureInfo.InvariantCulture);

    /// <summary>A share as a percentage with up to two decimals, rounded down so that 79.999 % never shows as 80 %.</summary>
    public static string Percent(decimal share) =>
        (Math.Floor(share * 10_000m) / 100m).ToString("0.##", CultureInfo.InvariantCulture);
}
