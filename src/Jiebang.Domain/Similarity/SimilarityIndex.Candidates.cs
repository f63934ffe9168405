namespace Jiebang.Domain.Similarity;

public sealed partial class SimilarityIndex
{
    /// <summary>
    /// The <see cref="SimilaritySettings.Candidates"/> records to confirm with <see cref="Confirm"/>,
    /// whatever their score: best first by <see cref="Match.Score"/> plus <see cref="Match.Sequence"/>,
    /// so that a record sharing one passage in order ranks high even when each of the passage's
    /// fingerprints is common.
    /// </summary>
    public IReadOnlyList<Match> Candidates(string text) => Candidates(TextSketch.ForQuery(text, Settings), Settings.Candidates);

    /// <summary>
    /// As <see cref="Candidates(string)"/>, from a sketch, the best <paramref name="count"/>. Make it with
    /// <see cref="TextSketch.ForQuery"/>: a sketch made to index finds a short passage only where the two
    /// texts kept the same passage n-gram.
    /// </summary>
    public IReadOnlyList<Match> Candidates(TextSketch sketch, int count)
    {
        _lock.EnterReadLock();
        try { return QueryLocked(sketch, count, threshold: 0, bySequence: true); }
        finally { _lock.ExitReadLock(); }
    }
}
