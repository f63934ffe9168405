namespace Jiebang.Domain.Similarity;

/// <summary>
/// One passage that two texts share, as character offsets into the two original strings
/// (punctuation and spaces inside the passage included), for side-by-side highlighting.
/// Named EvidenceSpan rather than Span to stay clear of <see cref="Span{T}"/>.
/// </summary>
public sealed record EvidenceSpan(int AStart, int ALength, int BStart, int BLength);
