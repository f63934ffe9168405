namespace Jiebang.Web.Features.Audit;

public static class AuditServices
{
    /// <summary>The chain's key and anchor files and its chainer; <paramref name="runChainer"/> also starts it in the background.</summary>
    public static IServiceCollection AddAuditChain(this IServiceCollection services, IConfiguration configuration,
        string contentRoot, bool runChainer)
    {
        services.AddSingleton(new AuditChainFiles(configuration, contentRoot));
        services.AddSingleton<AuditChainer>();
        if (runChainer) services.AddHostedService<AuditChainerService>();
        return services;
    }
}
