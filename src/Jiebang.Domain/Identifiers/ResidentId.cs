using System.Globalization;
using System.Text;
using Jiebang.Domain.Rules;

namespace Jiebang.Domain.Identifiers;

/// <summary>
/// A citizen identity number (公民身份号码) checked against GB 11643-1999: six address digits,
/// the birth date yyyyMMdd, a three-digit sequence and a check character. Personal information
/// under the PIPL: store it encrypted and show <see cref="Mask"/> unless a reveal is logged.
/// </summary>
public sealed record ResidentId
{
    const string CheckCharacters = "10X98765432";
    static readonly int[] Weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];

    ResidentId(string value) => Value = value;

    /// <summary>The normalised 18-character number.</summary>
    public string Value { get; }

    public string AddressCode => Value[..6];

    public DateOnly BirthDate => ParseBirthDate(Value.AsSpan(6, 8))!.Value;

    /// <summary>§5.4: the sequence's last digit (digit 17) is odd for men and even for women.</summary>
    public bool IsMale => (Value[16] - '0') % 2 == 1;

    /// <summary>The first four and last four characters, as shown on screens: 3301**********064X.</summary>
    public string Mask() => Mask(Value);

    /// <summary>Masks a stored number for display (3301**********064X); anything else shows as ****.</summary>
    public static string Mask(string value) => value.Length == 18
        ? string.Concat(value.AsSpan(0, 4), new string('*', 10), value.AsSpan(14, 4))
        : "****";

    /// <summary>Trims, drops spaces, folds full-width forms to ASCII and upper-cases x.</summary>
    public static string Normalize(string? input)
    {
        var sb = new StringBuilder();
        foreach (var raw in input ?? "")
        {
            var c = raw is >= '\uFF01' and <= '\uFF5E' ? (char)(raw - 0xFEE0) : raw;
            if (char.IsWhiteSpace(c)) continue;
            sb.Append(c == 'x' ? 'X' : c);
        }
        return sb.ToString();
    }

    /// <summary>
    /// The first rule the number breaks, in the order of the standard; empty when valid.
    /// <paramref name="today"/> is the date in China, passed in so that the check never reads the clock.
    /// </summary>
    public static IReadOnlyList<RuleError> Check(string? input, DateOnly today, string field = "residentId")
    {
        var id = Normalize(input);
        if (id.Length == 0) return [IdentifierErrors.IdRequired.At(field)];
        // First-generation cards (GB 11643-1989) carried 15 digits and no check character; they
        // were replaced by 2013, so the holder has an 18-digit number to give.
        if (id.Length == 15 && id.All(char.IsAsciiDigit))
            return [IdentifierErrors.IdFirstGeneration.At(field)];
        if (id.Length != 18) return [IdentifierErrors.IdLength.At(field, id.Length)];
        for (var i = 0; i < 18; i++)
            if (!char.IsAsciiDigit(id[i]) && !(i == 17 && id[i] == 'X'))
                return [IdentifierErrors.IdCharacter.At(field, i + 1, id[i])];

        // Only the province is checked: counties merge and split, but a number keeps its old code.
        if (!Uscc.ProvinceCodes.Contains(int.Parse(id.AsSpan(0, 2), CultureInfo.InvariantCulture)))
            return [IdentifierErrors.IdProvince.At(field, id[..2])];
        var birth = ParseBirthDate(id.AsSpan(6, 8));
        if (birth is null) return [IdentifierErrors.IdBirthDate.At(field, id.Substring(6, 8))];
        if (birth > today)
            return [IdentifierErrors.IdBirthDateFuture.At(field, birth.Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))];

        var check = CheckCharacter(id.AsSpan(0, 17));
        if (check != id[17]) return [IdentifierErrors.IdCheck.At(field, id[17], check)];
        return [];
    }

    public static bool TryParse(string? input, DateOnly today, out ResidentId? id)
    {
        id = Check(input, today).Count == 0 ? new ResidentId(Normalize(input)) : null;
        return id is not null;
    }

    /// <summary>§5.5 (ISO 7064 MOD 11-2): "10X98765432"[Σ digit × weight mod 11].</summary>
    public static char CheckCharacter(ReadOnlySpan<char> first17)
    {
        var sum = 0;
        for (var i = 0; i < 17; i++) sum += (first17[i] - '0') * Weights[i];
        return CheckCharacters[sum % 11];
    }

    static DateOnly? ParseBirthDate(ReadOnlySpan<char> yyyyMMdd) =>
        DateOnly.TryParseExact(yyyyMMdd, "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date : null;

    /// <summary>The masked form, so that logs and exception texts never carry the whole number.</summary>
    public override string ToString() => Mask();
}
