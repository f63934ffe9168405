using Jiebang.Domain.Text;
using static Jiebang.Domain.Text.TextDiff;

namespace Jiebang.Domain.Tests.Text;

public sealed class TextDiffTests
{
    static string Show(IEnumerable<Piece> pieces) => string.Concat(pieces.Select(p => p.Kind switch
    {
        Kind.Deleted => $"[-{p.Text}-]",
        Kind.Inserted => $"{{+{p.Text}+}}",
        _ => p.Text,
    }));

    [Theory]
    [InlineData("新增产值5000万元，新增就业50人。", "新增产值8000万元，新增就业50人。", "新增产值[-5000-]{+8000+}万元，新增就业50人。")]
    [InlineData("项目完成后3年新增产值5000万元。", "项目完成后3年新增产值8000万元，新增就业50人。", "项目完成后3年新增产值[-5000-]{+8000+}万元{+，新增就业50人+}。")]
    [InlineData("研发高导热陶瓷基板", "研发低成本高导热陶瓷基板", "研发{+低成本+}高导热陶瓷基板")]
    [InlineData("采用GPT-4o模型", "采用GPT-5模型", "采用[-GPT-4o-]{+GPT-5+}模型")]
    [InlineData("一、技术指标。二、经济指标。", "一、技术指标。", "一、技术指标。[-二、经济指标。-]")]
    public void Compare_ChangedWordsWithinChineseText_MarksOnlyThem(string before, string after, string expected) =>
        Assert.Equal(expected, Show(Compare(before, after)));

    [Fact]
    public void Compare_RewrittenSentence_IsOneDeletionAndOneInsertion_NotScatteredCharacters()
    {
        var pieces = Compare("项目完成后形成发明专利。", "预计三年内实现量产的目标。");
        Assert.Equal("[-项目完成后形成发明专利-]{+预计三年内实现量产的目标+}。", Show(pieces));
        Assert.Equal("[-采用先进的烧结工艺-]{+开发全新的成型设备+}", Show(Compare("采用先进的烧结工艺", "开发全新的成型设备"))); // 的 alone is not kept
    }

    [Fact]
    public void Compare_SameText_IsOneKeptPiece_AndEmptyToText_IsOneInsertion()
    {
        Assert.Equal([new Piece(Kind.Same, "相同")], Compare("相同", "相同"));
        Assert.Equal([new Piece(Kind.Inserted, "新内容")], Compare(null, "新内容"));
        Assert.Empty(Compare("", ""));
    }

    [Fact]
    public void Compare_AnyTexts_KeepBothTextsWhole()
    {
        var random = new Random(7);
        const string alphabet = "技术需求描述指标，。AI 2024年";
        for (var n = 0; n < 200; n++)
        {
            string Text() => new(Enumerable.Range(0, random.Next(0, 30)).Select(_ => alphabet[random.Next(alphabet.Length)]).ToArray());
            var (before, after) = (Text(), Text());
            var pieces = Compare(before, after);
            Assert.Equal(before, string.Concat(pieces.Where(p => p.Kind != Kind.Inserted).Select(p => p.Text)));
            Assert.Equal(after, string.Concat(pieces.Where(p => p.Kind != Kind.Deleted).Select(p => p.Text)));
        }
    }

    [Fact]
    public void Tokens_IdeographsAloneAndLatinRunsWhole()
    {
        Assert.Equal(["基", "于", "GPT-4o", "的", " ", "5G", "。"], Tokens("基于GPT-4o的 5G。"));
    }
}
