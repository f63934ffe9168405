namespace Jiebang.Web.Features.Audit;

/// <summary>Runs the <see cref="AuditChainer"/> in the background: a pass every <c>Audit:ChainIntervalMilliseconds</c> (1000), at once again while a batch was full.</summary>
public sealed class AuditChainerService(AuditChainer chainer, IConfiguration configuration, ILogger<AuditChainerService> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = TimeSpan.FromMilliseconds(configuration.GetValue("Audit:ChainIntervalMilliseconds", 1000));
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var pass = await chainer.ChainOnceAsync(stoppingToken);
                if (pass.Chained > 0 && pass.MorePending) continue;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                logger.LogWarning(e, "Chaining the audit trail failed; trying again in {Interval}.", interval);
            }
            try
            {
                await Task.Delay(interval, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
