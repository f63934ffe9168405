namespace Jiebang.Web.Features.Security;

/// <summary>At start: the key files are there (or, outside Production, made now), or the app stops saying which and how.</summary>
public static class KeyCheck
{
    public static void RequireKeys(WebApplication app)
    {
        var keys = app.Services.GetRequiredService<KeyFiles>();
        foreach (var name in new[] { KeyFiles.DataProtection, KeyFiles.Lookup })
        {
            if (keys.IsAvailable(name)) continue;
            var message = keys.MissingMessage(name);
            app.Logger.LogCritical("{Message}", message);
            throw new InvalidOperationException(message);
        }
        _ = keys.DataProtectionKey;
        _ = keys.LookupKey;
    }
}
