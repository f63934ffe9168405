using System.Threading.RateLimiting;

namespace Jiebang.Web.Features.Security;

/// <summary>
/// Marks a page or endpoint whose POST hashes or verifies a password: PBKDF2 with 100,000 rounds,
/// tens of milliseconds of one core's time each.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method)]
public sealed class HashesPasswordAttribute : Attribute;

/// <summary>
/// A crowd signing in at once queues for the password work instead of sharing the cores among all
/// of its hashes: with 200 hashes running together every one of them ends late, and the thread pool
/// they occupy starves every other request (the deadline rush measured it: sign-in p50 47 s, starting
/// a filing p99 33 s). At most one hash a core runs; the others wait their turn, oldest first, without
/// holding a thread. <c>RateLimits:PasswordChecksAtOnce</c> overrides the number of cores.
/// </summary>
public static class PasswordWork
{
    public const int QueueLimit = 5_000;

    public static PartitionedRateLimiter<HttpContext> Limiter(int checksAtOnce) =>
        PartitionedRateLimiter.Create<HttpContext, string>(http =>
            HttpMethods.IsPost(http.Request.Method) && http.GetEndpoint()?.Metadata.GetMetadata<HashesPasswordAttribute>() is not null
                ? RateLimitPartition.GetConcurrencyLimiter("password", _ => new ConcurrencyLimiterOptions
                {
                    PermitLimit = Math.Max(1, checksAtOnce), QueueLimit = QueueLimit, QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
                })
                : RateLimitPartition.GetNoLimiter("other"));
}
