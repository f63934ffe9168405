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

    /// <summary>A fingerprint found in more than this fraction of the texts is boilerplate (weight 0).</summary>
    public double StopFraction { get; init; } = 0.002;

    /// <summary>Floor of the boilerplate cut, so that a small corpus does not call a text resubmitted a few times boilerplate.</summary>
    public int MinStopDocuments { get; init; } = 20;

    /// <summary>Least shared fingerprint weight for a record to be a match: below one fingerprint of content there is nothing to confirm.</summary>
    public double MinSharedWeight { get; init; } = 1.0;

    /// <summary>
    /// Length of shared non-boilerplate text, in 字, that alone scores 1: a reused passage counts
    /// whatever the length of the texts around it, 100 字 scoring 100 / 150 ≈ 0.67.
    /// </summary>
    public int PassageChars { get; init; } = 150;

    /// <summary>Shortest run of identical normalised 字 that <see cref="SimilarityIndex.Evidence"/> reports.</summary>
    public int MinEvidenceChars { get; init; } = 12;

    /// <summary>
    /// The default threshold on <see cref="Match.Score"/> for a round: see docs/benchmarks.md for the
    /// score distributions it was chosen from.
    /// </summary>
    public const double DefaultThreshold = 0.4;
}
