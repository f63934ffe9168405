using Jiebang.Domain.Identifiers;
using Microsoft.AspNetCore.DataProtection;

namespace Jiebang.Web.Features.PersonalData;

/// <summary>
/// Encrypts ID-card and phone numbers at rest (PIPL). Keys live in the database through
/// ASP.NET Core Data Protection, so every instance of the app shares them.
/// </summary>
public sealed class PersonalDataProtector(IDataProtectionProvider provider)
{
    readonly IDataProtector _protector = provider.CreateProtector("Jiebang.PersonalData.v1");

    public string Protect(string clear) => clear.Length == 0 ? "" : _protector.Protect(clear);

    public string Unprotect(string protectedValue) =>
        protectedValue.Length == 0 ? "" : _protector.Unprotect(protectedValue);

    /// <summary>The clear text, or null when the value is not one this platform encrypted (or its key is gone).</summary>
    public string? TryUnprotect(string protectedValue)
    {
        try { return Unprotect(protectedValue); }
        catch (System.Security.Cryptography.CryptographicException) { return null; }
    }

    /// <summary>Masked for display: 138****5678; anything unreadable shows as ****.</summary>
    public string MaskedPhone(string protectedValue)
    {
        var clear = Unprotect(protectedValue);
        return clear.Length == 0 ? "" : Mask(clear);
    }

    public static string Mask(string clear) =>
        PhoneNumber.TryParse(clear, out var phone) ? phone!.Mask()
        : clear.Length <= 4 ? "****" : clear[..3] + new string('*', Math.Max(4, clear.Length - 7)) + clear[^4..];
}
