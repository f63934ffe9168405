using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Jiebang.Domain.Rounds;
using Jiebang.Domain.Rules;
using Jiebang.Web.Documents;
using Jiebang.Web.Features.Access;
using Jiebang.Web.Features.Audit;

namespace Jiebang.Web.Features.Recommendation;

/// <summary>
/// The recommendation letter (推荐函) and the commitment letter (承诺书) of a batch as .docx, from the templates
/// staff keep (<see cref="LetterTemplates"/>), filled with the batch: the level, whom it sends to, the call,
/// the projects and their subsidies, today's date. The level prints, stamps and scans them [annex 4 §4.2].
/// </summary>
public sealed class BatchLetters(ProposalBatchQueries queries, LetterTemplates templates, AuditTrail audit, TimeProvider clock)
{
    public async Task<Outcome<BatchSummaryExport.File>> HandleAsync(Actor actor, int batchId, BatchDocument document,
        CancellationToken cancellationToken = default)
    {
        if (document.TemplateKey() is not { } key) return BatchErrors.DocumentUnknown.At("document");
        var preview = await queries.PreviewAsync(actor, batchId, cancellationToken);
        if (!preview.Succeeded) return preview.Errors.ToList();
        var template = await templates.ForLetterAsync(key, cancellationToken)
            ?? throw new InvalidOperationException($"letter template {key} is missing");
        var values = Values(preview.Value!, clock.GetUtcNow());
        var content = Write(LetterTemplates.Fill(template.Title, values), LetterTemplates.Fill(template.Body, values));
        await audit.RecordNowAsync(actor, "batch.letter_generated", nameof(Domain.Proposals.Recommendation.ProposalBatch), batchId.ToString(),
            key, cancellationToken);
        return new BatchSummaryExport.File($"{template.Title}-{batchId}.docx", AnnexWordWriter.ContentType, content);
    }

    /// <summary>What each placeholder stands for in this batch's letters.</summary>
    public static IReadOnlyDictionary<string, string> Values(ProposalBatchQueries.Preview preview, DateTimeOffset now)
    {
        var today = now.ToChina();
        return new Dictionary<string, string>
        {
            ["{推荐单位}"] = preview.UnitName,
            ["{报送对象}"] = preview.AboveName,
            ["{计划名称}"] = preview.Round.Title,
            ["{项目数}"] = preview.Rows.Count.ToString(CultureInfo.InvariantCulture),
            ["{经费合计}"] = Wan(preview.SubsidyWan),
            ["{项目清单}"] = string.Join("\n", preview.Rows.Select((r, i) =>
                $"{i + 1}. {r.ProjectName}（{r.LeadUnit}，拟申请财政补助{Wan(r.SubsidyWan)}万元{(r.Incentive ? "，激励名额" : "")}）")),
            ["{日期}"] = $"{today.Year}年{today.Month}月{today.Day}日",
        };
    }

    static string Wan(decimal wan) => wan.ToString("0.##", CultureInfo.InvariantCulture);

    /// <summary>三号 = 16 pt, the body of an official letter.</summary>
    const int LetterBody = 32;

    /// <summary>
    /// A4 portrait: the title centred in bold, the salutation (a line ending in "：") flush left, the signature
    /// lines (the stamp line and the date at the end) flush right, every other line a paragraph indented two characters.
    /// </summary>
    static byte[] Write(string title, string body)
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            WordStyles.AddTo(main);
            var content = new Body();
            var heading = WordText.Paragraph(JustificationValues.Center, WordText.Run(title, WordText.Title, bold: true));
            heading.ParagraphProperties!.SpacingBetweenLines = new SpacingBetweenLines { Before = "240", After = "480" };
            content.Append(heading);
            var lines = body.Replace("\r\n", "\n").Split('\n');
            var signatureFrom = SignatureStart(lines);
            for (var i = 0; i < lines.Length; i++)
            {
                var line = lines[i].Trim();
                var paragraph = WordText.Paragraph(i >= signatureFrom ? JustificationValues.Right : JustificationValues.Both,
                    WordText.Run(line, LetterBody));
                paragraph.ParagraphProperties!.SpacingBetweenLines = new SpacingBetweenLines { Before = "0", After = "0", Line = "560", LineRule = LineSpacingRuleValues.Exact };
                if (i < signatureFrom && line.Length > 0 && !line.EndsWith('：'))
                    paragraph.ParagraphProperties.Indentation = new Indentation { FirstLine = "640", FirstLineChars = 200 };
                content.Append(paragraph);
            }
            content.Append(new SectionProperties(
                new PageSize { Width = 11906, Height = 16838, Orient = PageOrientationValues.Portrait },
                new PageMargin { Top = 2098, Bottom = 1984, Left = 1588, Right = 1474, Header = 851, Footer = 992, Gutter = 0 }));
            main.Document = new Document(content);
        }
        return stream.ToArray();
    }

    // The signature: the last lines after the last empty line, when one of them is the stamp line.
    static int SignatureStart(string[] lines)
    {
        var end = lines.Length;
        while (end > 0 && lines[end - 1].Trim().Length == 0) end--;
        var start = end;
        while (start > 0 && lines[start - 1].Trim().Length > 0) start--;
        return lines[start..end].Any(l => l.Contains("盖章", StringComparison.Ordinal)) && end - start <= 3 ? start : lines.Length;
    }
}
