namespace Jiebang.Domain.Similarity;

/// <summary>The knobs of <see cref="SimilarityIndex"/>; the defaults are the ones benchmarked in docs/benchmarks.md.</summary>
public sealed record SimilaritySettings
{
    /// <summary>
    /// Winnowing window in shingles. 24 keeps about 1 shingle in 12.5 (≈ 40 fingerprints for 500 字,
    /// within 512 bytes a text) and guarantees a shared fingerprint for every common run of 26 字,
    /// so a reused 100-字 paragraph has at least three.
    /// </summary>
    public int Window { get; init; } = 24;

    /// <summary>
    /// Winnowing window over the pairs of consecutive fingerprints (<see cref="FingerprintPairs"/>), or 0
    /// for none, the default since the passage n-grams (<see cref="PassageGram"/>): those rank a reused
    /// passage's source better from 50 字 up, and with both the candidates were worse at 100k texts and
    /// the index larger (docs/benchmarks.md). 6 kept about 2 pairs in 7 and a shared pair for every 6
    /// consecutive shared pairs, about 90 字 of copied text.
    /// </summary>
    public int PairWindow { get; init; }

    /// <summary>
    /// Length in normalised 字 of the passage n-grams (<see cref="PassageGrams"/>) that find the source of a
    /// short copied passage: 35, a sentence and more, so that its terms and numbers make it the source's own
    /// where a trigram is the area's phrasing. 20 (the first value) was held by several texts of one area at
    /// 1M, where frames of the area's words recur, and by chance runs of them: the source of a 50-字 passage
    /// then ranked behind them (0.93 found in 700 字; 0.98 with 35, docs/benchmarks.md).
    /// </summary>
    public int PassageGram { get; init; } = 35;

    /// <summary>
    /// A text keeps the passage n-gram at every this many positions: 16, so that any shared passage of
    /// 16 + 35 − 1 = 50 normalised 字 (<see cref="DefaultFlaggedPassageChars"/>) holds one whole
    /// (≈ 43 n-grams for 700 字, 6 bytes each in the index: <see cref="PostingIndex.RepeatsKeys"/>).
    /// </summary>
    public int PassageSpacing { get; init; } = 16;

    /// <summary>
    /// A fingerprint found in more than this fraction of the texts is boilerplate (weight 0); in at
    /// most an eighth of that it weighs 1. 1 % (was 0.2 %): at 1M texts the 0.2 % cut zeroed or
    /// part-weighted the fingerprints of reused paragraphs, whose source then fell out of the
    /// candidates, while the weight left to unrelated texts of the area was on small totals (see
    /// docs/benchmarks.md, measured at 10k, 100k and 1M).
    /// </summary>
    public double StopFraction { get; init; } = 0.01;

    /// <summary>Floor of the boilerplate cut, so that a small corpus does not call a text resubmitted a few times boilerplate.</summary>
    public int MinStopDocuments { get; init; } = 20;

    /// <summary>Least shared fingerprint weight for a record to be a match: below one fingerprint of content there is nothing to confirm.</summary>
    public double MinSharedWeight { get; init; } = 1.0;

    /// <summary>
    /// Length of shared non-boilerplate text, in 字, that alone scores 1: a reused passage counts
    /// whatever the length of the texts around it, 100 字 scoring 100 / 150 ≈ 0.67.
    /// </summary>
    public int PassageChars { get; init; } = 150;

    /// <summary>
    /// Shortest shared passage, in normalised 字, by which <see cref="SimilarityIndex.Confirm"/> may
    /// raise a score: 80, a paragraph of 100 字 less its punctuation and a changed clause. A shorter
    /// run is what texts of one area share as phrasing (a sentence of background or commitments),
    /// and in a small corpus that boilerplate cannot be learned and left out; at the default
    /// threshold a passage alone would otherwise flag from 60 字.
    /// </summary>
    public int MinConfirmedPassageChars { get; init; } = 80;

    /// <summary>
    /// How many candidates, best sketch score first, a caller confirms against their texts with
    /// <see cref="SimilarityIndex.Confirm"/> before applying the threshold. A reused paragraph in
    /// new text has a low sketch score (its fingerprints are a small share of either text) but a
    /// high confirmed one, so it must be among the candidates (<see cref="SimilarityIndex.Candidates(string)"/>
    /// ranks them with the sequence the sketch keeps); 40 at 1M texts (30 found 0.91 of 50-字 passages in
    /// 700 字, 40 with 20 kept for passages 0.93: docs/benchmarks.md).
    /// </summary>
    public int Candidates { get; init; } = 40;

    /// <summary>
    /// Of the <see cref="Candidates"/>, the places kept for the records sharing the most passage n-gram
    /// weight (<see cref="PassageGram"/>), whatever their rank: a passage n-gram held by the query and a
    /// few records is a copied passage more often than anything else, but one of them is worth its spacing in 字
    /// of evidence, while records of the area add up more from phrasing they share in order.
    /// </summary>
    public int PassageCandidates { get; init; } = 20;

    /// <summary>Shortest run of identical normalised 字 that <see cref="SimilarityIndex.Evidence"/> reports.</summary>
    public int MinEvidenceChars { get; init; } = 12;

    /// <summary>
    /// The default shortest shared passage, in normalised 字, that flags a record whatever the score
    /// (<see cref="Match.IsFlagged"/>): two sentences of a 500-字 description, the core of a copied
    /// technical passage. A round sets its own beside its score threshold.
    /// </summary>
    public const int DefaultFlaggedPassageChars = 50;

    /// <summary>
    /// The default threshold on <see cref="Match.Score"/> for a round: see docs/benchmarks.md for the
    /// score distributions it was chosen from.
    /// </summary>
    public const double DefaultThreshold = 0.4;
}
