using Jiebang.Domain.Similarity;

namespace Jiebang.Domain.Tests.Similarity;

public sealed class CandidatesTests
{
    /// <summary>Fingerprint pairs are off by default since the passage n-grams; a round may still turn them on.</summary>
    private static readonly SimilaritySettings Pairs = new() { PairWindow = 6 };

    /// <summary>
    /// Texts made only of 40 phrases in random order: every fingerprint of one text recurs in many
    /// others, but a run of its phrases in order is its own (what a large corpus of one area does
    /// to a copied paragraph).
    /// </summary>
    private static string PhraseText(Random random, string[] phrases, int count) =>
        string.Concat(Enumerable.Range(0, count).Select(_ => phrases[random.Next(phrases.Length)]));

    [Fact]
    public void Candidates_ParagraphOfCommonPhrasesCopiedInOrder_RanksItsSourceFirst()
    {
        var random = new Random(11);
        var phrases = Enumerable.Range(0, 40).Select(_ => TestTexts.Random(random, 12)).ToArray();
        var index = new SimilarityIndex(Pairs);
        var texts = Enumerable.Range(0, 400).Select(_ => PhraseText(random, phrases, 60)).ToArray();
        index.AddRange(texts.Select((text, id) => ((long)id, text)));
        index.Compact();
        var paragraph = texts[123][(30 * 12)..(40 * 12)]; // ten phrases in the source's order, ≥ 120 字 with punctuation
        var query = PhraseText(random, phrases, 25) + paragraph + PhraseText(random, phrases, 25);

        var candidates = index.Candidates(query);
        var bySketchScore = index.Query(query, top: 400, threshold: 0).ToList();

        Assert.Equal(123, candidates[0].Id);
        Assert.True(candidates[0].Sequence > 0.5, $"sequence {candidates[0].Sequence}");
        Assert.DoesNotContain(bySketchScore, m => m.Id == 123 && m.Score >= SimilaritySettings.DefaultThreshold); // the sketch score alone misses it
        // Without pairs, as by default, the passage n-grams make it a candidate (not always the first: with 40
        // phrases, other texts share runs of three or four of them with the query by chance).
        var byDefault = new SimilarityIndex();
        byDefault.AddRange(texts.Select((text, id) => ((long)id, text)));
        byDefault.Compact();
        Assert.Contains(byDefault.Candidates(query), m => m.Id == 123 && m.Sequence > 0.5);
        // Confirming it is another matter here: every fingerprint of the passage is boilerplate of
        // this corpus, so Evidence leaves the passage out (see docs/benchmarks.md, remaining misses).
    }

    [Fact]
    public void Confirm_SharedPassageShorterThanTheMinimum_DoesNotRaiseTheScore()
    {
        var random = new Random(12);
        var shared = TestTexts.Random(random, 70);
        var a = TestTexts.Random(random, 300) + shared + TestTexts.Random(random, 300);
        var b = TestTexts.Random(random, 300) + shared + TestTexts.Random(random, 300);
        var index = new SimilarityIndex();
        var candidate = new Match(1, 0, 0, 0.1);

        var passage = TextNormalizer.NormalizeText(shared).Length;
        Assert.InRange(passage, (int)(SimilaritySettings.DefaultThreshold * index.Settings.PassageChars), index.Settings.MinConfirmedPassageChars - 1);
        Assert.Equal(0.1, index.Confirm(candidate, a, b).Score);

        var longer = TestTexts.Random(random, 100);
        Assert.True(index.Confirm(candidate, a + longer, longer + b).Score >= SimilaritySettings.DefaultThreshold);
    }

    [Fact]
    public void TextSketch_BytesRoundTrip_KeepsThePairs_AndReadsASketchSavedWithoutThem()
    {
        var sketch = TextSketch.Of(TestTexts.Random(new Random(13), 600), Pairs);
        var copy = TextSketch.FromBytes(sketch.ToBytes());
        Assert.NotEmpty(sketch.Pairs);
        Assert.Equal(sketch.Pairs, copy.Pairs);
        Assert.Equal(sketch.Fingerprints, copy.Fingerprints);
        Assert.Equal(sketch.Length, copy.Length);

        // The format before pairs: length, then the fingerprints.
        var old = new byte[4 + 4 * sketch.Fingerprints.Count];
        BitConverter.TryWriteBytes(old, sketch.Length);
        for (var i = 0; i < sketch.Fingerprints.Count; i++) BitConverter.TryWriteBytes(old.AsSpan(4 + 4 * i), sketch.Fingerprints[i]);
        var read = TextSketch.FromBytes(old);
        Assert.Equal(sketch.Fingerprints, read.Fingerprints);
        Assert.Empty(read.Pairs);
    }

    [Theory]
    [InlineData(new long[] { 7, 3, 5 })]
    [InlineData(new long[] { 3, 5, 7 })]
    [InlineData(new long[] { 5, 7, 3 })]
    public void Candidates_EqualRecords_TieBrokenForTheOldest_WhateverTheOrderTheyWereAdded(long[] order)
    {
        var random = new Random(5);
        var text = TestTexts.Random(random, 400);
        var index = new SimilarityIndex();
        foreach (var id in order) index.Add(id, text);
        index.Add(100, TestTexts.Random(random, 400));
        index.Compact();

        var best = Assert.Single(index.Candidates(TextSketch.Of(text, index.Settings), 1));
        Assert.Equal(3, best.Id);
        Assert.Equal(3, Assert.Single(index.Query(text, top: 1, threshold: 0)).Id);
    }
}
