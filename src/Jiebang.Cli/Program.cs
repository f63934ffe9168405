namespace Jiebang.Cli;

public static class CliProgram
{
    public static async Task<int> Main(string[] args) => await Commands.RunAsync(args, Console.Out, Console.Error);
}
