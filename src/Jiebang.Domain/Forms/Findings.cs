using Jiebang.Domain.Rules;

namespace Jiebang.Domain.Forms;

/// <summary>The findings of one check of a form, and the clause and taxonomy it is checked against.</summary>
sealed class Findings(string clause, Taxonomy? taxonomy, DateOnly today)
{
    public List<RuleError> All { get; } = [];

    public Taxonomy? Taxonomy => taxonomy;

    /// <summary>The date in China, for a birth date that may not lie in the future.</summary>
    public DateOnly Today => today;

    public void Error(ErrorCode code, string field, params object[] args) => All.Add(code.AtClause(clause, field, args));

    public void Warning(ErrorCode code, string field, params object[] args) => All.Add(code.WarningAtClause(clause, field, args));

    public void Add(IEnumerable<RuleError> errors) => All.AddRange(errors);
}
