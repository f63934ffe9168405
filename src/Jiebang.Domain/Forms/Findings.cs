using Jiebang.Domain.Rules;

namespace Jiebang.Domain.Forms;

/// <summary>The findings of one check of a form, and the clause and taxonomy it is checked against.</summary>
sealed class Findings(string clause, Taxonomy? taxonomy, DateOnly today)
{
    public List<RuleError> All { get; } = [];

    public Taxonomy? Taxonomy => taxonomy;

    /// <summary>The date in China, for a birth date that may not lie in the future.</summary>
    public DateOnly Today => today;

    public void Error(string code, string field, params object[] args) => All.Add(RuleError.Of(code, field, clause, args));

    public void Warning(string code, string field, params object[] args) => All.Add(RuleError.Warn(code, field, clause, args));

    public void Add(IEnumerable<RuleError> errors) => All.AddRange(errors);
}
