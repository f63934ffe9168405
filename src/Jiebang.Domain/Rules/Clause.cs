namespace Jiebang.Domain.Rules;

/// <summary>
/// Where a rule comes from, in one citation form: the notice's section (notice §4.3), an annex
/// and its section (annex 4 §3.1.3), a standard (GB 32100-2015 Appendix B), a law or decision,
/// or the platform's own rule (platform: access) when no text of the bureau sets it.
/// </summary>
public static class Clause
{
    public static string Notice(string section) => $"notice §{section}";

    public static string Annex(int annex, string? section = null) =>
        section is null ? $"annex {annex}" : $"annex {annex} §{section}";

    public static string Standard(string standard, string? part = null) =>
        part is null ? standard : $"{standard} {part}";

    public static string Law(string name) => name;

    /// <summary>A rule of the platform itself: access, limits of input, concurrency.</summary>
    public static string Platform(string topic) => $"platform: {topic}";
}
