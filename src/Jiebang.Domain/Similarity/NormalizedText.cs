namespace Jiebang.Domain.Similarity;

/// <summary>
/// A text reduced to the characters that carry content, with the position in the original text
/// of each character kept, so that overlaps found in the normalised text can be shown in the original.
/// </summary>
/// <param name="Text">Letters, digits and ideographs only; full-width forms folded to half width, ASCII lower-cased.</param>
/// <param name="Offsets">For each character of <paramref name="Text"/>, its index in the original string.</param>
public sealed record NormalizedText(string Text, int[] Offsets);
