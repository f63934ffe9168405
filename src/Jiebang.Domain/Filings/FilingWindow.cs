using Jiebang.Domain.Rounds;
using Jiebang.Domain.Rules;

namespace Jiebang.Domain.Filings;

/// <summary>The window of a round's stage: filing is refused outside it, naming the deadline in CST.</summary>
public sealed record FilingWindow(DateTimeOffset OpensAt, DateTimeOffset ClosesAt)
{
    public RuleError? Refuses(DateTimeOffset now, string codePrefix = "DEMAND") =>
        now < OpensAt ? RuleError.Of($"{codePrefix}_ROUND_NOT_OPEN", "", "notice §4.3", ChinaTime.Format(OpensAt))
        : now >= ClosesAt ? RuleError.Of($"{codePrefix}_ROUND_CLOSED", "", "notice §4.3", ChinaTime.Format(ClosesAt))
        : null;
}
