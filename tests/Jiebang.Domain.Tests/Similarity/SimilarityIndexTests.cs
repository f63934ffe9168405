using Jiebang.Domain.Similarity;

namespace Jiebang.Domain.Tests.Similarity;

public sealed class SimilarityIndexTests
{
    [Fact]
    public void Query_OneReusedParagraphOf100Chars_IsFoundAboveTheDefaultThreshold()
    {
        var random = new Random(5);
        var index = new SimilarityIndex();
        for (var id = 0; id < 200; id++) index.Add(id, TestTexts.Random(random, 800));
        var funded = TestTexts.Random(random, 400) + "本项目研制的高精度光纤光栅传感器阵列实现了桥梁结构应变与温度的同步在线监测，" + TestTexts.Random(random, 55) + TestTexts.Random(random, 400);
        index.Add(1000, funded);
        var paragraph = TextNormalizer.NormalizeText(funded)[400..510];
        var proposal = TestTexts.Random(random, 600) + paragraph + TestTexts.Random(random, 600);

        var match = Assert.Single(index.Query(proposal));

        Assert.Equal(1000, match.Id);
        Assert.True(match.Score >= SimilaritySettings.DefaultThreshold, $"score {match.Score}");
        Assert.True(match.Resemblance < 0.1, "a paragraph is not a resemblance");
    }

    [Fact]
    public void Query_ResubmissionWithReorderedParagraphs_ScoresNearOne()
    {
        var random = new Random(6);
        var paragraphs = Enumerable.Range(0, 5).Select(_ => TestTexts.Random(random, 150)).ToArray();
        var index = new SimilarityIndex();
        index.Add(7, "基于深度学习的工业缺陷检测系统\n" + string.Join("\n", paragraphs));

        var resubmitted = "面向智能制造的视觉质检平台\n" + string.Join("\n", paragraphs.Reverse());
        var match = Assert.Single(index.Query(resubmitted));

        Assert.Equal(7, match.Id);
        Assert.True(match.Resemblance > 0.8, $"resemblance {match.Resemblance}");
    }

    [Fact]
    public void Query_SameAreaTextsSharingOnlyBoilerplate_ScoreLowOnceTheCorpusTeachesIt()
    {
        var random = new Random(7);
        string[] boilerplate =
        [
            "本项目面向国家重大战略需求，围绕产业发展中的关键技术瓶颈开展攻关。",
            "项目实施后，整体技术达到国内领先水平，部分指标达到国际先进水平。",
            "项目将申请发明专利，培养研究生，形成一支结构合理的创新团队。",
            "通过产学研合作，推动成果转化和产业化应用，带动区域经济发展。",
        ];
        string Text() => boilerplate[0] + TestTexts.Random(random, 250) + boilerplate[1] + TestTexts.Random(random, 250) + boilerplate[2] + boilerplate[3];
        var a = Text();
        var b = Text();
        var small = new SimilarityIndex();
        small.Add(1, a);
        Assert.NotEmpty(small.Query(b)); // without a corpus the shared sentences look like reuse

        var index = new SimilarityIndex();
        for (var id = 100; id < 400; id++) index.Add(id, Text());
        index.Add(1, a);
        index.Compact();

        Assert.Empty(index.Query(b));
        Assert.Equal(1, index.Query(a).First().Id); // the same text is still found
    }

    [Fact]
    public void Remove_Record_IsNoLongerFound()
    {
        var text = TestTexts.Random(new Random(8), 500);
        var index = new SimilarityIndex();
        index.Add(1, text);
        index.Add(2, text);

        Assert.True(index.Remove(1));
        Assert.False(index.Remove(1));

        Assert.Equal([2L], index.Query(text).Select(m => m.Id));
        index.Compact();
        Assert.Equal([2L], index.Query(text).Select(m => m.Id));
    }

    [Fact]
    public void Add_SameIdAgain_ReplacesTheText()
    {
        var random = new Random(9);
        var (first, second) = (TestTexts.Random(random, 500), TestTexts.Random(random, 500));
        var index = new SimilarityIndex();
        index.Add(1, first);
        index.Add(1, second);

        Assert.Empty(index.Query(first));
        Assert.Single(index.Query(second));
        Assert.Equal(1, index.Count);
    }

    [Fact]
    public void SaveLoad_RoundTrip_AnswersTheSame()
    {
        var random = new Random(10);
        var texts = Enumerable.Range(0, 300).Select(_ => TestTexts.Random(random, 400)).ToArray();
        var index = new SimilarityIndex(new SimilaritySettings { Window = 20 });
        for (var id = 0; id < texts.Length; id++) index.Add(id * 10L, texts[id]);
        index.Remove(0);
        var query = texts[5][..200] + texts[7][200..];
        var before = index.Query(query, 10, 0.0);

        var saved = index.Save();
        var candidates = index.Candidates(query); // with the passage n-grams, after the merge Save makes
        var loaded = SimilarityIndex.Load(saved);

        Assert.Equal(20, loaded.Settings.Window);
        Assert.Equal(candidates, loaded.Candidates(query));
        Assert.Equal(index.Count, loaded.Count);
        Assert.Equal(before, loaded.Query(query, 10, 0.0));
        Assert.DoesNotContain(loaded.Query(texts[0]), m => m.Id == 0);
        loaded.Add(5000, texts[0]);
        Assert.Equal(5000, loaded.Query(texts[0]).First().Id);
    }

    [Fact]
    public void AddRange_ThroughMergesWithRemovedAndReplacedRecords_AnswersAsAFreshIndex()
    {
        // Enough postings for the fingerprint and pair tails to merge on their own, with removed
        // records in them: after Compact, the same records must score the same as in an index built at once.
        var random = new Random(12);
        var texts = Enumerable.Range(0, 12_000).Select(_ => TestTexts.Random(random, 600)).ToArray();
        var replacements = Enumerable.Range(0, 100).Select(_ => TestTexts.Random(random, 600)).ToArray();
        var index = new SimilarityIndex();
        index.AddRange(Enumerable.Range(0, 6_000).Select(i => ((long)i, texts[i])));
        for (var id = 0; id < 100; id++) index.Remove(id);
        for (var id = 100; id < 200; id++) index.Add(id, replacements[id - 100]);
        index.AddRange(Enumerable.Range(6_000, 6_000).Select(i => ((long)i, texts[i])));
        index.Compact();
        var fresh = new SimilarityIndex();
        fresh.AddRange(Enumerable.Range(100, 11_900).Select(i => ((long)i, i < 200 ? replacements[i - 100] : texts[i])));
        fresh.Compact();

        Assert.Equal(fresh.Count, index.Count);
        for (var q = 0; q < 20; q++)
        {
            var query = texts[random.Next(12_000)][..300] + replacements[random.Next(100)][300..] + texts[random.Next(12_000)][..200];
            var sketch = TextSketch.Of(query);
            static List<Match> Sorted(IEnumerable<Match> matches) => [.. matches.OrderByDescending(m => m.Score + m.Sequence).ThenBy(m => m.Id)];
            Assert.Equal(Sorted(fresh.Candidates(sketch, 50)), Sorted(index.Candidates(sketch, 50)));
        }
    }

    [Fact]
    public void Load_OtherBytes_Throws() => Assert.Throws<FormatException>(() => SimilarityIndex.Load(new byte[64]));

    [Fact]
    public void TextSketch_BytesRoundTrip_SameFingerprints()
    {
        var sketch = TextSketch.Of(TestTexts.Random(new Random(11), 500));

        var copy = TextSketch.FromBytes(sketch.ToBytes());

        Assert.Equal(sketch.Fingerprints, copy.Fingerprints);
        Assert.Equal(sketch.Length, copy.Length);
    }
}
