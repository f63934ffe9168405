namespace Jiebang.Load;

/// <summary>The run's settings, from <c>--name value</c> arguments.</summary>
public sealed record Options
{
    public string Url { get; init; } = "http://127.0.0.1:5080";
    public string Postgres { get; init; } = "Host=127.0.0.1;Username=jiebang;Password=jiebang;Database=jiebang_load";
    public int Clients { get; init; } = 200;
    public int FilingsPerClient { get; init; } = 1;
    public int Saves { get; init; } = 3;
    public int Staff { get; init; } = 4;
    public int RampSeconds { get; init; } = 10;
    public int PgbenchSeconds { get; init; } = 10;
    public int PgbenchClients { get; init; } = 16;

    public static Options Parse(string[] args)
    {
        var options = new Options();
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            var value = args[i + 1];
            options = args[i] switch
            {
                "--url" => options with { Url = value },
                "--postgres" => options with { Postgres = value },
                "--clients" => options with { Clients = int.Parse(value) },
                "--filings" => options with { FilingsPerClient = int.Parse(value) },
                "--saves" => options with { Saves = int.Parse(value) },
                "--staff" => options with { Staff = int.Parse(value) },
                "--ramp-seconds" => options with { RampSeconds = int.Parse(value) },
                "--pgbench-seconds" => options with { PgbenchSeconds = int.Parse(value) },
                "--pgbench-clients" => options with { PgbenchClients = int.Parse(value) },
                _ => throw new ArgumentException($"unknown option {args[i]}"),
            };
        }
        return options;
    }
}
