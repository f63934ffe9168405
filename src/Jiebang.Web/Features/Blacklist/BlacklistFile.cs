using System.Globalization;
using System.IO.Compression;
using System.Text;
using Jiebang.Domain.Identifiers;
using Jiebang.Domain.Integrity;
using Jiebang.Domain.Rules;
using MiniExcelLibs;

namespace Jiebang.Web.Features.Blacklist;

/// <summary>
/// Reads a blacklist from .xlsx, .csv or .tsv (UTF-8, or the GB18030 Excel writes on Chinese Windows)
/// by header names in Chinese or English, and checks each row. A workbook is a ZIP: what it expands to
/// is measured before it is parsed, never taken from its headers.
/// </summary>
public static class BlacklistFile
{
    public const long MaxBytes = 5 * 1024 * 1024;
    public const long MaxExpandedBytes = 50 * 1024 * 1024;
    public const int MaxRows = 10_000;
    public const int MaxText = 100;

    /// <summary>One row as read: the identifier normalised, its kind, and what is wrong with it.</summary>
    public sealed record Row(int Line, BlacklistIdentifierKind? Kind, string Identifier, string Name, string Source,
        DateOnly? ListedOn, DateOnly? ExpiresOn, IReadOnlyList<RuleError> Errors)
    {
        public BlacklistEntry ToEntry() => new(Kind!.Value, Identifier, Name, Source, ListedOn!.Value, ExpiresOn);

        /// <summary>The identifier as a screen shows it: an ID number masked.</summary>
        public string Display => Kind == BlacklistIdentifierKind.ResidentId ? ResidentId.Mask(Identifier) : Identifier;
    }

    static readonly Dictionary<string, string> Headers = new(StringComparer.OrdinalIgnoreCase)
    {
        ["类型"] = "kind", ["证件类型"] = "kind", ["kind"] = "kind",
        ["证件号码"] = "id", ["统一社会信用代码/身份证号码"] = "id", ["号码"] = "id", ["identifier"] = "id", ["id"] = "id",
        ["名称"] = "name", ["姓名/名称"] = "name", ["单位名称/姓名"] = "name", ["name"] = "name",
        ["来源"] = "source", ["认定部门"] = "source", ["source"] = "source",
        ["列入日期"] = "listed", ["认定日期"] = "listed", ["listed on"] = "listed", ["listed_on"] = "listed",
        ["有效期至"] = "expires", ["惩戒期至"] = "expires", ["expires on"] = "expires", ["expires_on"] = "expires",
    };

    static readonly (string Key, string Zh)[] RequiredColumns = [("id", "证件号码"), ("name", "名称"), ("source", "来源"), ("listed", "列入日期")];

    /// <summary>The rows, or the rule the file as a whole breaks.</summary>
    public static Outcome<IReadOnlyList<Row>> Read(byte[] bytes, DateOnly today)
    {
        if (bytes.Length == 0) return BlacklistErrors.FileEmpty.At("file");
        if (bytes.Length > MaxBytes) return BlacklistErrors.FileTooLarge.At("file", MaxBytes / 1024 / 1024);
        List<Dictionary<string, object?>> raw;
        try
        {
            if (bytes.AsSpan().StartsWith("PK\u0003\u0004"u8))
            {
                if (WhyNotExpanded(bytes) is { } tooLarge) return tooLarge;
                using var stream = new MemoryStream(bytes, writable: false);
                raw = stream.Query(useHeaderRow: true, excelType: ExcelType.XLSX).Cast<IDictionary<string, object?>>()
                    .Take(MaxRows + 1).Select(Normalise).ToList();
            }
            else raw = ReadDelimited(Decode(bytes));
        }
        catch (Exception e) when (e is InvalidDataException or FormatException or InvalidOperationException or IOException
            or NotSupportedException or ArgumentException or System.Xml.XmlException)
        {
            return BlacklistErrors.FileUnreadable.At("file");
        }
        if (raw.Count > MaxRows) return BlacklistErrors.TooManyRows.At("file", MaxRows);
        var columns = raw.SelectMany(r => r.Keys).ToHashSet();
        if (raw.Count > 0 && RequiredColumns.FirstOrDefault(c => !columns.Contains(c.Key)) is { Key: not null } missing)
            return BlacklistErrors.ColumnMissing.At("file", missing.Zh);
        return raw.Select((cells, i) => Check(i + 2, cells, today)).Where(r => r is not null).Select(r => r!).ToList();
    }

    static Dictionary<string, object?> Normalise(IDictionary<string, object?> raw) =>
        raw.Where(c => Headers.ContainsKey(c.Key.Trim())).GroupBy(c => Headers[c.Key.Trim()])
            .ToDictionary(g => g.Key, g => g.First().Value);

    static Row? Check(int line, Dictionary<string, object?> cells, DateOnly today)
    {
        string Text(string key) => cells.GetValueOrDefault(key) switch
        {
            null => "",
            DateTime d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            var v => Convert.ToString(v, CultureInfo.InvariantCulture)?.Trim() ?? "",
        };
        if (cells.Values.All(v => string.IsNullOrWhiteSpace(Convert.ToString(v, CultureInfo.InvariantCulture)))) return null;
        var errors = new List<RuleError>();

        var (kind, id) = Identifier(line, cells.GetValueOrDefault("id"), Text("kind"), today, errors);
        var name = Required(line, Text("name"), "name", new("名称", "name"), errors);
        var source = Required(line, Text("source"), "source", new("来源", "source"), errors);
        var listed = Day(line, cells.GetValueOrDefault("listed"), "listedOn", new("列入日期", "listed on"), required: true, errors);
        var expires = Day(line, cells.GetValueOrDefault("expires"), "expiresOn", new("有效期至", "expires on"), required: false, errors);
        if (listed > today)
            errors.Add(BlacklistErrors.ListedInFuture.At("listedOn", line, Iso(listed.Value)));
        if (listed is { } l && expires is { } x && x < l)
            errors.Add(BlacklistErrors.ExpiresBeforeListed.At("expiresOn", line, Iso(x), Iso(l)));
        return new Row(line, kind, id, name, source, listed, expires, errors);
    }

    static (BlacklistIdentifierKind?, string) Identifier(int line, object? cell, string kindText, DateOnly today, List<RuleError> errors)
    {
        if (cell is double or long or int or decimal)
        {
            errors.Add(BlacklistErrors.IdentifierAsNumber.At("identifier", line));
            return (null, "");
        }
        var text = Convert.ToString(cell, CultureInfo.InvariantCulture)?.Trim() ?? "";
        if (text.Length == 0)
        {
            errors.Add(BlacklistErrors.Required.At("identifier", line, new LocalizedText("证件号码", "identifier")));
            return (null, "");
        }
        BlacklistIdentifierKind? kind = kindText switch
        {
            "" => Guess(text, today),
            "统一社会信用代码" or "单位" or "USCC" or "uscc" => BlacklistIdentifierKind.Uscc,
            "居民身份证号码" or "身份证" or "身份证号码" or "个人" or "ID" or "id" => BlacklistIdentifierKind.ResidentId,
            _ => null,
        };
        if (kind is null)
        {
            errors.Add(BlacklistErrors.KindUnknown.At("kind", line, kindText));
            return (null, text);
        }
        var findings = kind == BlacklistIdentifierKind.Uscc ? Uscc.Check(text, "identifier") : ResidentId.Check(text, today, "identifier");
        var normalised = BlacklistEntry.NormalizeIdentifier(kind.Value, text);
        // An ID number that fails its check is never shown whole again, even in the refusal.
        if (findings.Count > 0)
            errors.Add(BlacklistErrors.IdentifierInvalid.At("identifier", line, new LocalizedText(
                findings[0].Message(CultureInfo.GetCultureInfo("zh-CN")), findings[0].Message(CultureInfo.GetCultureInfo("en-US")))));
        return (kind, normalised);
    }

    // Without a kind column: what the identifier passes as, or else what it looks like (17 digits and a
    // digit or X, not starting as a USCC of 民政 or 工商 does).
    static BlacklistIdentifierKind Guess(string text, DateOnly today)
    {
        if (ResidentId.Check(text, today).Count == 0) return BlacklistIdentifierKind.ResidentId;
        if (Uscc.Check(text).Count == 0) return BlacklistIdentifierKind.Uscc;
        var id = ResidentId.Normalize(text);
        return id.Length == 18 && id[..17].All(char.IsAsciiDigit) && (char.IsAsciiDigit(id[17]) || id[17] == 'X') && id[0] is not ('5' or '9')
            ? BlacklistIdentifierKind.ResidentId : BlacklistIdentifierKind.Uscc;
    }

    static string Required(int line, string value, string field, LocalizedText label, List<RuleError> errors)
    {
        if (value.Length == 0) errors.Add(BlacklistErrors.Required.At(field, line, label));
        else if (value.Length > MaxText) errors.Add(BlacklistErrors.TextTooLong.At(field, line, label, MaxText));
        return value.Length > MaxText ? value[..MaxText] : value;
    }

    static readonly string[] DateFormats = ["yyyy-MM-dd", "yyyy-M-d", "yyyy/M/d", "yyyy.M.d", "yyyy年M月d日", "yyyyMMdd"];
    static readonly DateOnly Earliest = new(1990, 1, 1), Latest = new(2100, 12, 31);

    static DateOnly? Day(int line, object? cell, string field, LocalizedText label, bool required, List<RuleError> errors)
    {
        DateOnly? day = cell switch
        {
            DateTime d => DateOnly.FromDateTime(d),
            double oa when oa is > 0 and < 2958466 => DateOnly.FromDateTime(DateTime.FromOADate(oa)),
            _ => null,
        };
        var text = cell is DateTime or double ? "" : Convert.ToString(cell, CultureInfo.InvariantCulture)?.Trim() ?? "";
        if (day is null && text.Length > 0)
        {
            if (DateOnly.TryParseExact(text.Split(' ')[0], DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed)) day = parsed;
            else
            {
                errors.Add(BlacklistErrors.DateInvalid.At(field, line, label, text));
                return null;
            }
        }
        if (day is null)
        {
            if (required) errors.Add(BlacklistErrors.Required.At(field, line, label));
            return null;
        }
        if (day < Earliest || day > Latest)
        {
            errors.Add(BlacklistErrors.DateOutOfRange.At(field, line, label, Iso(day.Value), Iso(Earliest), Iso(Latest)));
            return null;
        }
        return day;
    }

    static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    static RuleError? WhyNotExpanded(byte[] bytes)
    {
        var buffer = new byte[64 * 1024];
        using var zip = new ZipArchive(new MemoryStream(bytes, writable: false), ZipArchiveMode.Read);
        long total = 0;
        foreach (var entry in zip.Entries)
        {
            using var stream = entry.Open();
            int read;
            while ((read = stream.Read(buffer, 0, buffer.Length)) > 0)
                if ((total += read) > MaxExpandedBytes)
                    return BlacklistErrors.FileExpandsTooLarge.At("file", MaxExpandedBytes / 1024 / 1024);
        }
        return null;
    }

    // Text that is not valid UTF-8 is read as GB18030, what Excel on Chinese Windows writes.
    static string Decode(byte[] bytes)
    {
        try { return new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes).TrimStart('\uFEFF'); }
        catch (DecoderFallbackException)
        {
            Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
            return Encoding.GetEncoding("GB18030").GetString(bytes);
        }
    }

    /// <summary>CSV (RFC 4180 quotes) or, when the header has a tab, TSV; the first line is the header.</summary>
    static List<Dictionary<string, object?>> ReadDelimited(string text)
    {
        var records = new List<List<string>>();
        var header = text.AsSpan(0, Math.Max(0, text.IndexOf('\n') is var n and >= 0 ? n : text.Length));
        var separator = header.Contains('\t') ? '\t' : ',';
        var (field, record, quoted) = (new StringBuilder(), new List<string>(), false);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"') { field.Append('"'); i++; }
                else if (c == '"') quoted = false;
                else field.Append(c);
            }
            else if (c == '"' && field.Length == 0) quoted = true;
            else if (c == separator) { record.Add(field.ToString()); field.Clear(); }
            else if (c is '\n' or '\r')
            {
                if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n') i++;
                record.Add(field.ToString());
                field.Clear();
                records.Add(record);
                record = [];
                if (records.Count > MaxRows + 1) break;
            }
            else field.Append(c);
        }
        if (field.Length > 0 || record.Count > 0) { record.Add(field.ToString()); records.Add(record); }
        if (records.Count == 0) return [];
        var names = records[0].Select(h => Headers.GetValueOrDefault(h.Trim())).ToList();
        return records.Skip(1).Select(r => names.Select((key, i) => (key, value: i < r.Count ? r[i] : null))
                .Where(p => p.key is not null).GroupBy(p => p.key!).ToDictionary(g => g.Key, g => (object?)g.First().value))
            .ToList();
    }
}
