using Jiebang.Domain.Text;

namespace Jiebang.Domain.Tests.Text;

public sealed class WordCountTests
{
    [Theory]
    [InlineData(null, 0)]
    [InlineData("", 0)]
    [InlineData("   \t\n\u3000", 0)]
    public void Count_EmptyOrBlank_IsZero(string? text, int expected) => Assert.Equal(expected, WordCount.Count(text));

    [Theory]
    [InlineData("中华人民共和国", 7)]
    [InlineData("AI芯片2024年", 5)]
    [InlineData("基于GPT-4o的模型", 6)]     // 基 于 GPT-4o 的 模 型
    [InlineData("研发 5G 基站", 5)]
    [InlineData("2024年12月31日", 6)]
    public void Count_MixedChineseLatinAndDigits_CountsEachIdeographAndEachRun(string text, int expected) =>
        Assert.Equal(expected, WordCount.Count(text));

    [Theory]
    [InlineData("Hello world", 2)]
    [InlineData("Hello, world!", 2)]
    [InlineData("3.14 and COVID-19", 3)]
    [InlineData("don't", 1)]
    [InlineData("... - !?", 0)]
    [InlineData("cafe\u0301 crème", 2)] // a combining accent stays inside its word
    public void Count_LatinText_CountsWordsAndIgnoresHalfWidthPunctuation(string text, int expected) =>
        Assert.Equal(expected, WordCount.Count(text));

    [Theory]
    [InlineData("你好，世界！", 6)]
    [InlineData("“揭榜挂帅”", 6)]
    [InlineData("项目——技术……", 8)]
    [InlineData("《通知》、（一）", 8)]
    [InlineData("ＡＢＣ１２３", 6)] // full-width letters and digits count one each, as in Word
    [InlineData("价格：￥100", 5)]
    public void Count_FullWidthPunctuationAndForms_CountOneEach(string text, int expected) =>
        Assert.Equal(expected, WordCount.Count(text));

    [Theory]
    [InlineData("㐀㐁", 2)]     // extension A
    [InlineData("𠀀𪚥", 2)]    // extension B: surrogate pairs, one character each
    [InlineData("𠮷野家", 3)]
    public void Count_RareIdeographs_CountOneEach(string text, int expected) => Assert.Equal(expected, WordCount.Count(text));

    [Theory]
    [InlineData("👍", 1)]
    [InlineData("好👍👍", 3)]
    [InlineData("👍🏽", 1)]                      // with a skin tone
    [InlineData("👨\u200D👩\u200D👧", 1)]         // a family joined by zero-width joiners
    [InlineData("ok👍", 2)]
    [InlineData("❤\uFE0F", 1)]
    public void Count_Emoji_CountsOneEachAsSeen(string text, int expected) => Assert.Equal(expected, WordCount.Count(text));
}
