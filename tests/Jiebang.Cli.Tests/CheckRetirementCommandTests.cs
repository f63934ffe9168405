namespace Jiebang.Cli.Tests;

public sealed class CheckRetirementCommandTests
{
    static async Task<(int ExitCode, string[] Lines, string Error)> Run(string commandLine)
    {
        var (output, error) = (new StringWriter(), new StringWriter());
        var exitCode = await Commands.RunAsync(commandLine.Split(' '), output, error, new StringReader(""));
        var lines = output.ToString().ReplaceLineEndings("\n").Split('\n', StringSplitOptions.RemoveEmptyEntries);
        return (exitCode, lines, error.ToString());
    }

    [Theory] // the published examples (RULES.md)
    [InlineData("1965-01", "male", "2025-02\t60 years 1 months\t60岁1个月")]
    [InlineData("1971-01", "male", "2032-08\t61 years 7 months\t61岁7个月")]
    [InlineData("1971-05", "male", "2033-01\t61 years 8 months\t61岁8个月")]
    [InlineData("1971-04", "female55", "2026-08\t55 years 4 months\t55岁4个月")]
    [InlineData("1984-11", "female50", "2039-11\t55 years 0 months\t55岁0个月")]
    [InlineData("1964-12", "male", "2024-12\t60 years 0 months\t60岁0个月")]
    [InlineData("1990-06", "male", "2053-06\t63 years 0 months\t63岁0个月")]
    public async Task CheckRetirement_PublishedExamples_PrintMonthAndAge(string birth, string category, string expected)
    {
        var (exitCode, lines, error) = await Run($"check retirement --birth {birth} --category {category}");
        Assert.Equal(0, exitCode);
        Assert.Equal(expected, Assert.Single(lines));
        Assert.Empty(error);
    }

    [Fact]
    public async Task CheckRetirement_Academician_RetiresAt70()
    {
        var (exitCode, lines, _) = await Run("check retirement --category male --birth 1956-05 --academician");
        Assert.Equal(0, exitCode);
        Assert.Equal("2026-05\t70 years 0 months\t70岁0个月", Assert.Single(lines));
    }

    [Theory]
    [InlineData("check retirement")]
    [InlineData("check retirement --birth 1965-01")]
    [InlineData("check retirement --category male")]
    [InlineData("check retirement --birth 1965-01 --category male --verbose")]
    [InlineData("check retirement --birth 1965-01 --category male --birth 1966-01")]
    [InlineData("check retirement --birth 1965-13 --category male")]
    [InlineData("check retirement --birth 1965-1-5 --category male")]
    [InlineData("check retirement --birth 0965-01 --category male")]
    [InlineData("check retirement --birth 1965-01 --category female")]
    public async Task CheckRetirement_UsageError_ExitsTwoNamingTheOption(string commandLine)
    {
        var (exitCode, lines, error) = await Run(commandLine);
        Assert.Equal(2, exitCode);
        Assert.Empty(lines);
        Assert.NotEmpty(error);
    }

    [Fact]
    public async Task CheckRetirement_BadCategory_SaysWhichInChinese()
    {
        var (_, _, error) = await Run("check retirement --birth 1965-01 --category female");
        Assert.Contains("--category：“female”应为 male、female55 或 female50 之一", error);
    }
}
