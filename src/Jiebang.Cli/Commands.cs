namespace Jiebang.Cli;

/// <summary>Dispatches `jiebang &lt;command&gt;`; each command returns the process exit code.</summary>
public static class Commands
{
    public static Task<int> RunAsync(string[] args, TextWriter output, TextWriter error)
    {
        output.WriteLine("usage: jiebang <command>");
        return Task.FromResult(args.Length == 0 ? 0 : 2);
    }
}
