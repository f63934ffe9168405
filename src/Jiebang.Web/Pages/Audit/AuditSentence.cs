using Jiebang.Web.Features.Audit;
using Jiebang.Web.Pages.Shared.Forms;
using Microsoft.AspNetCore.Html;
using Microsoft.Extensions.Localization;

namespace Jiebang.Web.Pages.Audit;

/// <summary>
/// One audit entry as a sentence: who (with the unit), the action's verb phrase, and the record named
/// where the phrase has <c>{0}</c>, linked when the reader may open it. Text is encoded; only the link is markup.
/// </summary>
public static class AuditSentence
{
    public static IHtmlContent Of(AuditLog.Row row, IStringLocalizer l)
    {
        var who = row.ByPlatform ? l["AuditSystem"].Value : row.Who.Length > 0 ? row.Who : l["AuditNobody"].Value;
        var template = row.Action is { } action ? l[action.ResourceKey].Value : l["AuditDidUnknown"].Value;
        var parts = template.Split("{0}", 2);
        var sentence = new HtmlContentBuilder();
        sentence.AppendHtml("<span data-testid=\"audit-who\">")
            .Append(row.WhoUnit is { } unit ? l["AuditWhoWithUnit", who, unit].Value : who)
            .AppendHtml("</span>");
        // Chinese runs on without a space; English puts one between the subject and the verb.
        if (!FieldView.Chinese) sentence.Append(" ");
        sentence.Append(parts[0]);
        if (parts.Length == 1) return sentence;
        if (row.Record is not { } record)
            sentence.Append(l["AuditRecordUnnamed"].Value);
        else
        {
            var noun = l["AuditNoun_" + record.Type];
            var label = noun.ResourceNotFound ? record.Label : $"{noun.Value} {record.Label}";
            if (record.Href is { } href)
                sentence.AppendHtml("<a href=\"").Append(href).AppendHtml("\" data-testid=\"audit-record\">").Append(label).AppendHtml("</a>");
            else
                sentence.AppendHtml("<span data-testid=\"audit-record\">").Append(label).AppendHtml("</span>");
        }
        return sentence.Append(parts[1]);
    }
}
