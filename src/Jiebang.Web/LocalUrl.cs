namespace Jiebang.Web;

/// <summary>A return address stays on this site: a local path, never "//host" or "/\host".</summary>
public static class LocalUrl
{
    public static string OrHome(string? url) =>
        url is { Length: > 0 } && url.StartsWith('/') && !url.StartsWith("//") && !url.StartsWith("/\\") ? url : "/";
}
