using System.Text;
using Jiebang.Domain.Rules;

namespace Jiebang.Domain.Identifiers;

/// <summary>
/// A unified social credit code (统一社会信用代码) checked against GB 32100-2015,
/// including the GB 11714 organisation-code check digit at position 17.
/// </summary>
public sealed record Uscc(string Value)
{
    public const string Alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    static readonly int[] CheckWeights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
    static readonly int[] OrgCodeWeights = [3, 7, 9, 10, 5, 8, 4, 2];

    // Table 3: the organisation types allowed under each registration authority.
    static readonly Dictionary<char, string> TypesByAuthority = new()
    {
        ['1'] = "1239", ['5'] = "1239", ['9'] = "123", ['Y'] = "1",
    };

    public char RegistrationAuthority => Value[0];
    public char OrganisationType => Value[1];
    public string DivisionCode => Value.Substring(2, 6);
    public string OrganisationCode => Value.Substring(8, 9);

    /// <summary>Prefix 11: a government organ (机关), which can never be an applicant.</summary>
    public bool IsGovernmentOrgan => Value.StartsWith("11", StringComparison.Ordinal);

    /// <summary>Positions 3–4 are 33: registered by a Zhejiang office.</summary>
    public bool IsRegisteredInZhejiang => Value.AsSpan(2, 2).SequenceEqual("33");

    /// <summary>Trims, drops spaces and hyphens, folds full-width forms and upper-cases.</summary>
    public static string Normalize(string? input)
    {
        var sb = new StringBuilder();
        foreach (var raw in input ?? "")
        {
            var c = raw is >= '\uFF01' and <= '\uFF5E' ? (char)(raw - 0xFEE0) : raw;
            if (char.IsWhiteSpace(c) || c is '-' or '\u2014' or '\u2013' or '\u3000') continue;
            sb.Append(char.ToUpperInvariant(c));
        }
        return sb.ToString();
    }

    /// <summary>Every rule the code breaks, in the order of the standard; empty when valid.</summary>
    public static IReadOnlyList<RuleError> Check(string? input, string field = "uscc")
    {
        var code = Normalize(input);
        if (code.Length == 0) return [IdentifierErrors.UsccRequired.At(field)];
        if (code.Length != 18) return [IdentifierErrors.UsccLength.At(field, code.Length)];
        for (var i = 0; i < code.Length; i++)
            if (Alphabet.IndexOf(code[i]) < 0)
                return [IdentifierErrors.UsccCharacter.At(field, i + 1, code[i])];

        if (!TypesByAuthority.TryGetValue(code[0], out var types))
            return [IdentifierErrors.UsccAuthority.At(field, code[0])];
        if (!types.Contains(code[1]))
            return [IdentifierErrors.UsccOrgType.At(field, code[1], code[0])];
        if (!DivisionCodeLooksValid(code.AsSpan(2, 6)))
            return [IdentifierErrors.UsccDivision.At(field, code.Substring(2, 6))];

        var orgCheck = OrganisationCodeCheckDigit(code.AsSpan(8, 8));
        if (orgCheck != code[16])
            return [IdentifierErrors.UsccOrgCodeCheck.At(field, code.Substring(8, 9), orgCheck)];

        var check = CheckCharacter(code.AsSpan(0, 17));
        if (check != code[17])
            return [IdentifierErrors.UsccCheck.At(field, code[17], check)];
        return [];
    }

    public static bool TryParse(string? input, out Uscc? uscc)
    {
        uscc = Check(input).Count == 0 ? new Uscc(Normalize(input)) : null;
        return uscc is not null;
    }

    /// <summary>Position 18: alphabet[(31 − Σ(value × 3^(i−1) mod 31) mod 31) mod 31].</summary>
    public static char CheckCharacter(ReadOnlySpan<char> first17)
    {
        var sum = 0;
        for (var i = 0; i < 17; i++) sum += Alphabet.IndexOf(first17[i]) * CheckWeights[i];
        return Alphabet[(31 - sum % 31) % 31];
    }

    /// <summary>GB 11714: C9 = 11 − (Σ C_i × W_i mod 11); 10 is X and 11 is 0.</summary>
    public static char OrganisationCodeCheckDigit(ReadOnlySpan<char> first8)
    {
        var sum = 0;
        for (var i = 0; i < 8; i++)
        {
            var c = first8[i];
            var value = char.IsDigit(c) ? c - '0' : c - 'A' + 10;
            sum += value * OrgCodeWeights[i];
        }
        return (11 - sum % 11) switch { 10 => 'X', 11 => '0', var d => (char)('0' + d) };
    }

    // Six digits whose first two name a province-level division (GB/T 2260) or 10, the
    // code national-level registration offices use.
    static bool DivisionCodeLooksValid(ReadOnlySpan<char> division)
    {
        foreach (var c in division) if (!char.IsAsciiDigit(c)) return false;
        var province = int.Parse(division[..2]);
        return province == 10 || ProvinceCodes.Contains(province);
    }

    internal static readonly HashSet<int> ProvinceCodes =
    [
        11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42, 43, 44, 45, 46,
        50, 51, 52, 53, 54, 61, 62, 63, 64, 65, 71, 81, 82,
    ];

    public override string ToString() => Value;
}
