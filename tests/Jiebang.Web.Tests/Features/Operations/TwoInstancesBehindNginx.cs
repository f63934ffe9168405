using System.Diagnostics;
using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Jiebang.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace Jiebang.Web.Tests.Features.Operations;

/// <summary>
/// Two app instances on real loopback ports, on one PostgreSQL database, one key directory and one
/// file store, behind an nginx from Debian's package that terminates TLS, as docs/operations.md lays
/// them out. On SQLite nothing is started: the tests skip (SQLite is for a single instance).
/// </summary>
public sealed class TwoInstancesBehindNginx : IAsyncLifetime
{
    public const string Nginx = "/usr/sbin/nginx";
    public static bool OnPostgres => TestDatabase.CurrentProvider.Equals("Postgres", StringComparison.OrdinalIgnoreCase);

    readonly string _dir = Directory.CreateTempSubdirectory("jiebang-nginx-").FullName;
    Process? _nginx;
    string _certificateHash = "";

    public JiebangFactory A { get; } = new();
    public JiebangFactory B { get; private set; } = null!;
    public Personas Personas { get; private set; } = null!;
    public string UrlA { get; private set; } = "";
    public string UrlB { get; private set; } = "";
    /// <summary>nginx's HTTPS address: what the browser sees.</summary>
    public string ProxyUrl { get; private set; } = "";

    public async ValueTask InitializeAsync()
    {
        if (!OnPostgres) return;
        Assert.True(File.Exists(Nginx), $"{Nginx} is missing: install Debian's nginx (apt-get install nginx; ./test.sh does).");
        // The first instance makes the key ring on the new database, as `jiebang setup` would, before the second starts.
        await A.InitializeAsync();
        UrlA = Start(A);
        Personas = await Personas.CreateAsync(A.Services);
        B = new JiebangFactory { SameDatabaseAs = A, StorageRoot = A.StorageRoot, KeysDirectory = A.KeysDirectory };
        await B.InitializeAsync();
        UrlB = Start(B);
        ProxyUrl = await StartNginxAsync();
    }

    static string Start(JiebangFactory app)
    {
        app.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        app.StartServer();
        return app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/');
    }

    async Task<string> StartNginxAsync()
    {
        using (var key = RSA.Create(2048))
        {
            var request = new CertificateRequest("CN=127.0.0.1", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            var names = new SubjectAlternativeNameBuilder();
            names.AddIpAddress(IPAddress.Loopback);
            request.CertificateExtensions.Add(names.Build());
            using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
            _certificateHash = certificate.GetCertHashString();
            await File.WriteAllTextAsync(Path.Combine(_dir, "jiebang.crt"), certificate.ExportCertificatePem());
            await File.WriteAllTextAsync(Path.Combine(_dir, "jiebang.key"), key.ExportPkcs8PrivateKeyPem());
        }
        var port = AppProcess.FreePort();
        await File.WriteAllTextAsync(Path.Combine(_dir, "nginx.conf"), NginxConfig(_dir, port, new Uri(UrlA).Authority, new Uri(UrlB).Authority));
        _nginx = Process.Start(new ProcessStartInfo(Nginx)
        {
            ArgumentList = { "-p", _dir, "-c", Path.Combine(_dir, "nginx.conf"), "-e", Path.Combine(_dir, "error.log") },
            RedirectStandardError = true, RedirectStandardOutput = true,
        })!;
        var url = $"https://127.0.0.1:{port}";
        using var probe = Client(url, new CookieContainer());
        for (var i = 0; ; i++)
        {
            try
            {
                if ((await probe.GetAsync("/health")).StatusCode == HttpStatusCode.OK) return url;
            }
            catch (HttpRequestException) when (i < 100 && !_nginx.HasExited)
            {
            }
            if (_nginx.HasExited) throw new InvalidOperationException($"nginx stopped: {await _nginx.StandardError.ReadToEndAsync()} {ErrorLog()}");
            if (i >= 100) throw new InvalidOperationException($"nginx did not answer within 10 s: {ErrorLog()}");
            await Task.Delay(100);
        }
    }

    /// <summary>The configuration docs/operations.md shows, with this run's directory, ports and certificate.</summary>
    public static string NginxConfig(string dir, int port, string upstreamA, string upstreamB)
    {
        // A master process run by root hands the work to an unprivileged user, who could not write the temp files here.
        var user = Environment.UserName == "root" ? "user root;" : "";
        return $$"""
            {{user}}
            daemon off;
            worker_processes 1;
            pid {{dir}}/nginx.pid;
            events { worker_connections 256; }
            http {
                access_log {{dir}}/access.log;
                client_body_temp_path {{dir}}/client_body;
                proxy_temp_path {{dir}}/proxy;
                fastcgi_temp_path {{dir}}/fastcgi;
                uwsgi_temp_path {{dir}}/uwsgi;
                scgi_temp_path {{dir}}/scgi;

                upstream jiebang_backends {
                    server {{upstreamA}};
                    server {{upstreamB}};
                }
                # Per client address across every instance (each instance only counts what it sees itself).
                limit_req_zone $binary_remote_addr zone=jiebang_signin:10m rate=10r/s;

                server {
                    listen 127.0.0.1:{{port}} ssl;
                    server_name 127.0.0.1;
                    ssl_certificate {{dir}}/jiebang.crt;
                    ssl_certificate_key {{dir}}/jiebang.key;
                    client_max_body_size 25m;               # stamped scans are up to 20 MB

                    proxy_set_header Host $http_host;       # the browser's host and port, for redirects and the same-site check
                    proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
                    proxy_set_header X-Forwarded-Proto $scheme;
                    add_header X-Upstream $upstream_addr always;  # which instance answered, for the logs and this test

                    location / {
                        proxy_pass http://jiebang_backends;
                    }
                    location /Account/ {
                        limit_req zone=jiebang_signin burst=20 nodelay;
                        limit_req_status 429;
                        proxy_pass http://jiebang_backends;
                    }
                }
            }
            """;
    }


    public string ErrorLog() => File.Exists(Path.Combine(_dir, "error.log")) ? File.ReadAllText(Path.Combine(_dir, "error.log")) : "";

    /// <summary>
    /// A browser's client of one address, whose cookies may be carried to another: no redirects followed,
    /// the API's same-site Origin of that address, and this run's certificate trusted.
    /// </summary>
    public HttpClient Client(string url, CookieContainer cookies)
    {
        var handler = new CookieJar(cookies)
        {
            InnerHandler = new SocketsHttpHandler
            {
                UseCookies = false, AllowAutoRedirect = false,
                SslOptions = new SslClientAuthenticationOptions
                {
                    RemoteCertificateValidationCallback = (_, certificate, _, _) => certificate?.GetCertHashString() == _certificateHash,
                },
            },
        };
        var client = new HttpClient(handler) { BaseAddress = new Uri(url) };
        client.DefaultRequestHeaders.Add("Origin", url);
        return client;
    }

    public async ValueTask DisposeAsync()
    {
        if (_nginx is { HasExited: false })
        {
            _nginx.Kill(entireProcessTree: true);
            await _nginx.WaitForExitAsync();
        }
        _nginx?.Dispose();
        if (B is not null) await B.DisposeAsync();
        await A.DisposeAsync();
        Directory.Delete(_dir, recursive: true);
    }
}
