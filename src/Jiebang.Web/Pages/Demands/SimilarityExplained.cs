using Jiebang.Domain.Similarity;
using Jiebang.Web.Features.Similarity;
using Microsoft.Extensions.Localization;

namespace Jiebang.Web.Pages.Demands;

/// <summary>
/// A 查重 result in sentences, saying what its numbers measure (<see cref="Match"/>): the resemblance is
/// the share of the two texts' content that is the same, phrasing that many records share not counted;
/// the containment is the share of the shorter text found in the other; the score is the containment,
/// or more when the two share much text: shared 字 over <see cref="SimilaritySettings.PassageChars"/>, at most 1.
/// </summary>
public static class SimilarityExplained
{
    static readonly int ScorePassageChars = new SimilaritySettings().PassageChars;

    static int Percent(double share) => (int)Math.Round(share * 100, MidpointRounding.AwayFromZero);

    public static IEnumerable<string> Sentences(DemandSimilarity.Similar s, IStringLocalizer l)
    {
        yield return l["SimilarExplainedResemblance", Percent(s.Resemblance)].Value;
        yield return (s.ThisIsShorter ? l["SimilarExplainedThisInOther", Percent(s.Containment)] : l["SimilarExplainedOtherInThis", Percent(s.Containment)]).Value;
        if (s.Passage > 0) yield return l["SimilarExplainedPassage", s.Passage].Value;
        yield return s.Score > s.Containment + 0.005
            ? l["SimilarExplainedScoreByShared", s.Score, (int)Math.Round(s.Score * ScorePassageChars), ScorePassageChars].Value
            : l["SimilarExplainedScoreIsContainment", s.Score].Value;
    }

    public static string Of(DemandSimilarity.Similar s, IStringLocalizer l) =>
        string.Join(System.Globalization.CultureInfo.CurrentUICulture.Name.StartsWith("zh", StringComparison.Ordinal) ? "" : " ", Sentences(s, l));
}
