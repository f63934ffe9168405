namespace Jiebang.Web;

/// <summary>
/// A return address stays on this site: a local path, never "//host" or "/\host", and without the
/// control characters that LocalRedirect would refuse with a 500.
/// </summary>
public static class LocalUrl
{
    public static string OrHome(string? url) =>
        url is { Length: > 0 } && url.StartsWith('/') && !url.StartsWith("//") && !url.StartsWith("/\\")
            && !url.Any(c => char.IsControl(c) || char.IsSurrogate(c)) ? url : "/";
}
