using Jiebang.Domain.Similarity;

namespace Jiebang.Domain.Tests.Similarity;

public sealed class TextNormalizerTests
{
    [Theory]
    [InlineData("本项目（２０２４年）", "本项目2024年")]
    [InlineData("本项目 (2024年)", "本项目2024年")]
    [InlineData("ＡＩ芯片，Ai\u3000芯片！", "ai芯片ai芯片")]
    [InlineData("研发\t5G\r\n基站；“达到”国内领先水平。", "研发5g基站达到国内领先水平")]
    [InlineData("零\u200B宽", "零宽")]
    [InlineData("", "")]
    public void Normalize_WidthCasePunctuationAndSpace_AreFolded(string text, string expected) =>
        Assert.Equal(expected, TextNormalizer.Normalize(text).Text);

    [Fact]
    public void Normalize_Offsets_PointIntoTheOriginal()
    {
        var normalized = TextNormalizer.Normalize("甲，乙 丙");

        Assert.Equal("甲乙丙", normalized.Text);
        Assert.Equal([0, 2, 4], normalized.Offsets);
    }

    [Fact]
    public void NormalizeText_IsTheTextOfNormalize()
    {
        const string text = "针对Ｘ射线探测器（CT）的“卡脖子”问题，研制……";

        Assert.Equal(TextNormalizer.Normalize(text).Text, TextNormalizer.NormalizeText(text));
    }

    [Fact]
    public void NormalizeText_FoldsEveryCharacterAsNormalize()
    {
        // The indexing path folds through a table; the offsets path folds each character.
        var all = new string([.. Enumerable.Range(0, char.MaxValue + 1).Select(c => (char)c)]);

        Assert.Equal(TextNormalizer.Normalize(all).Text, TextNormalizer.NormalizeText(all));
    }
}
