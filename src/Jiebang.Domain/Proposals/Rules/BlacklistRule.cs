using System.Globalization;
using Jiebang.Domain.Integrity;
using Jiebang.Domain.Rules;

namespace Jiebang.Domain.Proposals.Rules;

/// <summary>
/// "申报单位、参与单位以及团队成员……无在惩戒执行期内的科研严重失信行为记录和相关社会领域信用'黑名单'记录"
/// [annex 4 §3.1.1]: an entry in force today that names the unit, a partner, the leader or a team member
/// blocks, and the finding names the entry (its name, source and dates) so that staff can look it up.
/// </summary>
static class BlacklistRule
{
    public static IEnumerable<RuleError> Check(ProposalFacts facts, IReadOnlyList<BlacklistEntry> blacklist, DateOnly today)
    {
        if (blacklist.Count == 0) yield break;
        var subjects = new List<(string Field, LocalizedText Role, string? Name, BlacklistIdentifierKind Kind, string? Id)>
        {
            ("unit.uscc", new("申报单位", "the applicant unit"), null, BlacklistIdentifierKind.Uscc, facts.UnitUscc),
            ("leader.idNumber", new("项目负责人", "the project leader"), facts.Leader.Name, BlacklistIdentifierKind.ResidentId, facts.Leader.IdNumber),
        };
        for (var i = 0; i < facts.Partners.Count; i++)
            subjects.Add(($"partners[{i}].uscc", new("参与单位", "partner unit"), facts.Partners[i].Name,
                BlacklistIdentifierKind.Uscc, facts.Partners[i].Uscc));
        for (var i = 0; i < facts.Team.Count; i++)
            subjects.Add(($"team[{i}].idNumber", new("团队成员", "team member"), facts.Team[i].Name,
                BlacklistIdentifierKind.ResidentId, facts.Team[i].IdNumber));

        foreach (var (field, role, name, kind, id) in subjects)
        {
            if (string.IsNullOrWhiteSpace(id)) continue;
            foreach (var entry in blacklist.Where(e => e.Matches(kind, id, today)))
                yield return ProposalErrors.Blacklisted.At(field, role, name ?? entry.Name, entry.Name, entry.DisplayIdentifier,
                    entry.Source, Day(entry.ListedOn), entry.ExpiresOn is { } until ? Day(until) : new LocalizedText("长期", "open-ended"));
        }
    }

    static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
