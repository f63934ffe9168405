using Jiebang.Domain.Integrity;
using Jiebang.Domain.Regions;
using Jiebang.Domain.Rounds;

namespace Jiebang.Domain.Proposals.Rules;

/// <summary>
/// What the rules read besides the proposal: the round's settings (caps, shares, the region list
/// version, the project period), the region lists, the blacklist entries that may concern this
/// proposal (the caller looks them up by the proposal's identifiers; matching is done here) and the
/// other proposals of the round (for the one-channel rule).
/// </summary>
public sealed record ProposalRoundParameters(RoundSettings Settings, MountainIslandLists Regions)
{
    public IReadOnlyList<BlacklistEntry> Blacklist { get; init; } = [];
    public IReadOnlyList<OtherProposal> OtherProposals { get; init; } = [];

    /// <summary>
    /// A text similarity at or above this makes another proposal "the same project" [annex 4 §3.1.1];
    /// names count as the same when their normalised forms are equal or this close (character bigrams).
    /// </summary>
    public double SameProjectSimilarity { get; init; } = 0.9;
}
