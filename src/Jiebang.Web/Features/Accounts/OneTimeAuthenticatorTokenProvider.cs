using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using Jiebang.Web.Data;
using Microsoft.AspNetCore.Identity;

namespace Jiebang.Web.Features.Accounts;

/// <summary>
/// RFC 6238 authenticator codes (SHA-1, 30 s, 6 digits, one step either side), each accepted once:
/// the last time step used is kept with the user, and a code of that step or an earlier one is
/// refused, so a code seen over a shoulder or in a proxy log cannot be used again.
/// </summary>
public sealed class OneTimeAuthenticatorTokenProvider : IUserTwoFactorTokenProvider<JiebangUser>
{
    public const string Name = "JiebangAuthenticator";
    const string Store = "[Jiebang]", LastStep = "TotpLastStep";

    public async Task<bool> CanGenerateTwoFactorTokenAsync(UserManager<JiebangUser> manager, JiebangUser user) =>
        !string.IsNullOrWhiteSpace(await manager.GetAuthenticatorKeyAsync(user));

    public Task<string> GenerateAsync(string purpose, UserManager<JiebangUser> manager, JiebangUser user) => Task.FromResult("");

    public async Task<bool> ValidateAsync(string purpose, string token, UserManager<JiebangUser> manager, JiebangUser user)
    {
        if (await manager.GetAuthenticatorKeyAsync(user) is not { Length: > 0 } key || token.Length != 6 || !token.All(char.IsAsciiDigit))
            return false;
        if (StepOf(FromBase32(key), token) is not { } step) return false;
        var last = long.TryParse(await manager.GetAuthenticationTokenAsync(user, Store, LastStep), CultureInfo.InvariantCulture, out var l) ? l : long.MinValue;
        if (step <= last) return false;
        // Two requests racing with one code: the user's concurrency stamp lets only one of them store its step.
        return (await manager.SetAuthenticationTokenAsync(user, Store, LastStep, step.ToString(CultureInfo.InvariantCulture))).Succeeded;
    }

    /// <summary>Whether the code is right but was used already: to tell the person to wait for the next one.</summary>
    public static async Task<bool> WasUsedAsync(UserManager<JiebangUser> manager, JiebangUser user, string token)
    {
        if (await manager.GetAuthenticatorKeyAsync(user) is not { Length: > 0 } key || token.Length != 6 || !token.All(char.IsAsciiDigit))
            return false;
        var last = long.TryParse(await manager.GetAuthenticationTokenAsync(user, Store, LastStep), CultureInfo.InvariantCulture, out var l) ? l : long.MinValue;
        return StepOf(FromBase32(key), token) is { } step && step <= last;
    }

    // Authenticator apps run on real time, as Identity's own provider does.
    static long? StepOf(byte[] key, string token)
    {
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds() / 30;
        for (var step = now - 1; step <= now + 1; step++)
            if (CryptographicOperations.FixedTimeEquals(System.Text.Encoding.ASCII.GetBytes(Code(key, step)), System.Text.Encoding.ASCII.GetBytes(token)))
                return step;
        return null;
    }

    static string Code(byte[] key, long step)
    {
        Span<byte> counter = stackalloc byte[8];
        BinaryPrimitives.WriteInt64BigEndian(counter, step);
        var hash = HMACSHA1.HashData(key, counter);
        var offset = hash[^1] & 0x0F;
        var binary = (BinaryPrimitives.ReadInt32BigEndian(hash.AsSpan(offset)) & 0x7FFFFFFF) % 1_000_000;
        return binary.ToString("D6", CultureInfo.InvariantCulture);
    }

    static byte[] FromBase32(string input)
    {
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var output = new List<byte>();
        int bits = 0, value = 0;
        foreach (var c in input.TrimEnd('=').ToUpperInvariant())
        {
            var index = alphabet.IndexOf(c);
            if (index < 0) continue;
            value = (value << 5) | index;
            bits += 5;
            if (bits < 8) continue;
            output.Add((byte)(value >> (bits - 8)));
            bits -= 8;
        }
        return [.. output];
    }
}
