namespace Jiebang.Cli.Tests;

public sealed class CheckUsccCommandTests : IDisposable
{
    const string Valid = "91350100M000100Y43";
    const string WrongCheck = "91350100M000100Y44";
    readonly string directory = Directory.CreateTempSubdirectory("jiebang-cli-").FullName;

    public void Dispose() => Directory.Delete(directory, recursive: true);

    static async Task<(int ExitCode, string[] Lines, string Error)> Run(string[] args, string stdin = "")
    {
        var (output, error) = (new StringWriter(), new StringWriter());
        var exitCode = await Commands.RunAsync(args, output, error, new StringReader(stdin));
        var lines = output.ToString().ReplaceLineEndings("\n").Split('\n', StringSplitOptions.RemoveEmptyEntries);
        return (exitCode, lines, error.ToString());
    }

    [Fact]
    public async Task CheckUscc_ValidCodes_PrintsValidAndExitsZero()
    {
        var (exitCode, lines, error) = await Run(["check", "uscc", Valid, "91331181MA2E0T3K5K"]);
        Assert.Equal(0, exitCode);
        Assert.Equal([$"{Valid}\tvalid", "91331181MA2E0T3K5K\tvalid"], lines);
        Assert.Empty(error);
    }

    [Fact]
    public async Task CheckUscc_InvalidCode_PrintsChineseReasonAndExitsOne()
    {
        var (exitCode, lines, _) = await Run(["check", "uscc", Valid, WrongCheck]);
        Assert.Equal(1, exitCode);
        Assert.Equal($"{Valid}\tvalid", lines[0]);
        Assert.Equal(
            $"{WrongCheck}\tinvalid\t统一社会信用代码：第18位校验码为“4”，按规则应为“3”，请核对是否录入有误（GB 32100-2015 附录B）",
            lines[1]);
    }

    [Fact]
    public async Task CheckUscc_CodeAsTyped_IsEchoedTrimmedNotNormalised()
    {
        var (exitCode, lines, _) = await Run(["check", "uscc", " 91331181ma2e0t3k5k "]);
        Assert.Equal(0, exitCode);
        Assert.Equal("91331181ma2e0t3k5k\tvalid", Assert.Single(lines));
    }

    [Fact]
    public async Task CheckUsccFile_OneCodePerLine_SkipsBlankLines()
    {
        var path = Path.Combine(directory, "codes.txt");
        await File.WriteAllTextAsync(path, $"{Valid}\r\n\r\n   \n{WrongCheck}\n9133\n", TestContext.Current.CancellationToken);
        var (exitCode, lines, _) = await Run(["check", "uscc", "--file", path]);
        Assert.Equal(1, exitCode);
        Assert.Equal(3, lines.Length);
        Assert.Equal($"{Valid}\tvalid", lines[0]);
        Assert.StartsWith($"{WrongCheck}\tinvalid\t", lines[1]);
        Assert.Equal("9133\tinvalid\t统一社会信用代码：应为18位，当前为4位（GB 32100-2015）", lines[2]);
    }

    [Fact]
    public async Task CheckUsccFile_Dash_ReadsStandardInput()
    {
        var (exitCode, lines, _) = await Run(["check", "uscc", "--file", "-"], $"{Valid}\n\n91331181MA2E0T3K5K\n");
        Assert.Equal(0, exitCode);
        Assert.Equal([$"{Valid}\tvalid", "91331181MA2E0T3K5K\tvalid"], lines);
    }

    [Fact]
    public async Task CheckUsccFile_MissingFile_ExitsTwo()
    {
        var (exitCode, lines, error) = await Run(["check", "uscc", "--file", Path.Combine(directory, "none.txt")]);
        Assert.Equal(2, exitCode);
        Assert.Empty(lines);
        Assert.Contains("无法读取", error);
    }

    [Theory] // arguments separated by spaces
    [InlineData("")]
    [InlineData("check")]
    [InlineData("check uscc")]
    [InlineData("check uscc --file")]
    [InlineData("check uscc --file a.txt b.txt")]
    [InlineData("check uscc --verbose " + Valid)]
    [InlineData("frobnicate")]
    public async Task Run_UsageError_PrintsUsageInEnglishAndChineseAndExitsTwo(string commandLine)
    {
        var args = commandLine.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var (exitCode, lines, error) = await Run(args);
        Assert.Equal(2, exitCode);
        Assert.Empty(lines);
        Assert.Contains("usage: jiebang", error);
        Assert.Contains("用法：jiebang", error);
    }

    [Fact]
    public async Task Run_Help_PrintsUsageToOutputAndExitsZero()
    {
        var (exitCode, lines, _) = await Run(["--help"]);
        Assert.Equal(0, exitCode);
        Assert.Contains(lines, l => l.Contains("check uscc --file", StringComparison.Ordinal));
    }
}
