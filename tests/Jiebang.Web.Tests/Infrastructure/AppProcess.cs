using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Jiebang.Web.Tests.Infrastructure;

/// <summary>
/// The app as its own operating-system process (the built Jiebang.Web.dll, run by <c>dotnet</c>), on the
/// database, key directory and file store of an in-process <see cref="JiebangFactory"/>: a process that a
/// test can kill -9 and start again, as a crash and a restart would.
/// </summary>
public sealed class AppProcess : IAsyncDisposable
{
    readonly JiebangFactory _app;
    readonly StringBuilder _output = new();
    Process? _process;

    public AppProcess(JiebangFactory app)
    {
        _app = app;
        Url = $"http://127.0.0.1:{FreePort()}";
    }

    public string Url { get; }

    /// <summary>What the process wrote, for a failing test's message.</summary>
    public string Output { get { lock (_output) return _output.ToString(); } }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var dll = typeof(Program).Assembly.Location;
        var start = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { dll }, WorkingDirectory = Path.GetDirectoryName(dll)!,
            RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        var database = _app.Database;
        foreach (var (key, value) in new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Testing", ["ASPNETCORE_URLS"] = Url,
            ["Database__Provider"] = database.Provider, [$"ConnectionStrings__{database.Provider}"] = database.ConnectionString,
            ["Storage__Root"] = _app.StorageRoot, ["Keys__Directory"] = _app.KeysDirectory,
            ["RateLimits__LoginPerMinute"] = "1000", ["Logging__LogLevel__Default"] = "Warning",
        })
            start.Environment[key] = value;
        _process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
        _process.OutputDataReceived += (_, e) => { lock (_output) _output.AppendLine(e.Data); };
        _process.ErrorDataReceived += (_, e) => { lock (_output) _output.AppendLine(e.Data); };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();

        using var probe = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var until = DateTime.UtcNow.AddMinutes(2);
        while (true)
        {
            if (_process.HasExited) throw new InvalidOperationException($"the app exited ({_process.ExitCode}): {Output}");
            try
            {
                if ((await probe.GetAsync($"{Url}/health", cancellationToken)).StatusCode == HttpStatusCode.OK) return;
            }
            catch (HttpRequestException) { }
            catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested) { }
            if (DateTime.UtcNow > until) throw new TimeoutException($"the app did not answer /health: {Output}");
            await Task.Delay(200, cancellationToken);
        }
    }

    /// <summary>SIGKILL: no shutdown, no flush, no finally block runs.</summary>
    public async Task KillAsync()
    {
        if (_process is null || _process.HasExited) return;
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
    }

    /// <summary>A client of the process's pages, naming it as its Origin as the browser does.</summary>
    public HttpClient NewClient()
    {
        var client = new HttpClient(new SocketsHttpHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false })
        {
            BaseAddress = new Uri(Url), Timeout = TimeSpan.FromSeconds(60),
        };
        client.DefaultRequestHeaders.Add("Origin", Url);
        return client;
    }

    public async Task<HttpClient> SignedInAsync(string userName, string password = Personas.Password)
    {
        var client = NewClient();
        var response = await client.PostFormAsync("/Account/Login",
            new Dictionary<string, string> { ["Input.UserName"] = userName, ["Input.Password"] = password });
        if (response.StatusCode != HttpStatusCode.Redirect || response.Headers.Location!.OriginalString.Contains("LoginWith2fa"))
            throw new InvalidOperationException($"{userName} could not sign in: {(int)response.StatusCode}");
        return client;
    }

    /// <summary>A loopback port nothing listens on now.</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        _process?.Dispose();
    }
}
