using System.Globalization;
using Jiebang.Domain.Identifiers;

namespace Jiebang.Cli;

/// <summary>
/// `check uscc CODE…` and `check uscc --file FILE`: one line per code, `CODE⇥valid` or
/// `CODE⇥invalid⇥reason`, the code as typed (trimmed) and the reason in Chinese for bureau staff.
/// </summary>
static class CheckUsccCommand
{
    static readonly CultureInfo Chinese = CultureInfo.GetCultureInfo("zh-CN");

    public static async Task<int> RunAsync(string[] args, TextReader stdin, TextWriter output, TextWriter error)
    {
        IReadOnlyList<string> codes;
        switch (args)
        {
            case ["--file", var path]:
                var lines = await ReadLinesAsync(path, stdin, error);
                if (lines is null) return ExitCodes.Usage;
                codes = lines;
                break;
            case [] or [.., "--file"]:
                return await Commands.PrintUsageAsync(error, ExitCodes.Usage);
            case var _ when args.Any(a => a.StartsWith("--", StringComparison.Ordinal)):
                return await Commands.PrintUsageAsync(error, ExitCodes.Usage);
            default:
                codes = args;
                break;
        }

        var exitCode = ExitCodes.Success;
        foreach (var code in codes.Select(c => c.Trim()))
        {
            var findings = Uscc.Check(code);
            if (findings.Count == 0)
            {
                await output.WriteLineAsync($"{code}\tvalid");
                continue;
            }
            exitCode = ExitCodes.Findings;
            var reason = string.Join("；", findings.Select(f => f.Message(Chinese).TrimEnd('。')));
            await output.WriteLineAsync($"{code}\tinvalid\t{reason}");
        }
        return exitCode;
    }

    // Null when the file cannot be read; blank lines are skipped.
    static async Task<IReadOnlyList<string>?> ReadLinesAsync(string path, TextReader stdin, TextWriter error)
    {
        string text;
        try
        {
            text = path == "-" ? await stdin.ReadToEndAsync() : await File.ReadAllTextAsync(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            await error.WriteLineAsync($"cannot read {path}: {e.Message}");
            await error.WriteLineAsync($"无法读取文件 {path}。");
            return null;
        }
        return text.ReplaceLineEndings("\n").Split('\n').Where(l => !string.IsNullOrWhiteSpace(l)).ToList();
    }
}
