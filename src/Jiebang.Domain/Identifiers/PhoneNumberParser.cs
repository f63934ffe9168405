using System.Text;
using Jiebang.Domain.Rules;

namespace Jiebang.Domain.Identifiers;

/// <summary>Reads the ways people write a phone number: spaces, hyphens, brackets, +86, full width.</summary>
static class PhoneNumberParser
{
    static readonly string[] ExtensionMarkers = ["分机", "转", "ext.", "ext", "x", "#"];

    /// <summary>Null and a phone when the input is a number; otherwise the first rule it breaks.</summary>
    public static RuleError? Parse(string? input, string field, out PhoneNumber? phone)
    {
        phone = null;
        var text = Fold(input ?? "");
        if (text.Length == 0) return IdentifierErrors.PhoneRequired.At(field);

        var extension = SplitExtension(ref text);
        var international = false;
        if (text.StartsWith('+'))
        {
            if (!text.StartsWith("+86", StringComparison.Ordinal))
                return IdentifierErrors.PhoneNotMainland.At(field, text);
            (text, international) = (text[3..], true);
        }
        else if (text.StartsWith("0086", StringComparison.Ordinal)) (text, international) = (text[4..], true);

        var groups = text.Split('-', StringSplitOptions.RemoveEmptyEntries);
        var digits = string.Concat(groups);
        foreach (var c in digits)
            if (!char.IsAsciiDigit(c)) return IdentifierErrors.PhoneCharacter.At(field, c);
        if (digits.Length == 0) return IdentifierErrors.PhoneRequired.At(field);
        if (digits.Length == 13 && digits.StartsWith("861", StringComparison.Ordinal)) digits = digits[2..];
        // Dialled from abroad a landline loses the trunk prefix 0: +86 571 8765 4321.
        else if (international && digits[0] != '1' && digits[0] != '0') digits = "0" + digits;

        if (digits[0] == '1') return Mobile(digits, extension, field, out phone);
        if (digits[0] != '0') return IdentifierErrors.PhoneAreaCodeMissing.At(field);

        // A last hyphenated group after a complete number is an extension: 0571-87654321-8001.
        if (extension is null && groups.Length > 1 && IsLocalLength(digits.Length - groups[^1].Length - AreaCodeLength(digits)))
            (digits, extension) = (digits[..^groups[^1].Length], groups[^1]);
        return Landline(digits, extension, field, out phone);
    }

    static RuleError? Mobile(string digits, string? extension, string field, out PhoneNumber? phone)
    {
        phone = null;
        if (digits.Length != 11) return IdentifierErrors.PhoneMobileLength.At(field, digits.Length);
        if (digits[1] is < '3' or > '9') return IdentifierErrors.PhoneMobilePrefix.At(field, digits[..3]);
        if (extension is not null) return IdentifierErrors.PhoneMobileExtension.At(field);
        phone = new PhoneNumber(PhoneKind.Mobile, "", digits, null);
        return null;
    }

    static RuleError? Landline(string digits, string? extension, string field, out PhoneNumber? phone)
    {
        phone = null;
        var areaLength = AreaCodeLength(digits);
        if (areaLength == 0)
            return IdentifierErrors.PhoneAreaCode.At(field, digits[..Math.Min(4, digits.Length)]);
        var local = digits[areaLength..];
        if (!IsLocalLength(local.Length)) return IdentifierErrors.PhoneLandlineLength.At(field, local.Length);
        // Local numbers never begin with 0 (trunk prefix) or 1 (special services).
        if (local[0] is '0' or '1') return IdentifierErrors.PhoneLocalNumber.At(field, local);
        if (extension is not null && (extension.Length is 0 or > 6 || !extension.All(char.IsAsciiDigit)))
            return IdentifierErrors.PhoneExtension.At(field, extension);
        phone = new PhoneNumber(PhoneKind.Landline, digits[..areaLength], local, extension);
        return null;
    }

    // 010 (Beijing) and 020–029 have three digits; every other area code 0[3-9]xx has four.
    static int AreaCodeLength(string digits) => digits switch
    {
        ['0', '1', '0', ..] or ['0', '2', ..] => 3,
        ['0', >= '3' and <= '9', _, _, ..] => 4,
        _ => 0,
    };

    static bool IsLocalLength(int length) => length is 7 or 8;

    static string? SplitExtension(ref string text)
    {
        foreach (var marker in ExtensionMarkers)
        {
            var at = text.IndexOf(marker, StringComparison.OrdinalIgnoreCase);
            if (at <= 0) continue;
            var extension = text[(at + marker.Length)..].Replace("-", "");
            text = text[..at].TrimEnd('-');
            return extension;
        }
        return null;
    }

    // Full-width forms to ASCII, every dash to '-', and spaces and brackets dropped.
    static string Fold(string input)
    {
        var sb = new StringBuilder();
        foreach (var raw in input)
        {
            var c = raw is >= '\uFF01' and <= '\uFF5E' ? (char)(raw - 0xFEE0) : raw;
            if (char.IsWhiteSpace(c) || c is '(' or ')') continue;
            sb.Append(c is '\u2010' or '\u2011' or '\u2012' or '\u2013' or '\u2014' or '\u2212' or '\uFE63' ? '-' : c);
        }
        return sb.ToString();
    }
}
