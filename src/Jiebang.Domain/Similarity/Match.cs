namespace Jiebang.Domain.Similarity;

/// <summary>A record of the index found similar to a queried text.</summary>
/// <param name="Id">The record's id, as given to <see cref="SimilarityIndex.Add(long, string)"/>.</param>
/// <param name="Resemblance">Estimated weighted Jaccard similarity of the two texts: how alike they are as wholes.</param>
/// <param name="Containment">Estimated share of the smaller text that sits in the other (a resubmission inside a longer text is 1).</param>
/// <param name="Score">
/// max(Containment, shared non-boilerplate 字 / <see cref="SimilaritySettings.PassageChars"/>, capped at 1):
/// what the round's threshold is compared with, so that one reused paragraph scores high
/// even inside a long text.
/// </param>
/// <param name="Sequence">
/// The weight of fingerprint pairs the two texts share (<see cref="FingerprintPairs"/>: text shared
/// in the same order), as estimated 字 over <see cref="SimilaritySettings.PassageChars"/>, capped
/// at 1; 0 from <see cref="SimilarityIndex.Query(string, int, double)"/>. It ranks candidates for
/// confirmation (<see cref="SimilarityIndex.Candidates(string)"/>) and is not part of
/// <paramref name="Score"/>: a phrase common in the area also repeats in order.
/// </param>
public sealed record Match(long Id, double Resemblance, double Containment, double Score, double Sequence = 0);
