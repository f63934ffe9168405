namespace Jiebang.Cli.Tests;

public sealed class CheckIdCommandTests : IDisposable
{
    const string Woman1949 = "11010519491231002X"; // GB 11643-1999 Appendix A
    const string Man1880 = "440524188001010014";   // GB 11643-1999 Appendix B
    readonly string directory = Directory.CreateTempSubdirectory("jiebang-cli-").FullName;

    public void Dispose() => Directory.Delete(directory, recursive: true);

    sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }

    static async Task<(int ExitCode, string[] Lines, string Error)> Run(string[] args, string stdin = "", TimeProvider? clock = null)
    {
        var (output, error) = (new StringWriter(), new StringWriter());
        var exitCode = await Commands.RunAsync(args, output, error, new StringReader(stdin), clock: clock);
        var lines = output.ToString().ReplaceLineEndings("\n").Split('\n', StringSplitOptions.RemoveEmptyEntries);
        return (exitCode, lines, error.ToString());
    }

    [Fact]
    public async Task CheckId_StandardsExamples_PrintBirthDateAndSexAndExitZero()
    {
        var (exitCode, lines, error) = await Run(["check", "id", Woman1949, Man1880]);
        Assert.Equal(0, exitCode);
        Assert.Equal([$"{Woman1949}\tvalid\t1949-12-31\tfemale", $"{Man1880}\tvalid\t1880-01-01\tmale"], lines);
        Assert.Empty(error);
    }

    [Fact]
    public async Task CheckId_LowerCaseX_IsValidAndEchoedAsTyped()
    {
        var (exitCode, lines, _) = await Run(["check", "id", " 11010519491231002x "]);
        Assert.Equal(0, exitCode);
        Assert.Equal("11010519491231002x\tvalid\t1949-12-31\tfemale", Assert.Single(lines));
    }

    [Fact]
    public async Task CheckId_WrongCheckCharacter_PrintsChineseReasonAndExitsOne()
    {
        var (exitCode, lines, _) = await Run(["check", "id", Man1880, "440524188001010015"]);
        Assert.Equal(1, exitCode);
        Assert.Equal($"{Man1880}\tvalid\t1880-01-01\tmale", lines[0]);
        Assert.Equal("440524188001010015\tinvalid\t居民身份证号码：第18位校验码为“5”，按规则应为“4”，请核对是否录入有误（GB 11643-1999 第5.5条）",
            lines[1]);
    }

    [Fact]
    public async Task CheckId_FirstGenerationNumber_AsksForThe18DigitOne()
    {
        var (exitCode, lines, _) = await Run(["check", "id", "110105491231002"]);
        Assert.Equal(1, exitCode);
        Assert.StartsWith("110105491231002\tinvalid\t居民身份证号码：", Assert.Single(lines));
    }

    [Fact]
    public async Task CheckId_BirthDateAfterTodayInChina_IsInvalid()
    {
        // 2030-01-01 00:30 in China is still 2029-12-31 in UTC: a person born on 2030-01-01 exists.
        var id = "110105203001010010";
        id = id[..17] + Domain.Identifiers.ResidentId.CheckCharacter(id.AsSpan(0, 17));
        var chinaNewYear = new FixedClock(new DateTimeOffset(2029, 12, 31, 16, 30, 0, TimeSpan.Zero));
        Assert.Equal(0, (await Run(["check", "id", id], clock: chinaNewYear)).ExitCode);
        var dayBefore = new FixedClock(new DateTimeOffset(2029, 12, 31, 15, 30, 0, TimeSpan.Zero));
        var (exitCode, lines, _) = await Run(["check", "id", id], clock: dayBefore);
        Assert.Equal(1, exitCode);
        Assert.Contains("晚于今天", Assert.Single(lines));
    }

    [Fact]
    public async Task CheckIdFile_OneNumberPerLine_SkipsBlankLines()
    {
        var path = Path.Combine(directory, "ids.txt");
        await File.WriteAllTextAsync(path, $"{Woman1949}\r\n\r\n  \n1234\n{Man1880}\n", TestContext.Current.CancellationToken);
        var (exitCode, lines, _) = await Run(["check", "id", "--file", path]);
        Assert.Equal(1, exitCode);
        Assert.Equal(3, lines.Length);
        Assert.Equal($"{Woman1949}\tvalid\t1949-12-31\tfemale", lines[0]);
        Assert.StartsWith("1234\tinvalid\t居民身份证号码：", lines[1]);
        Assert.Equal($"{Man1880}\tvalid\t1880-01-01\tmale", lines[2]);
    }

    [Fact]
    public async Task CheckIdFile_Dash_ReadsStandardInput()
    {
        var (exitCode, lines, _) = await Run(["check", "id", "--file", "-"], $"{Man1880}\n");
        Assert.Equal(0, exitCode);
        Assert.Equal($"{Man1880}\tvalid\t1880-01-01\tmale", Assert.Single(lines));
    }

    [Theory] // arguments separated by spaces
    [InlineData("check id")]
    [InlineData("check id --file")]
    [InlineData("check id --file a.txt b.txt")]
    [InlineData("check id --verbose " + Man1880)]
    public async Task CheckId_UsageError_ExitsTwo(string commandLine)
    {
        var (exitCode, lines, error) = await Run(commandLine.Split(' '));
        Assert.Equal(2, exitCode);
        Assert.Empty(lines);
        Assert.Contains("用法：jiebang", error);
    }

    [Fact]
    public async Task CheckIdFile_MissingFile_ExitsTwo()
    {
        var (exitCode, _, error) = await Run(["check", "id", "--file", Path.Combine(directory, "none.txt")]);
        Assert.Equal(2, exitCode);
        Assert.Contains("无法读取", error);
    }
}
