using System.Text.RegularExpressions;
using Jiebang.Domain.Rules;

namespace Jiebang.Domain.Identifiers;

/// <summary>Interim mainland phone check; replaced by the full version on the identifiers branch.</summary>
public static partial class PhoneNumber
{
    public static string Normalize(string? input) =>
        new string((input ?? "").Where(c => !char.IsWhiteSpace(c)).ToArray());

    public static IReadOnlyList<RuleError> Check(string? input, string field = "phone")
    {
        var phone = Normalize(input);
        if (phone.Length == 0) return [RuleError.Of("PHONE_REQUIRED", field, "")];
        return Mobile().IsMatch(phone) || Landline().IsMatch(phone) ? [] : [RuleError.Of("PHONE_FORMAT", field, "", phone)];
    }

    public static string Mask(string phone) => phone.Length <= 7 ? "****" : phone[..3] + "****" + phone[^4..];

    [GeneratedRegex(@"^1[3-9]\d{9}$")] private static partial Regex Mobile();
    [GeneratedRegex(@"^0\d{2,3}-?\d{7,8}$")] private static partial Regex Landline();
}
