using Jiebang.Domain.Identifiers;
using Jiebang.Domain.Rules;

namespace Jiebang.Domain.Proposals.Rules;

/// <summary>
/// "申报单位同一个项目只能通过单个推荐单位申报，不得多头申报和重复申报" [annex 4 §3.1.1]. Another proposal of
/// the round is the same project when it comes from the same unit with the same leader, or when its
/// name or text is near-identical and it shares the unit or the leader (two units may well pick similar
/// names). The later one is the second: a draft is always later than a submitted proposal. Through another
/// recommending unit it is an error; through the same one a repeat, shown as a warning.
/// </summary>
static class OneChannelRule
{
    public static IEnumerable<RuleError> Check(ProposalFacts facts, ProposalRoundParameters round)
    {
        var unit = Uscc.Normalize(facts.UnitUscc);
        var leader = ResidentId.Normalize(facts.Leader.IdNumber);
        var name = NameKey(facts.Name);
        foreach (var other in round.OtherProposals)
        {
            if (other.SubmittedAt is not { } otherAt || (facts.SubmittedAt is { } ownAt && ownAt <= otherAt)) continue;
            var sameUnit = unit.Length > 0 && unit == Uscc.Normalize(other.UnitUscc);
            var sameLeader = leader.Length > 0 && leader == ResidentId.Normalize(other.LeaderIdNumber);
            var alike = (name.Length > 0 && Dice(name, NameKey(other.Name)) >= round.SameProjectSimilarity)
                || other.TextSimilarity >= round.SameProjectSimilarity;
            if (!(sameUnit && sameLeader) && !((sameUnit || sameLeader) && alike)) continue;
            yield return other.RecommenderUnitId != facts.RecommenderUnitId
                ? ProposalErrors.SecondChannel.At("recommenderUnitId", other.Name ?? "", other.Id)
                : ProposalErrors.RepeatedProposal.WarningAt("name", other.Name ?? "", other.Id);
        }
    }

    /// <summary>The name without spaces and punctuation, full-width folded, lower-cased.</summary>
    public static string NameKey(string? name) => new((name ?? "")
        .Select(c => c is >= '\uFF01' and <= '\uFF5E' ? (char)(c - 0xFEE0) : c)
        .Where(char.IsLetterOrDigit).Select(char.ToLowerInvariant).ToArray());

    /// <summary>Sørensen–Dice on character bigrams: 1 for equal names, near 1 for a changed character.</summary>
    public static double Dice(string a, string b)
    {
        if (a == b) return 1;
        if (a.Length < 2 || b.Length < 2) return 0;
        var left = Enumerable.Range(0, a.Length - 1).Select(i => a.Substring(i, 2)).ToList();
        var right = Enumerable.Range(0, b.Length - 1).Select(i => b.Substring(i, 2)).ToList();
        var common = 0;
        foreach (var bigram in left)
        {
            var at = right.IndexOf(bigram);
            if (at < 0) continue;
            common++;
            right.RemoveAt(at);
        }
        return 2.0 * common / (a.Length - 1 + b.Length - 1);
    }
}
