using System.Text;
using Jiebang.Domain.Rules;
using MiniExcelLibs;

namespace Jiebang.Web.Features.Similarity;

/// <summary>
/// Reads a list of funded projects from .xlsx or .csv (UTF-8 or the GB18030 that Excel writes on
/// Chinese Windows), by header names in Chinese or English, and checks each row.
/// </summary>
public static class HistoricalProjectFile
{
    public sealed record Row(int Line, string Name, string Unit, string Leader, int? Year, string Department, string Abstract,
        IReadOnlyList<RuleError> Errors);

    static readonly Dictionary<string, string> Headers = new(StringComparer.OrdinalIgnoreCase)
    {
        ["项目名称"] = "name", ["name"] = "name", ["承担单位"] = "unit", ["unit"] = "unit", ["负责人"] = "leader", ["leader"] = "leader",
        ["项目负责人"] = "leader", ["年度"] = "year", ["立项年度"] = "year", ["year"] = "year", ["主管部门"] = "department",
        ["department"] = "department", ["摘要"] = "abstract", ["项目摘要"] = "abstract", ["abstract"] = "abstract",
    };

    public static IReadOnlyList<Row> Read(string path, int currentYear)
    {
        var isXlsx = IsZip(path);
        using Stream stream = isXlsx ? File.OpenRead(path) : Utf8Copy(path);
        var rows = stream.Query(useHeaderRow: true, excelType: isXlsx ? ExcelType.XLSX : ExcelType.CSV)
            .Cast<IDictionary<string, object?>>().ToList();
        return rows.Select((raw, i) => Check(i + 2, Normalise(raw), currentYear)).ToList();
    }

    static Dictionary<string, string> Normalise(IDictionary<string, object?> raw) =>
        raw.Where(c => Headers.ContainsKey(c.Key.Trim())).GroupBy(c => Headers[c.Key.Trim()])
            .ToDictionary(g => g.Key, g => g.First().Value?.ToString()?.Trim() ?? "");

    static Row Check(int line, Dictionary<string, string> cells, int currentYear)
    {
        string Cell(string key) => cells.GetValueOrDefault(key, "");
        var errors = new List<RuleError>();
        if (Cell("name").Length == 0) errors.Add(SimilarityErrors.ImportNameRequired.At("name", line));
        if (Cell("abstract").Length < 20) errors.Add(SimilarityErrors.ImportAbstractTooShort.At("abstract", line, 20));
        int? year = int.TryParse(Cell("year").Replace("年", ""), out var y) ? y : null;
        if (Cell("year").Length > 0 && (year is null || year < 1980 || year > currentYear))
            errors.Add(SimilarityErrors.ImportYearInvalid.At("year", line, Cell("year")));
        return new Row(line, Cell("name"), Cell("unit"), Cell("leader"), year, Cell("department"), Cell("abstract"), errors);
    }

    static bool IsZip(string path)
    {
        Span<byte> head = stackalloc byte[4];
        using var file = File.OpenRead(path);
        return file.Read(head) == 4 && head.SequenceEqual("PK\u0003\u0004"u8);
    }

    // CSV from Excel on Chinese Windows is GB18030; anything that is not valid UTF-8 is read as that.
    static MemoryStream Utf8Copy(string path)
    {
        var bytes = File.ReadAllBytes(path);
        string text;
        try { text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes); }
        catch (DecoderFallbackException)
        {
            Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
            text = Encoding.GetEncoding("GB18030").GetString(bytes);
        }
        return new MemoryStream(Encoding.UTF8.GetBytes(text.TrimStart('\uFEFF')));
    }
}
