using System.Globalization;
using System.Text.Json.Nodes;
using Jiebang.Domain.Eligibility;
using Jiebang.Domain.Guidelines;
using Jiebang.Domain.Proposals;
using Jiebang.Domain.Proposals.Rules;
using Jiebang.Web.Data;

namespace Jiebang.Web.Features.Proposals;

/// <summary>
/// The facts the annex-4 rules read (<see cref="ProposalFacts"/>), made from a proposal's form values, its
/// owner unit and the proposal itself. The form's keys are those of SeedData/forms/proposal.v*.json; a key a
/// version lacks reads as not declared (the rule it feeds is then not checked).
/// </summary>
public static class ProposalRuleInputs
{
    public static ProposalFacts Facts(Proposal proposal, GuidelineItem? item, Unit owner, JsonObject values, bool hasRetirementLetterField) => new()
    {
        Name = Text(values, "projectName") ?? proposal.Title,
        Category = proposal.Category.Length > 0 ? proposal.Category : null,
        Item = item is null ? null : new TakenItemFacts(item.Name, item.FundingWan),
        // The unit's registered data, which staff approved, not what is typed in applicantUscc/applicantRegion:
        // the typed copies may be wrong or stale, and a rule must not be passed by typing another code.
        UnitKind = LeadUnitKinds.From(owner.Type, owner.Uscc),
        IsAgricultural = owner.IsAgricultural,
        UnitUscc = owner.Uscc,
        UnitRegionCode = owner.RegionCode,
        Partners = Rows(values, "partners").Select(r => new PartnerFacts(Text(r, "unitName"), Text(r, "uscc"),
            Text(r, "receivesFunds") == "yes")).ToList(),
        Team = Rows(values, "team").Select(r => new TeamMemberFacts(Text(r, "name"), Text(r, "idNumber"))).ToList(),
        Leader = new LeaderFacts
        {
            Name = Text(values, "leaderName"),
            IdNumber = Text(values, "leaderIdNumber"),
            // Not answered yet is not "no": the form's required check asks for it.
            IsEmployee = Text(values, "leaderEmployee") != "no",
            IsAcademician = Text(values, "leaderAcademician") == "yes",
            WomanCategory = Text(values, "leaderPostCategory") == "worker50" ? RetirementCategory.WomanWorker50 : RetirementCategory.WomanCadre55,
            LeadsOngoingCentralGuidanceProject = Text(values, "leaderOngoingCentralGuidance") == "yes",
            LeadsProvincialProjectThisYear = Text(values, "leaderProvincialThisYear") == "yes",
        },
        Budget = new BudgetFacts
        {
            Total = Amount(values, "totalBudget"),
            Subsidy = Amount(values, "subsidyRequested"),
            SelfFunding = Amount(values, "selfFunding"),
            IndirectCostsFromFund = IndirectFromFund(values),
        },
        HasAuthorizationLetter = Text(values, "authorizationLetter") is not null,
        // Form v2 asks for the unit's letter about a leader who retires within the project (返聘或延迟退休承诺);
        // v1 has only the unit's commitment letter (承诺书), which formal review then reads for it.
        HasCommitmentLetter = Text(values, hasRetirementLetterField ? "retirementCommitmentLetter" : "commitmentLetter") is not null,
        RecommenderUnitId = proposal.RecommenderUnitId,
        SubmittedAt = proposal.SubmittedAt,
    };

    /// <summary>The subsidy of the budget rows marked indirect (or of category 间接费用); null when no row is.</summary>
    public static decimal? IndirectFromFund(JsonObject values)
    {
        decimal? sum = null;
        foreach (var row in Rows(values, "budgetRows"))
            if (Text(row, "indirect") == "yes" || Text(row, "category") == "indirect")
                sum = (sum ?? 0m) + (Amount(row, "subsidy") ?? 0m);
        return sum;
    }

    static IEnumerable<JsonObject> Rows(JsonObject values, string key) =>
        values[key] is JsonArray rows ? rows.OfType<JsonObject>() : [];

    static string? Text(JsonObject holder, string key) =>
        holder[key] is JsonValue value && value.TryGetValue(out string? text) && !string.IsNullOrWhiteSpace(text) ? text.Trim() : null;

    /// <summary>An amount as typed (a string, or a number from the API); null when empty or not a number (the form says so).</summary>
    static decimal? Amount(JsonObject holder, string key) => holder[key] switch
    {
        JsonValue v when v.TryGetValue(out decimal d) => d,
        JsonValue v when v.TryGetValue(out string? s) && decimal.TryParse(s.Trim(), NumberStyles.Number & ~NumberStyles.AllowThousands,
            CultureInfo.InvariantCulture, out var parsed) => parsed,
        _ => null,
    };
}
