using Microsoft.EntityFrameworkCore;

namespace Jiebang.Web.Data;

/// <summary>
/// Failed sign-ins of one account name (known or not) or one account's TOTP codes, counted in the
/// database so that every instance behind the proxy slows the same guesser down
/// (<see cref="Features.Accounts.SignInThrottle"/>). A row is forgotten 15 quiet minutes after its last failure.
/// </summary>
public sealed class SignInFailure
{
    public const int MaxAccountLength = 300;

    public string Account { get; set; } = "";
    public int Failures { get; set; }
    /// <summary>UTC ticks of the last failure: plain integers compare alike on every provider.</summary>
    public long LastTicks { get; set; }

    public static void Configure(ModelBuilder builder) => builder.Entity<SignInFailure>(failure =>
    {
        failure.HasKey(f => f.Account);
        failure.Property(f => f.Account).HasMaxLength(MaxAccountLength);
        failure.HasIndex(f => f.LastTicks);
    });
}
