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
/// The 字 the two texts share in the same order, as estimated from the passage n-grams they share
/// (<see cref="PassageGrams"/>, and fingerprint pairs when a round turns them on), over
/// <see cref="SimilaritySettings.PassageChars"/>, capped at 1; 0 from <see cref="SimilarityIndex.Query(string, int, double)"/>.
/// It ranks candidates for confirmation (<see cref="SimilarityIndex.Candidates(string)"/>) and is not part of
/// <paramref name="Score"/>: a phrase common in the area also repeats in order.
/// </param>
/// <param name="Passage">
/// The longest passage the two texts share word for word, in normalised 字, leaving out what is
/// boilerplate of the corpus; 0 until <see cref="SimilarityIndex.Confirm"/> has aligned the texts.
/// </param>
public sealed record Match(long Id, double Resemblance, double Containment, double Score, double Sequence = 0, int Passage = 0)
{
    /// <summary>
    /// Whether a reviewer must look at it: the score reaches the round's threshold, or the texts share a
    /// passage of at least <paramref name="minPassage"/> 字, whatever its share of either text.
    /// </summary>
    public bool IsFlagged(double threshold, int minPassage) => Score >= threshold || (minPassage > 0 && Passage >= minPassage);
}
