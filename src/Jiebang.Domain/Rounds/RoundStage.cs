using Jiebang.Domain.Rules;

namespace Jiebang.Domain.Rounds;

/// <summary>The stages of a round, in the order the notice runs them [notice §4; annex 4 §4].</summary>
public enum RoundStageKind
{
    Filing = 1,         // 填报：单位填写、提交
    Recommendation = 2, // 推荐：推荐单位审核、出具推荐函
    FormalReview = 3,   // 形式审查
    ExpertReview = 4,   // 专家评审
    NoticePeriod = 5,   // 公示
}

/// <summary>One stage of a round and its window; a stage that only has a deadline has no opening time.</summary>
public sealed record RoundStage(RoundStageKind Kind, DateTimeOffset? OpensAt, DateTimeOffset ClosesAt)
{
    public bool IsOpenAt(DateTimeOffset now) => (OpensAt is null || OpensAt <= now) && now < ClosesAt;

    /// <summary>The stage's name as the notice says it, for messages and pages.</summary>
    public static LocalizedText NameOf(RoundStageKind kind) => kind switch
    {
        RoundStageKind.Filing => new("填报", "Filing"),
        RoundStageKind.Recommendation => new("推荐", "Recommendation"),
        RoundStageKind.FormalReview => new("形式审查", "Formal review"),
        RoundStageKind.ExpertReview => new("专家评审", "Expert review"),
        RoundStageKind.NoticePeriod => new("公示", "Notice period"),
        _ => new(kind.ToString(), kind.ToString()),
    };
}

/// <summary>
/// The stages of a round, each with its own window. Every time lies in <see cref="RoundLimits"/>,
/// each stage opens before it closes, a stage appears once, and a later stage does not close
/// before an earlier one.
/// </summary>
public sealed record RoundSchedule(IReadOnlyList<RoundStage> Stages)
{
    public RoundStage? Stage(RoundStageKind kind) => Stages.FirstOrDefault(s => s.Kind == kind);

    public RoundStage? Filing => Stage(RoundStageKind.Filing);

    /// <summary>
    /// Why no one may act in the stage now: before it opens or from its deadline on. A round without
    /// that stage sets no window for it (null).
    /// </summary>
    public RuleError? WhyNotActIn(RoundStageKind kind, DateTimeOffset now)
    {
        if (Stage(kind) is not { } stage) return null;
        var name = RoundStage.NameOf(kind);
        if (stage.OpensAt is { } opens && now < opens) return RoundErrors.StageNotOpen.At($"stages.{kind}", name, ChinaTime.Format(opens));
        return now >= stage.ClosesAt ? RoundErrors.StageClosed.At($"stages.{kind}", name, ChinaTime.Format(stage.ClosesAt)) : null;
    }

    public static List<RuleError> Check(IEnumerable<RoundStage> stages)
    {
        var errors = new List<RuleError>();
        RoundStage? previous = null;
        foreach (var stage in stages.OrderBy(s => s.Kind))
        {
            var name = RoundStage.NameOf(stage.Kind);
            var field = $"stages.{stage.Kind}";
            if (!Enum.IsDefined(stage.Kind)) { errors.Add(RoundErrors.StageUnknown.At(field, (int)stage.Kind)); continue; }
            if (previous?.Kind == stage.Kind) { errors.Add(RoundErrors.StageDuplicate.At(field, name)); continue; }
            var opens = stage.OpensAt is { } at ? RoundLimits.Instant(at, field + ".opensAt", new($"{name.Zh}开始时间", $"{name.En} opens"), Clause.Notice("4")) : null;
            var closes = RoundLimits.Instant(stage.ClosesAt, field + ".closesAt", new($"{name.Zh}截止时间", $"{name.En} deadline"), Clause.Notice("4"));
            errors.AddRange(new[] { opens, closes }.OfType<RuleError>());
            if (opens is null && closes is null && stage.OpensAt is { } from && stage.ClosesAt <= from)
                errors.Add(RoundErrors.ClosesBeforeOpening.AtClause(Clause.Notice("4"), field + ".closesAt",
                    ChinaTime.Format(from), ChinaTime.Format(stage.ClosesAt)) with
                { Label = new($"{name.Zh}截止时间", $"{name.En} deadline") });
            else if (closes is null && previous is not null && stage.ClosesAt < previous.ClosesAt)
                errors.Add(RoundErrors.StageOutOfOrder.At(field + ".closesAt",
                    name, RoundStage.NameOf(previous.Kind), ChinaTime.Format(previous.ClosesAt), ChinaTime.Format(stage.ClosesAt)));
            previous = stage;
        }
        return errors;
    }
}
