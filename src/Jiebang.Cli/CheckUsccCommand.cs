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
        var codes = await ReadArgumentsAsync(args, stdin, error);
        if (codes is null) return await Commands.PrintUsageAsync(error, ExitCodes.Usage);

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

    /// <summary>
    /// The values to check: the arguments, or the lines of `--file FILE` ("-" reads standard input, blank
    /// lines are skipped). Null on a usage error (no value, an unknown option, an unreadable file).
    /// </summary>
    internal static async Task<IReadOnlyList<string>?> ReadArgumentsAsync(string[] args, TextReader stdin, TextWriter error) =>
        args switch
        {
            ["--file", var path] => await ReadLinesAsync(path, stdin, error),
            [] => null,
            _ when args.Any(a => a.StartsWith("--", StringComparison.Ordinal)) => null,
            _ => args,
        };

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
