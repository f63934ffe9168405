using Jiebang.Domain.Filings;
using Jiebang.Domain.Forms;
using Jiebang.Domain.Rules;
using Jiebang.Web.Data;
using Jiebang.Web.Features.Access;
using Jiebang.Web.Features.Audit;
using Microsoft.EntityFrameworkCore;

namespace Jiebang.Web.Features.Recommendation;

/// <summary>Bureau staff change a letter template's title and body; a placeholder it does not know is refused by name.</summary>
public sealed class EditLetterTemplate(JiebangDbContext db, AuditTrail audit, TimeProvider clock)
{
    public sealed record Input
    {
        public string Title { get; set; } = "";
        public string Body { get; set; } = "";
    }

    public async Task<Outcome<LetterTemplate>> HandleAsync(Actor actor, string key, Input input, CancellationToken cancellationToken = default)
    {
        if (Permissions.WhyNotEditRounds(actor) is { } denied) return denied;
        var template = await db.LetterTemplates.FirstOrDefaultAsync(t => t.Key == key, cancellationToken);
        if (template is null) return Outcome.NotFound();
        var errors = WhyNot(input).ToList();
        if (errors.Count > 0) return errors;
        var before = new { template.Title, template.Body };
        (template.Title, template.Body) = (input.Title.Trim(), input.Body.Replace("\r\n", "\n").Trim());
        (template.UpdatedAt, template.UpdatedByUserId, template.ConcurrencyStamp) = (clock.GetUtcNow(), actor.UserId, Guid.NewGuid());
        audit.Record(actor, "letter_template.edited", nameof(LetterTemplate), key, before, new { template.Title, template.Body });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return FilingErrors.ChangedMeanwhile.At("");
        }
        return template;
    }

    static IEnumerable<RuleError> WhyNot(Input input)
    {
        var title = new LocalizedText("标题", "Title");
        var body = new LocalizedText("正文", "Body");
        if (string.IsNullOrWhiteSpace(input.Title)) yield return BatchErrors.TemplateTextRequired.At("title", title);
        if (string.IsNullOrWhiteSpace(input.Body)) yield return BatchErrors.TemplateTextRequired.At("body", body);
        foreach (var tooLong in FormLimits.WhyNotTexts(
                     ("title", "标题", "Title", input.Title, LetterTemplate.MaxTitleChars),
                     ("body", "正文", "Body", input.Body, LetterTemplate.MaxBodyChars)))
            yield return tooLong;
        var known = string.Join(" ", LetterTemplates.Placeholders.Select(p => p.Name));
        foreach (var unknown in LetterTemplates.UnknownPlaceholders(input.Title + "\n" + input.Body))
            yield return BatchErrors.TemplatePlaceholderUnknown.At("body", unknown, known);
    }
}
