using Jiebang.Domain.Forms;

namespace Jiebang.Web.Documents;

/// <summary>One row (or block of rows) of an annex's table, in the annex's order.</summary>
abstract record AnnexRow;

/// <summary>Label | value across the rest of the table: 需求名称, 企业简介.</summary>
sealed record SingleRow(FieldDefinition Field) : AnnexRow;

/// <summary>Two short fields side by side: 企业名称 | … | 所属地区 | 龙泉市 (annexes 2 and 3).</summary>
sealed record PairRow(FieldDefinition Left, FieldDefinition Right) : AnnexRow;

/// <summary>A field under a row header that spans several rows: 期望达到的目标 | 主要技术指标 | … (annex 2).</summary>
sealed record SectionRow(FormSection Section, FieldDefinition Field, bool First) : AnnexRow;

/// <summary>Every area of the taxonomy with its directions as boxes: 重点领域 □互联网+ | 主要方向 □集成电路 … (annex 1).</summary>
sealed record AreaBlock(FieldDefinition Field) : AnnexRow;

/// <summary>A table whose rows the annex prints already named, as rows of the annex's own table (绩效指标, annex 4).</summary>
sealed record PresetTableBlock(FieldDefinition Field) : AnnexRow;

/// <summary>Lays a form definition out as rows; nothing here knows one annex from another.</summary>
static class AnnexRows
{
    public static IReadOnlyList<AnnexRow> Of(FormDefinition form)
    {
        var rows = new List<AnnexRow>();
        var fields = form.Fields.Where(f => f.Type != FieldType.Attachment).ToList();
        string? openSection = null;
        for (var i = 0; i < fields.Count; i++)
        {
            var field = fields[i];
            if (field.Section is { } key && form.Sections.FirstOrDefault(s => s.Key == key) is { } section)
            {
                rows.Add(new SectionRow(section, field, openSection != key));
                openSection = key;
                continue;
            }
            openSection = null;
            if (field.Type == FieldType.AreaDirection)
                rows.Add(new AreaBlock(field));
            else if (field is { Type: FieldType.Table, PresetRows: not null })
                rows.Add(new PresetTableBlock(field));
            else if (form.PairsShortFields && IsShort(field) && i + 1 < fields.Count && IsShort(fields[i + 1]) && fields[i + 1].Section is null)
                rows.Add(new PairRow(field, fields[++i]));
            else
                rows.Add(new SingleRow(field));
        }
        return rows;
    }

    // Annexes 2 and 3 print their name, region, contact and telephone two to a row.
    static bool IsShort(FieldDefinition field) =>
        field.Type is FieldType.Text or FieldType.Phone or FieldType.Email or FieldType.Date or FieldType.ResidentId
        && !field.Multiline && field.Section is null;
}
