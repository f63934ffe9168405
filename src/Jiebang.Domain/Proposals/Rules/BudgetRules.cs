using Jiebang.Domain.Rounds;
using Jiebang.Domain.Rules;

namespace Jiebang.Domain.Proposals.Rules;

/// <summary>
/// The budget's amounts: each in range and to the fen, total = subsidy + self-funding, the subsidy within
/// its category's cap [annex 4 §1.x.2] or the funding of the item it takes up [notice §3], and no indirect costs from the fund [annex 4 §2.1].
/// </summary>
static class BudgetRules
{
    public static IEnumerable<RuleError> Check(ProposalFacts facts, RoundSettings settings)
    {
        var budget = facts.Budget;
        var amounts = new (string Field, LocalizedText Label, decimal? Value)[]
        {
            ("budget.total", new("总预算", "Total budget"), budget.Total),
            ("budget.subsidy", new("拟申请财政补助", "Subsidy applied for"), budget.Subsidy),
            ("budget.selfFunding", new("自筹经费", "Self-funding"), budget.SelfFunding),
            ("budget.indirectCostsFromFund", new("引导资金间接费用", "Indirect costs from the fund"), budget.IndirectCostsFromFund),
        };
        var broken = false;
        foreach (var (field, label, value) in amounts)
        {
            if (value is not { } v) continue;
            if (v is < 0 or > RoundLimits.MaxAmount)
            {
                broken = true;
                yield return ProposalErrors.AmountOutOfRange.At(field, label, Money.Wan(v), Money.Wan(RoundLimits.MaxAmount));
            }
            else if (decimal.Round(v, Money.Decimals) != v)
            {
                broken = true;
                yield return ProposalErrors.AmountTooPrecise.At(field, label, v);
            }
        }
        if (broken) yield break;

        if (budget is { Total: { } total, Subsidy: { } subsidy, SelfFunding: { } self } && subsidy + self != total)
            yield return ProposalErrors.BudgetSumMismatch.At("budget.total", Money.Wan(total), Money.Wan(subsidy), Money.Wan(self));

        if (facts.Category is { Length: > 0 } category)
        {
            if (!settings.CapsByCategory.TryGetValue(category, out var cap))
                yield return ProposalErrors.CategoryUnknown.At("category", category, string.Join("、", settings.CapsByCategory.Keys));
            else if (budget.Subsidy is { } asked && asked > cap)
                yield return ProposalErrors.SubsidyOverCap.At("budget.subsidy", category, Money.Wan(cap), Money.Wan(asked));
        }

        if (facts.Item is { FundingWan: { } offered } item && budget.Subsidy is { } askedOfItem && askedOfItem > offered)
            yield return ProposalErrors.SubsidyOverItemFunding.At("budget.subsidy", item.Name, Money.Wan(offered), Money.Wan(askedOfItem));

        if (!settings.IndirectCostsAllowed && budget.IndirectCostsFromFund is > 0m)
            yield return ProposalErrors.IndirectCostsFromFund.At("budget.indirectCostsFromFund", Money.Wan(budget.IndirectCostsFromFund.Value));
    }
}
