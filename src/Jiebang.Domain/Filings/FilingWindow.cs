using Jiebang.Domain.Demands;
using Jiebang.Domain.Rounds;
using Jiebang.Domain.Rules;

namespace Jiebang.Domain.Filings;

/// <summary>The window of a round's stage: filing is refused outside it, naming the deadline in CST.</summary>
public sealed record FilingWindow(DateTimeOffset OpensAt, DateTimeOffset ClosesAt)
{
    /// <param name="errors">The filing kind's rules; a demand's when not given.</param>
    public RuleError? Refuses(DateTimeOffset now, FilingErrors? errors = null)
    {
        errors ??= DemandErrors.Filing;
        return now < OpensAt ? errors.RoundNotOpen.At("", ChinaTime.Format(OpensAt))
            : now >= ClosesAt ? errors.RoundClosed.At("", ChinaTime.Format(ClosesAt))
            : null;
    }
}
