using System.Text;
using Jiebang.Domain.Rules;

namespace Jiebang.Domain.Identifiers;

public enum PhoneKind { Mobile, Landline }

/// <summary>
/// A mainland China telephone number under the MIIT numbering plan (电信网编号计划, 2017): an
/// 11-digit mobile number starting 13–19, or a landline with its 3- or 4-digit area code, a
/// 7- or 8-digit local number and an optional extension.
/// </summary>
public sealed record PhoneNumber
{
    internal PhoneNumber(PhoneKind kind, string areaCode, string number, string? extension) =>
        (Kind, AreaCode, Number, Extension) = (kind, areaCode, number, extension);

    public PhoneKind Kind { get; }

    /// <summary>"0571", "010"; empty for a mobile number.</summary>
    public string AreaCode { get; }

    /// <summary>The 11 mobile digits, or the local number without area code.</summary>
    public string Number { get; }

    public string? Extension { get; }

    public bool IsMobile => Kind == PhoneKind.Mobile;

    /// <summary>The canonical form: 13812345678, 0571-87654321, 0571-87654321-8001.</summary>
    public string Value => Kind == PhoneKind.Mobile ? Number : Join(AreaCode, Number, Extension);

    /// <summary>
    /// Hides the four digits that identify the subscriber within the exchange: 138****5678;
    /// a landline keeps its area code and the local number's last 3–4 digits: 0571-****4321.
    /// </summary>
    public string Mask() => Kind == PhoneKind.Mobile
        ? string.Concat(Number.AsSpan(0, 3), "****", Number.AsSpan(7))
        : Join(AreaCode, "****" + Number[4..], Extension);

    /// <summary>Findings for the input; empty when it is a mainland mobile or landline number.</summary>
    /// <summary>The same findings, named by the field's own label (联系电话, 联系方式).</summary>
    public static IReadOnlyList<RuleError> Check(string? input, string field, LocalizedText label) =>
        Check(input, field).Select(e => e with { Label = label }).ToList();

    public static IReadOnlyList<RuleError> Check(string? input, string field = "phone") =>
        PhoneNumberParser.Parse(input, field, out _) is { } error ? [error] : [];

    public static bool TryParse(string? input, out PhoneNumber? phone) =>
        PhoneNumberParser.Parse(input, "phone", out phone) is null;

    /// <summary>The canonical form of a valid number, or the input trimmed when it is not one.</summary>
    public static string Normalize(string? input) =>
        TryParse(input, out var phone) ? phone!.Value : (input ?? "").Trim();

    static string Join(string areaCode, string number, string? extension)
    {
        var sb = new StringBuilder(areaCode).Append('-').Append(number);
        if (extension is not null) sb.Append('-').Append(extension);
        return sb.ToString();
    }

    public override string ToString() => Value;
}
