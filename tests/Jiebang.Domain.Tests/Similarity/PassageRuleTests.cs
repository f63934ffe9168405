using Jiebang.Domain.Similarity;

namespace Jiebang.Domain.Tests.Similarity;

/// <summary>A short passage copied word for word is reported whatever its share; the corpus's stock sentences are not.</summary>
public sealed class PassageRuleTests
{
    // Two sentences of a description (62 字 with punctuation, 58 normalised), written for this test.
    const string Copied = "采用梯度烧结工艺控制氮化铝晶界相分布，使基板热导率稳定在一百七十瓦每米开尔文以上。同时以激光打孔替代机械钻孔，孔位精度优于十微米。";

    const string Stock1 = "项目承担单位具有完善的科研管理制度和财务管理制度，能够保障项目顺利实施。";
    const string Stock2 = "申请单位承诺所提供材料真实有效，不存在重复申报情况，并自愿接受监督检查。";

    [Fact]
    public void Confirm_TwoCopiedSentencesInsideOwnText_ReportThePassageWhateverTheScore()
    {
        var random = new Random(21);
        var source = TestTexts.Random(random, 250) + "。" + Copied + TestTexts.Random(random, 250);
        var query = TestTexts.Random(random, 300) + "。" + Copied + TestTexts.Random(random, 300);
        var index = new SimilarityIndex();
        index.Add(1, source);
        index.Compact();

        var match = index.Confirm(new Match(1, 0, 0, 0.1), query, source);

        Assert.InRange(match.Passage, 58, 64);
        Assert.True(match.Score < SimilaritySettings.DefaultThreshold, $"score {match.Score}");
        Assert.True(match.IsFlagged(SimilaritySettings.DefaultThreshold, SimilaritySettings.DefaultFlaggedPassageChars));
        Assert.False(match.IsFlagged(SimilaritySettings.DefaultThreshold, 80));
        Assert.False(match.IsFlagged(SimilaritySettings.DefaultThreshold, 0)); // 0 turns the passage rule off
    }

    [Fact]
    public void Confirm_ShorterCopiedPassage_IsNotFlagged()
    {
        var random = new Random(22);
        var shortPassage = Copied[..30];
        var source = TestTexts.Random(random, 250) + shortPassage + TestTexts.Random(random, 250);
        var query = TestTexts.Random(random, 300) + shortPassage + TestTexts.Random(random, 300);
        var index = new SimilarityIndex();
        index.Add(1, source);

        var match = index.Confirm(new Match(1, 0, 0, 0.1), query, source);

        Assert.InRange(match.Passage, 28, 40);
        Assert.False(match.IsFlagged(SimilaritySettings.DefaultThreshold, SimilaritySettings.DefaultFlaggedPassageChars));
    }

    [Fact]
    public void Confirm_StockSentencesManyRecordsHoldWhole_AreNotCountedAsAPassage()
    {
        var random = new Random(23);
        var index = new SimilarityIndex();
        // More records than the boilerplate cut (20 in a small corpus) hold both stock sentences.
        for (var id = 1; id <= 40; id++) index.Add(id, TestTexts.Random(random, 300) + "。" + Stock1 + Stock2 + TestTexts.Random(random, 200));
        index.Compact();
        var record = TestTexts.Random(random, 300) + "。" + Stock1 + Stock2 + TestTexts.Random(random, 200);
        var query = TestTexts.Random(random, 300) + "。" + Stock1 + Stock2 + TestTexts.Random(random, 200);

        var match = index.Confirm(new Match(99, 0, 0, 0.1), query, record);

        Assert.True(match.Passage < SimilaritySettings.DefaultFlaggedPassageChars, $"passage {match.Passage}");
    }

    [Fact]
    public void Confirm_StockSentencesInARowThatNoOtherRecordHoldsSo_DoNotRaiseTheScore()
    {
        string[] stock =
        [
            Stock1, Stock2,
            "项目实施期间将严格按照合同约定的进度和内容开展工作，按时报送项目进展情况。",
            "项目经费将专款专用，单独核算，确保资金使用规范、安全、有效。",
            "通过产学研深度合作，加快科技成果转化和产业化应用，带动区域经济高质量发展。",
            "项目成果具有广阔的市场前景和显著的经济效益与社会效益。",
        ];
        var random = new Random(25);
        var index = new SimilarityIndex();
        // Each stock sentence is held whole by more records than the boilerplate cut, never two of them in a row.
        for (var id = 1; id <= 40; id++)
            index.Add(id, string.Concat(stock.OrderBy(_ => random.Next()).Select(sentence => sentence + TestTexts.Random(random, 60) + "。")));
        index.Compact();
        var inARow = string.Concat(stock);
        var record = TestTexts.Random(random, 300) + "。" + inARow + TestTexts.Random(random, 200);
        var query = TestTexts.Random(random, 300) + "。" + inARow + TestTexts.Random(random, 200);

        var match = index.Confirm(new Match(99, 0, 0, 0.1), query, record);

        // A run of about 200 字 whose fingerprints across the sentence ends are rare: it alone scored 1 before.
        Assert.Equal(0.1, match.Score, 3);
        Assert.True(match.Passage < SimilaritySettings.DefaultFlaggedPassageChars, $"passage {match.Passage}");
        Assert.False(match.IsFlagged(SimilaritySettings.DefaultThreshold, SimilaritySettings.DefaultFlaggedPassageChars));
    }

    [Fact]
    public void Confirm_StockSentencesFewRecordsHold_CountAsAPassage()
    {
        var random = new Random(24);
        var index = new SimilarityIndex();
        for (var id = 1; id <= 3; id++) index.Add(id, TestTexts.Random(random, 300) + "。" + Stock1 + Stock2 + TestTexts.Random(random, 200));
        var record = TestTexts.Random(random, 300) + "。" + Stock1 + Stock2 + TestTexts.Random(random, 200);
        var query = TestTexts.Random(random, 300) + "。" + Stock1 + Stock2 + TestTexts.Random(random, 200);

        Assert.True(index.Confirm(new Match(99, 0, 0, 0.1), query, record).Passage >= SimilaritySettings.DefaultFlaggedPassageChars);
    }

    [Fact]
    public void Sentences_Hashes_SplitAtSentenceEndsAndFoldTheText()
    {
        var hashes = Sentences.Hashes("本项目研究高导热基板。本项目研究高导热基板！短句。\n第二行的一个完整句子");
        var again = Sentences.Hashes("本项目（研究）高导热基板；第二行的一个完整句子。");

        Assert.Equal(2, hashes.Length); // a repeated sentence once; 短句 is under the minimum
        Assert.Equal(hashes, again);
    }

    [Fact]
    public void TextSketch_BytesRoundTrip_KeepsTheSentences()
    {
        var sketch = TextSketch.Of(Stock1 + Stock2 + Copied);
        var copy = TextSketch.FromBytes(sketch.ToBytes());

        Assert.Equal(4, sketch.Sentences.Count);
        Assert.Equal(sketch.Sentences, copy.Sentences);
        Assert.Equal(sketch.Fingerprints, copy.Fingerprints);
        Assert.Equal(sketch.Pairs, copy.Pairs);
    }
}
