using System.Globalization;
using Jiebang.Domain.Eligibility;

namespace Jiebang.Cli;

/// <summary>
/// `check retirement --birth YYYY-MM --category male|female55|female50 [--academician]`: prints
/// `yyyy-MM⇥Y years M months⇥Y岁M个月`, the month statutory retirement age is reached and the age then
/// (the 2025 schedule; academicians 70, whatever the category).
/// </summary>
static class CheckRetirementCommand
{
    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error)
    {
        string? birth = null, category = null;
        var academician = false;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--birth" when i + 1 < args.Length && birth is null: birth = args[++i]; break;
                case "--category" when i + 1 < args.Length && category is null: category = args[++i]; break;
                case "--academician" when !academician: academician = true; break;
                default: return await Commands.PrintUsageAsync(error, ExitCodes.Usage);
            }
        }

        if (birth is null || category is null) return await Commands.PrintUsageAsync(error, ExitCodes.Usage);
        if (!DateOnly.TryParseExact(birth, "yyyy-MM", CultureInfo.InvariantCulture, DateTimeStyles.None, out var month)
            || month.Year is < 1900 or > 2100)
        {
            await error.WriteLineAsync($"--birth: '{birth}' is not a month YYYY-MM between 1900-01 and 2100-12");
            await error.WriteLineAsync($"--birth：“{birth}”不是1900-01至2100-12之间的年月（YYYY-MM）。");
            return ExitCodes.Usage;
        }
        RetirementCategory? schedule = category switch
        {
            "male" => RetirementCategory.Man,
            "female55" => RetirementCategory.WomanCadre55,
            "female50" => RetirementCategory.WomanWorker50,
            _ => null,
        };
        if (schedule is null)
        {
            await error.WriteLineAsync($"--category: '{category}' is not one of male, female55, female50");
            await error.WriteLineAsync($"--category：“{category}”应为 male、female55 或 female50 之一。");
            return ExitCodes.Usage;
        }

        var retirement = RetirementAge.Of(month, academician ? RetirementCategory.Academician : schedule.Value);
        var (years, months) = (retirement.AgeYears, retirement.AgeMonths);
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"{retirement.Month:yyyy-MM}\t{years} years {months} months\t{years}岁{months}个月"));
        return ExitCodes.Success;
    }
}
