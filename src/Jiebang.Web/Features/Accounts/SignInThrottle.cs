using System.Collections.Concurrent;
using Jiebang.Domain.Rules;

namespace Jiebang.Web.Features.Accounts;

/// <summary>
/// Slows down guessing without turning away people who sign in correctly. Only failures count.
/// Per account name (known or not, so that the answer tells nothing): after five failures each
/// further try waits 30 s, then 1, 2, 4, 8 and at most 15 minutes after the last failure, and the
/// count is forgotten after 15 quiet minutes; nobody can lock an account for good. Per address:
/// past <c>RateLimits:FailedSignInsPerAddressPerMinute</c> failures (30) in a minute the address
/// waits for the next minute; a crowd behind one NAT that types its passwords right never does.
/// Kept in each instance's memory.
/// </summary>
public sealed class SignInThrottle(TimeProvider clock, IConfiguration configuration)
{
    const int FreeFailures = 5;
    static readonly TimeSpan FirstDelay = TimeSpan.FromSeconds(30), MaxDelay = TimeSpan.FromMinutes(15);
    readonly int _perAddress = configuration.GetValue("RateLimits:FailedSignInsPerAddressPerMinute", 30);
    readonly ConcurrentDictionary<string, (int Failures, DateTimeOffset Last)> _accounts = new(StringComparer.OrdinalIgnoreCase);
    readonly ConcurrentDictionary<string, (int Failures, long Minute)> _addresses = new();

    /// <summary>Why this try is not even checked now, or null.</summary>
    public RuleError? WhyNotTry(string account, string address)
    {
        var now = clock.GetUtcNow();
        if (_addresses.TryGetValue(address, out var a) && a.Minute == Minute(now) && a.Failures >= _perAddress)
            return AccountErrors.AddressThrottled.At("", Seconds(TimeSpan.FromMinutes(1) - TimeSpan.FromTicks(now.UtcTicks % TimeSpan.TicksPerMinute)));
        if (_accounts.TryGetValue(account, out var f) && f.Failures >= FreeFailures)
        {
            var until = f.Last + Delay(f.Failures);
            if (now < until) return AccountErrors.Throttled.At("", Seconds(until - now));
        }
        return null;
    }

    public void Failed(string account, string address)
    {
        var now = clock.GetUtcNow();
        _accounts.AddOrUpdate(account, _ => (1, now), (_, f) => (now - f.Last > MaxDelay ? 1 : f.Failures + 1, now));
        _addresses.AddOrUpdate(address, _ => (1, Minute(now)), (_, a) => a.Minute == Minute(now) ? (a.Failures + 1, a.Minute) : (1, Minute(now)));
        if (_addresses.Count > 100_000) Forget(now);
    }

    public void Succeeded(string account) => _accounts.TryRemove(account, out _);

    static TimeSpan Delay(int failures) =>
        TimeSpan.FromTicks(Math.Min(MaxDelay.Ticks, FirstDelay.Ticks << Math.Min(10, failures - FreeFailures)));

    static long Minute(DateTimeOffset at) => at.UtcTicks / TimeSpan.TicksPerMinute;

    static int Seconds(TimeSpan wait) => Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));

    void Forget(DateTimeOffset now)
    {
        foreach (var (key, a) in _addresses) if (a.Minute != Minute(now)) _addresses.TryRemove(key, out _);
        foreach (var (key, f) in _accounts) if (now - f.Last > MaxDelay) _accounts.TryRemove(key, out _);
    }
}
