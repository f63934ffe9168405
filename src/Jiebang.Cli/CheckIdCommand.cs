using System.Globalization;
using Jiebang.Domain.Identifiers;
using Jiebang.Domain.Rounds;

namespace Jiebang.Cli;

/// <summary>
/// `check id NUMBER…` and `check id --file FILE`: one line per number, `NUMBER⇥valid⇥yyyy-MM-dd⇥male|female`
/// or `NUMBER⇥invalid⇥reason`, the number as typed (trimmed) and the reason in Chinese for bureau staff.
/// A birth date "in the future" is judged against today's date in China.
/// </summary>
static class CheckIdCommand
{
    static readonly CultureInfo Chinese = CultureInfo.GetCultureInfo("zh-CN");

    public static async Task<int> RunAsync(string[] args, TextReader stdin, TextWriter output, TextWriter error, DateOnly today)
    {
        var numbers = await CheckUsccCommand.ReadArgumentsAsync(args, stdin, error);
        if (numbers is null) return await Commands.PrintUsageAsync(error, ExitCodes.Usage);

        var exitCode = ExitCodes.Success;
        foreach (var number in numbers.Select(n => n.Trim()))
        {
            var findings = ResidentId.Check(number, today);
            if (findings.Count == 0 && ResidentId.TryParse(number, today, out var id))
            {
                var birth = id!.BirthDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
                await output.WriteLineAsync($"{number}\tvalid\t{birth}\t{(id.IsMale ? "male" : "female")}");
                continue;
            }
            exitCode = ExitCodes.Findings;
            var reason = string.Join("；", findings.Select(f => f.Message(Chinese).TrimEnd('。')));
            await output.WriteLineAsync($"{number}\tinvalid\t{reason}");
        }
        return exitCode;
    }

    /// <summary>Today's date in China Standard Time.</summary>
    public static DateOnly ChinaToday(TimeProvider clock) => DateOnly.FromDateTime(clock.GetUtcNow().ToOffset(ChinaTime.Offset).DateTime);
}
