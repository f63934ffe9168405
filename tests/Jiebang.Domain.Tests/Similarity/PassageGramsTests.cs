using System.Buffers.Binary;
using Jiebang.Domain.Similarity;

namespace Jiebang.Domain.Tests.Similarity;

/// <summary>The passage n-grams: what finds the source of a short copied passage among many texts of one area.</summary>
public sealed class PassageGramsTests
{
    static readonly SimilaritySettings Settings = new();

    /// <summary>Texts of 40 six-字 phrases in random order: every trigram recurs in many texts, only the order is a text's own.</summary>
    static string PhraseText(Random random, string[] phrases, int count) =>
        string.Concat(Enumerable.Range(0, count).Select(_ => phrases[random.Next(phrases.Length)]));

    [Fact]
    public void All_RollingHash_GivesTheHashOfEachGram()
    {
        var text = TextNormalizer.NormalizeText(TestTexts.Random(new Random(31), 120));

        var all = PassageGrams.All(text, Settings.PassageGram);

        var expected = Enumerable.Range(0, text.Length - Settings.PassageGram + 1)
            .Select(i => PassageGrams.Hash(text.AsSpan(i, Settings.PassageGram))).Distinct().Order();
        Assert.Equal(expected, all);
    }

    [Fact]
    public void Sampled_AnyCopiedPassageOfFiftyChars_HoldsAKeptGramWhereverItStarts()
    {
        var random = new Random(32);
        var source = TextNormalizer.NormalizeText(TestTexts.Random(random, 400));
        var kept = PassageGrams.Sampled(source, Settings.PassageGram, Settings.PassageSpacing).ToHashSet();
        const int length = SimilaritySettings.DefaultFlaggedPassageChars;

        for (var start = 0; start + length <= source.Length; start++)
        {
            var query = TextNormalizer.NormalizeText(TestTexts.Random(random, 80)) + source.Substring(start, length)
                + TextNormalizer.NormalizeText(TestTexts.Random(random, 80));
            Assert.True(PassageGrams.All(query, Settings.PassageGram).Any(kept.Contains), $"passage at {start}");
        }
        // One 字 shorter, some starting positions hold no kept n-gram: 50 is what the spacing was chosen for.
        Assert.Contains(Enumerable.Range(0, source.Length - length), start =>
            !PassageGrams.All(source.Substring(start, length - 1), Settings.PassageGram).Any(kept.Contains));
    }

    [Fact]
    public void Candidates_FiftyCharsCopiedFromMidPhraseWithOtherPunctuation_FindAndFlagTheSource()
    {
        var random = new Random(33);
        var phrases = Enumerable.Range(0, 40).Select(_ => TestTexts.Random(random, 6).Replace("，", "").Replace("。", "")).ToArray();
        var texts = Enumerable.Range(0, 400).Select(_ => PhraseText(random, phrases, 100)).ToArray();
        var index = new SimilarityIndex();
        index.AddRange(texts.Select((text, id) => ((long)id, text)));
        index.Compact();

        foreach (var start in new[] { 3, 100, 257, 431 })
        {
            // 52 字 starting inside a phrase, a comma put after every seventh 字 and a full stop at the end.
            var copied = string.Concat(texts[123].Substring(start, 52).Select((c, i) => i % 7 == 6 ? $"{c}，" : $"{c}")) + "。";
            var query = PhraseText(random, phrases, 25) + copied + PhraseText(random, phrases, 25);

            var candidate = Assert.Single(index.Candidates(query), m => m.Id == 123);
            var confirmed = index.Confirm(candidate, query, texts[123]);

            Assert.InRange(confirmed.Passage, 52, 60);
            Assert.True(confirmed.IsFlagged(SimilaritySettings.DefaultThreshold, SimilaritySettings.DefaultFlaggedPassageChars));
            // The sketch score alone does not find it: every trigram of the passage is common in this corpus.
            Assert.DoesNotContain(index.Query(query, top: 400, threshold: SimilaritySettings.DefaultThreshold), m => m.Id == 123);
        }
    }

    [Fact]
    public void Candidates_FortyCharsCopiedIntoNewTextOfTheSamePhrases_FoundButNotFlagged()
    {
        var random = new Random(34);
        var phrases = Enumerable.Range(0, 40).Select(_ => TestTexts.Random(random, 6).Replace("，", "").Replace("。", "")).ToArray();
        var texts = Enumerable.Range(0, 400).Select(_ => PhraseText(random, phrases, 100)).ToArray();
        var index = new SimilarityIndex();
        index.AddRange(texts.Select((text, id) => ((long)id, text)));
        index.Compact();

        for (var q = 0; q < 5; q++)
        {
            // 40 字 from a position the record kept an n-gram at: found, and too short to flag.
            var start = Settings.PassageSpacing * (q + 1);
            var query = PhraseText(random, phrases, 30) + texts[7 + q].Substring(start, 40) + PhraseText(random, phrases, 30);

            var confirmed = index.Candidates(query).Select(m => index.Confirm(m, query, texts[m.Id])).ToList();

            var source = Assert.Single(confirmed, m => m.Id == 7 + q);
            Assert.InRange(source.Passage, 40, 45);
            // Texts of 40 phrases share much of their fingerprints by chance (scores near 0.4), but none a passage long enough to flag.
            Assert.DoesNotContain(confirmed, m => m.Passage >= SimilaritySettings.DefaultFlaggedPassageChars);
        }
    }

    [Fact]
    public void TextSketch_BytesRoundTrip_KeepsThePassageGrams_AndReadsASketchSavedWithoutThemAsSuch()
    {
        var sketch = TextSketch.Of(TestTexts.Random(new Random(35), 600));
        var copy = TextSketch.FromBytes(sketch.ToBytes());
        Assert.True(sketch.HasPassages);
        Assert.NotEmpty(sketch.Passages);
        Assert.Equal(sketch.Passages, copy.Passages);
        Assert.Equal(sketch.Sentences, copy.Sentences);
        Assert.Equal(sketch.Pairs, copy.Pairs);
        Assert.Equal(sketch.Fingerprints, copy.Fingerprints);
        Assert.True(copy.HasPassages);

        // The format before passage n-grams: −3, length, fingerprints, pairs, then the sentence hashes.
        var keys = sketch.Fingerprints.Concat(sketch.Pairs).Concat(sketch.Sentences).ToArray();
        var old = new byte[16 + 4 * keys.Length];
        BinaryPrimitives.WriteInt32LittleEndian(old, -3);
        BinaryPrimitives.WriteInt32LittleEndian(old.AsSpan(4), sketch.Length);
        BinaryPrimitives.WriteInt32LittleEndian(old.AsSpan(8), sketch.Fingerprints.Count);
        BinaryPrimitives.WriteInt32LittleEndian(old.AsSpan(12), sketch.Pairs.Count);
        for (var i = 0; i < keys.Length; i++) BinaryPrimitives.WriteUInt32LittleEndian(old.AsSpan(16 + 4 * i), keys[i]);
        var read = TextSketch.FromBytes(old);
        Assert.False(read.HasPassages);
        Assert.False(read.HasPassagesFor(new SimilaritySettings()));
        Assert.Empty(read.Passages);
        Assert.Equal(sketch.Sentences, read.Sentences);
        Assert.False(TextSketch.FromBytes(read.ToBytes()).HasPassages); // saved again, it still has none
    }

    [Fact]
    public void TextSketch_SavedWithTheFirstPassageGrams_ReadsAsMadeWith20GramsEvery31_AndIsNotForAnIndexOfOtherSettings()
    {
        var first = new SimilaritySettings { PassageGram = 20, PassageSpacing = 31 };
        var sketch = TextSketch.Of(TestTexts.Random(new Random(36), 600), first);
        // The format of the first passage n-grams: −4, length, fingerprints, pairs, sentence hashes, then the keys.
        uint[] keys = [.. sketch.Fingerprints, .. sketch.Pairs, .. sketch.Sentences, .. sketch.Passages];
        var old = new byte[20 + 4 * keys.Length];
        BinaryPrimitives.WriteInt32LittleEndian(old, -4);
        BinaryPrimitives.WriteInt32LittleEndian(old.AsSpan(4), sketch.Length);
        BinaryPrimitives.WriteInt32LittleEndian(old.AsSpan(8), sketch.Fingerprints.Count);
        BinaryPrimitives.WriteInt32LittleEndian(old.AsSpan(12), sketch.Pairs.Count);
        BinaryPrimitives.WriteInt32LittleEndian(old.AsSpan(16), sketch.Sentences.Count);
        for (var i = 0; i < keys.Length; i++) BinaryPrimitives.WriteUInt32LittleEndian(old.AsSpan(20 + 4 * i), keys[i]);

        var read = TextSketch.FromBytes(old);

        Assert.Equal(sketch.Passages, read.Passages);
        Assert.Equal((20, 31), (read.PassageGram, read.PassageSpacing));
        Assert.True(read.HasPassagesFor(first));
        Assert.False(read.HasPassagesFor(new SimilaritySettings()));
        var now = TextSketch.FromBytes(TextSketch.Of(TestTexts.Random(new Random(36), 600)).ToBytes());
        Assert.True(now.HasPassagesFor(new SimilaritySettings()));
        Assert.Equal((new SimilaritySettings().PassageGram, new SimilaritySettings().PassageSpacing), (now.PassageGram, now.PassageSpacing));
    }
}
