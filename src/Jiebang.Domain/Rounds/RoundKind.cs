namespace Jiebang.Domain.Rounds;

/// <summary>What a round collects: technology needs, or project proposals.</summary>
public enum RoundKind
{
    DemandSolicitation = 1, // 需求征集
    ProposalCall = 2,       // 项目申报
}
