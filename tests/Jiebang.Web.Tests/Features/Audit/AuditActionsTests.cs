using System.Globalization;
using System.Resources;
using System.Text.RegularExpressions;
using Jiebang.Web.Features.Audit;
using Jiebang.Web.Tests.Infrastructure;

namespace Jiebang.Web.Tests.Features.Audit;

/// <summary>Every action code written anywhere in src reads as a sentence on the audit page, in both languages.</summary>
public sealed partial class AuditActionsTests
{
    static readonly ResourceManager Shared = new("Jiebang.Web.Resources.SharedResource", typeof(Program).Assembly);
    static readonly CultureInfo Chinese = new("zh-CN"), English = new("en-US");

    /// <summary>A call writing an entry: <c>audit.Record(actor, action, …)</c> or <c>RecordNowAsync(actor, action, …)</c>.</summary>
    [GeneratedRegex(@"\.(Record|RecordNowAsync)\(")]
    private static partial Regex RecordCall();

    [GeneratedRegex("\"((?:[^\"\\\\]|\\\\.)*)\"")]
    private static partial Regex StringLiteral();

    /// <summary>The action argument of every call that writes an entry, as written in the source.</summary>
    static List<(string File, string Expression)> ActionArguments()
    {
        var src = Path.Combine(LibreOffice.RepositoryRoot(), "src");
        var found = new List<(string, string)>();
        foreach (var file in Directory.EnumerateFiles(src, "*.cs", SearchOption.AllDirectories))
        {
            if (file.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)) continue;
            var text = File.ReadAllText(file);
            foreach (Match call in RecordCall().Matches(text))
            {
                var arguments = Arguments(text, call.Index + call.Length);
                // AuditTrail's own RecordNowAsync passes its parameter on; a call with a literal actor is not an entry.
                if (arguments.Count >= 2 && arguments[1] != "action") found.Add((Path.GetRelativePath(src, file), arguments[1]));
            }
        }
        return found;
    }

    /// <summary>The top-level arguments of a call whose parenthesis opened just before <paramref name="start"/>.</summary>
    static List<string> Arguments(string text, int start)
    {
        var arguments = new List<string>();
        var depth = 0;
        var current = new System.Text.StringBuilder();
        var inString = false;
        for (var i = start; i < text.Length; i++)
        {
            var c = text[i];
            if (inString)
            {
                current.Append(c);
                if (c == '\\') current.Append(text[++i]);
                else if (c == '"') inString = false;
                continue;
            }
            if (c == '"') inString = true;
            else if (c is '(' or '{' or '[') depth++;
            else if (c is ')' or '}' or ']')
            {
                if (depth == 0 && c == ')') break;
                depth--;
            }
            else if (c == ',' && depth == 0)
            {
                arguments.Add(current.ToString().Trim());
                current.Clear();
                continue;
            }
            current.Append(c);
        }
        arguments.Add(current.ToString().Trim());
        return arguments;
    }

    /// <summary>
    /// The codes an action argument can write, as a pattern: a literal is itself, each branch of a
    /// conditional is one, and an interpolation's hole is either of the literals inside it or any code word.
    /// </summary>
    static IReadOnlyList<Regex> Patterns(string expression)
    {
        if (expression.StartsWith("$\"", StringComparison.Ordinal))
        {
            var body = expression[2..^1];
            var pattern = new System.Text.StringBuilder("^");
            var i = 0;
            while (i < body.Length)
            {
                if (body[i] != '{')
                {
                    pattern.Append(Regex.Escape(body[i].ToString()));
                    i++;
                    continue;
                }
                var depth = 0;
                var end = i;
                for (; end < body.Length; end++)
                {
                    if (body[end] == '{') depth++;
                    else if (body[end] == '}' && --depth == 0) break;
                }
                var hole = body[(i + 1)..end];
                var literals = StringLiteral().Matches(hole).Select(m => Regex.Escape(m.Groups[1].Value)).ToList();
                pattern.Append(literals.Count > 0 ? $"({string.Join('|', literals)})" : "[a-z_]+");
                i = end + 1;
            }
            return [new Regex(pattern.Append('$').ToString())];
        }
        return StringLiteral().Matches(expression).Select(m => new Regex($"^{Regex.Escape(m.Groups[1].Value)}$")).ToList();
    }

    [Fact]
    public void EveryActionWrittenInSrc_HasASentence()
    {
        var arguments = ActionArguments();
        Assert.True(arguments.Count >= 40, $"only {arguments.Count} calls found: the scan is broken");
        Assert.Contains(arguments, a => a.Expression == "\"demand.submitted\"");
        var codes = AuditActions.All.Select(a => a.Code).ToList();
        var missing = arguments.SelectMany(a => Patterns(a.Expression).Select(p => (a.File, a.Expression, Pattern: p)))
            .Where(a => !codes.Any(a.Pattern.IsMatch))
            .Select(a => $"{a.File}: {a.Expression}").ToList();
        Assert.True(missing.Count == 0, "no sentence for: " + string.Join("; ", missing));
        Assert.All(arguments, a => Assert.NotEmpty(Patterns(a.Expression)));
    }

    [Fact]
    public void EveryActionWithASentence_IsStillWrittenSomewhere()
    {
        var patterns = ActionArguments().SelectMany(a => Patterns(a.Expression)).ToList();
        var stale = AuditActions.All.Where(a => !patterns.Any(p => p.IsMatch(a.Code))).Select(a => a.Code).ToList();
        Assert.True(stale.Count == 0, "listed but never written: " + string.Join(", ", stale));
    }

    [Fact]
    public void EveryAction_ReadsInChineseAndEnglish_NamingTheRecordInBothOrNeither()
    {
        Assert.Equal(AuditActions.All.Count, AuditActions.All.Select(a => a.Code).Distinct().Count());
        Assert.All(AuditActions.All, action =>
        {
            var zh = Shared.GetString(action.ResourceKey, Chinese);
            var en = Shared.GetString(action.ResourceKey, English);
            Assert.False(string.IsNullOrWhiteSpace(zh), action.Code);
            Assert.False(string.IsNullOrWhiteSpace(en), action.Code);
            Assert.NotEqual(zh, en);
            Assert.Equal(zh!.Contains("{0}", StringComparison.Ordinal), en!.Contains("{0}", StringComparison.Ordinal));
            Assert.DoesNotContain(action.Code, zh);
        });
    }
}
