using System.Globalization;
using System.Text.RegularExpressions;
using Jiebang.Domain.Rules;

namespace Jiebang.Domain.Forms;

/// <summary>Written formats: an e-mail address, and a date as ISO 8601 (2024-04-15).</summary>
static partial class FormatRule
{
    // One @, no spaces, a dot in the domain: what a mail server will take, without quoting rules.
    [GeneratedRegex(@"^[^@\s]+@[^@\s.]+(\.[^@\s.]+)+$")]
    private static partial Regex Email();

    public static void CheckEmail(string path, LocalizedText label, string text, Findings findings)
    {
        if (!Email().IsMatch(text.Trim())) findings.Error(FormErrors.EmailFormat, path, label, text.Trim());
    }

    public static void CheckDate(string path, LocalizedText label, string text, Findings findings)
    {
        if (!DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
            findings.Error(FormErrors.DateFormat, path, label, text.Trim());
    }
}
