using System.Collections.Concurrent;
using Jiebang.Domain.Rules;
using Jiebang.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Jiebang.Web.Features.Accounts;

/// <summary>
/// Slows down guessing without turning away people who sign in correctly. Only failures count.
/// Per account name (known or not, so that the answer tells nothing): after five failures each
/// further try waits 30 s, then 1, 2, 4, 8 and at most 15 minutes after the last failure, and the
/// count is forgotten after 15 quiet minutes; nobody can lock an account for good. These counts
/// are rows of <see cref="SignInFailure"/> in the database, so they hold across every instance.
/// Per address: past <c>RateLimits:FailedSignInsPerAddressPerMinute</c> failures (30) in a minute
/// the address waits for the next minute; a crowd behind one NAT that types its passwords right
/// never does. That count is kept in each instance's memory (the proxy's <c>limit_req</c> is the
/// per-address limit across instances, see docs/operations.md).
/// </summary>
public sealed class SignInThrottle(TimeProvider clock, IConfiguration configuration, SignInAddressFailures addresses, JiebangDbContext db)
{
    const int FreeFailures = 5;
    static readonly TimeSpan FirstDelay = TimeSpan.FromSeconds(30), MaxDelay = TimeSpan.FromMinutes(15);
    readonly int _perAddress = configuration.GetValue("RateLimits:FailedSignInsPerAddressPerMinute", 30);

    /// <summary>Why this try is not even checked now, or null.</summary>
    public async Task<RuleError?> WhyNotTryAsync(string account, string address, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        if (addresses.FailuresThisMinute(address, Minute(now)) >= _perAddress)
            return AccountErrors.AddressThrottled.At("", Seconds(TimeSpan.FromMinutes(1) - TimeSpan.FromTicks(now.UtcTicks % TimeSpan.TicksPerMinute)));
        var key = Key(account);
        var f = await db.SignInFailures.AsNoTracking().Where(f => f.Account == key)
            .Select(f => new { f.Failures, f.LastTicks }).SingleOrDefaultAsync(cancellationToken);
        if (f is not null && f.Failures >= FreeFailures)
        {
            var until = new DateTimeOffset(f.LastTicks, TimeSpan.Zero) + Delay(f.Failures);
            if (now < until) return AccountErrors.Throttled.At("", Seconds(until - now));
        }
        return null;
    }

    public async Task FailedAsync(string account, string address, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow().UtcTicks;
        var key = Key(account);
        // One statement, so that two instances counting the same name at once both count.
        await db.Database.ExecuteSqlInterpolatedAsync($"""
            INSERT INTO "SignInFailures" ("Account", "Failures", "LastTicks") VALUES ({key}, 1, {now})
            ON CONFLICT ("Account") DO UPDATE SET
                "Failures" = CASE WHEN {now} - "SignInFailures"."LastTicks" > {MaxDelay.Ticks} THEN 1 ELSE "SignInFailures"."Failures" + 1 END,
                "LastTicks" = {now}
            """, cancellationToken);
        var forgotten = now - MaxDelay.Ticks;
        await db.SignInFailures.Where(f => f.LastTicks < forgotten).ExecuteDeleteAsync(cancellationToken);
        addresses.Failed(address, Minute(clock.GetUtcNow()));
    }

    public async Task SucceededAsync(string account, CancellationToken cancellationToken = default)
    {
        var key = Key(account);
        await db.SignInFailures.Where(f => f.Account == key).ExecuteDeleteAsync(cancellationToken);
    }

    // Names are compared without case, as Identity finds users.
    static string Key(string account)
    {
        var key = account.ToUpperInvariant();
        return key.Length > SignInFailure.MaxAccountLength ? key[..SignInFailure.MaxAccountLength] : key;
    }

    static TimeSpan Delay(int failures) =>
        TimeSpan.FromTicks(Math.Min(MaxDelay.Ticks, FirstDelay.Ticks << Math.Min(10, failures - FreeFailures)));

    static long Minute(DateTimeOffset at) => at.UtcTicks / TimeSpan.TicksPerMinute;

    static int Seconds(TimeSpan wait) => Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));
}

/// <summary>Failed sign-ins per client address in the current minute, in this instance's memory.</summary>
public sealed class SignInAddressFailures
{
    readonly ConcurrentDictionary<string, (int Failures, long Minute)> _addresses = new();

    public int FailuresThisMinute(string address, long minute) =>
        _addresses.TryGetValue(address, out var a) && a.Minute == minute ? a.Failures : 0;

    public void Failed(string address, long minute)
    {
        _addresses.AddOrUpdate(address, _ => (1, minute), (_, a) => a.Minute == minute ? (a.Failures + 1, a.Minute) : (1, minute));
        if (_addresses.Count > 100_000)
            foreach (var (key, a) in _addresses) if (a.Minute != minute) _addresses.TryRemove(key, out _);
    }
}
