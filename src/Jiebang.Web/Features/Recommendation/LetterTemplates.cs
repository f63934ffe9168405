using System.Text.RegularExpressions;
using Jiebang.Domain.Rules;
using Jiebang.Web.Data;
using Jiebang.Web.Features.Access;
using Microsoft.EntityFrameworkCore;

namespace Jiebang.Web.Features.Recommendation;

/// <summary>
/// The letters a level generates for its batch, kept as data bureau staff edit (<see cref="LetterTemplate"/>):
/// the shipped texts, the placeholders a body may use, and the filling. The notice prints no text of its
/// own [annex 4 §4.2]; the shipped ones are plain and say what the notice asks a recommending unit to vouch for.
/// </summary>
public sealed partial class LetterTemplates(JiebangDbContext db)
{
    public const string RecommendationLetter = "recommendation-letter";
    public const string CommitmentLetter = "commitment-letter";

    /// <summary>A placeholder a body may hold, with what it is filled with.</summary>
    public sealed record Placeholder(string Name, LocalizedText Meaning);

    public static readonly IReadOnlyList<Placeholder> Placeholders =
    [
        new("{推荐单位}", new("推荐单位（本级）的名称", "the recommending unit (this level)")),
        new("{报送对象}", new("上一级推荐单位，末级为组织申报的科技主管部门", "the level above, or the bureau that runs the call")),
        new("{计划名称}", new("申报轮次（计划）的名称", "the call's title")),
        new("{项目数}", new("批次中的项目数", "the number of projects in the batch")),
        new("{经费合计}", new("拟申请财政补助合计（万元）", "the subsidies asked for in all (10,000 yuan)")),
        new("{项目清单}", new("项目清单，每项一行：名称、承担单位、拟申请财政补助", "the projects, one a line: name, unit, subsidy")),
        new("{日期}", new("生成日期（北京时间）", "the date generated (China Standard Time)")),
    ];

    /// <summary>The texts that ship; staff change them on the letters page.</summary>
    public static readonly IReadOnlyList<(string Key, string Title, string Body)> Shipped =
    [
        (RecommendationLetter, "推荐函", """
            {报送对象}：

            根据《{计划名称}》申报工作要求，我单位组织开展了项目申报和审核推荐工作。经对申报单位资格条件和申报材料进行审核，现推荐以下{项目数}个项目，拟申请财政补助合计{经费合计}万元：

            {项目清单}

            上述项目申报材料真实、完整，符合申报条件，特此推荐。

            {推荐单位}（盖章）
            {日期}
            """),
        (CommitmentLetter, "承诺书", """
            {报送对象}：

            我单位推荐申报《{计划名称}》的以下{项目数}个项目：

            {项目清单}

            我单位郑重承诺：
            一、已按申报通知要求对上述项目申报单位的资格条件、申报材料和推荐程序进行审核，申报材料真实、准确、完整；
            二、上述项目均只通过我单位一个渠道申报，不存在重复申报、多头申报；
            三、据我单位审核，项目申报单位、合作单位和项目团队成员无严重科研失信行为记录和社会信用黑名单记录；
            四、项目获得支持后，督促承担单位按计划组织实施，落实自筹经费，规范使用财政资金。

            如有违反，我单位愿承担相应责任。

            {推荐单位}（盖章）
            {日期}
            """),
    ];

    /// <summary>Adds the shipped templates the database does not have yet; an edited one is kept.</summary>
    public static async Task SeedAsync(JiebangDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        foreach (var (key, title, body) in Shipped)
            if (!await db.LetterTemplates.AnyAsync(t => t.Key == key, cancellationToken))
                db.LetterTemplates.Add(new LetterTemplate { Key = key, Title = title, Body = body, UpdatedAt = clock.GetUtcNow() });
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task<Outcome<IReadOnlyList<LetterTemplate>>> ListAsync(Actor actor, CancellationToken cancellationToken)
    {
        if (Permissions.WhyNotEditRounds(actor) is { } denied) return denied;
        return await db.LetterTemplates.AsNoTracking().OrderBy(t => t.Id).ToListAsync(cancellationToken);
    }

    public async Task<Outcome<LetterTemplate>> GetAsync(Actor actor, string key, CancellationToken cancellationToken)
    {
        if (Permissions.WhyNotEditRounds(actor) is { } denied) return denied;
        return await db.LetterTemplates.AsNoTracking().FirstOrDefaultAsync(t => t.Key == key, cancellationToken) is { } found
            ? found : Outcome.NotFound();
    }

    /// <summary>The template's text now, for generating a letter (no access check: the letter's use case made it).</summary>
    public Task<LetterTemplate?> ForLetterAsync(string key, CancellationToken cancellationToken) =>
        db.LetterTemplates.AsNoTracking().FirstOrDefaultAsync(t => t.Key == key, cancellationToken);

    /// <summary>Each {name} of a text that is not a known placeholder.</summary>
    public static IEnumerable<string> UnknownPlaceholders(string text) =>
        PlaceholderPattern().Matches(text).Select(m => m.Value).Where(p => Placeholders.All(k => k.Name != p)).Distinct();

    /// <summary>The text with each placeholder replaced by its value; an unknown one is left as typed.</summary>
    public static string Fill(string text, IReadOnlyDictionary<string, string> values) =>
        PlaceholderPattern().Replace(text, m => values.TryGetValue(m.Value, out var value) ? value : m.Value);

    [GeneratedRegex(@"\{[^{}\r\n]{1,20}\}")]
    private static partial Regex PlaceholderPattern();
}
