using System.Net;
using Jiebang.Web.Data;
using Jiebang.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Jiebang.Web.Tests.Features.Accounts;

/// <summary>A crowd signing in at once queues for the password checks (one a core), and every one of them gets in.</summary>
[Trait("Category", "Database")]
public sealed class PasswordWorkTests
{
    /// <summary>The real hasher, counting how many of its checks run at the same moment (each held a little longer).</summary>
    sealed class CountingHasher : IPasswordHasher<JiebangUser>
    {
        readonly PasswordHasher<JiebangUser> _inner = new();
        int _running;
        int _mostAtOnce;
        int _checks;
        public int MostAtOnce => Volatile.Read(ref _mostAtOnce);
        public int Checks => Volatile.Read(ref _checks);

        public string HashPassword(JiebangUser user, string password) => Counted(() => _inner.HashPassword(user, password));

        public PasswordVerificationResult VerifyHashedPassword(JiebangUser user, string hashedPassword, string providedPassword) =>
            Counted(() => _inner.VerifyHashedPassword(user, hashedPassword, providedPassword));

        T Counted<T>(Func<T> check)
        {
            Interlocked.Increment(ref _checks);
            var now = Interlocked.Increment(ref _running);
            for (var most = Volatile.Read(ref _mostAtOnce); now > most; most = Volatile.Read(ref _mostAtOnce))
                if (Interlocked.CompareExchange(ref _mostAtOnce, now, most) == most) break;
            try
            {
                Thread.Sleep(60);
                return check();
            }
            finally { Interlocked.Decrement(ref _running); }
        }
    }

    /// <summary>The app with the counting hasher and its personas, started.</summary>
    static async Task<JiebangFactory> StartedWith(CountingHasher hasher, int checksAtOnce)
    {
        var app = AppWith(hasher, checksAtOnce);
        await app.InitializeAsync();
        app.NewClient();
        await Personas.CreateAsync(app.Services);
        return app;
    }

    static JiebangFactory AppWith(CountingHasher hasher, int checksAtOnce) => new()
    {
        Settings = new Dictionary<string, string> { ["RateLimits:PasswordChecksAtOnce"] = checksAtOnce.ToString() },
        TestServices = services =>
        {
            services.RemoveAll<IPasswordHasher<JiebangUser>>();
            services.AddSingleton<IPasswordHasher<JiebangUser>>(hasher);
        },
    };

    static async Task<List<HttpStatusCode>> SignInTogetherAsync(JiebangFactory app, int people)
    {
        // Each person has the sign-in page open, then all press the button in the same moment.
        var clients = new List<(HttpClient Client, string Token)>();
        for (var i = 0; i < people; i++)
        {
            var client = app.NewClient();
            clients.Add((client, await client.AntiforgeryTokenAsync("/Account/Login")));
        }
        var responses = await Task.WhenAll(clients.Select(c => c.Client.PostAsync("/Account/Login", new FormUrlEncodedContent(
            new Dictionary<string, string>
            {
                ["Input.UserName"] = "applicant-a", ["Input.Password"] = Personas.Password, ["__RequestVerificationToken"] = c.Token,
            }))));
        return responses.Select(r => r.StatusCode).ToList();
    }

    [Fact]
    public async Task SignIn_TwelveAtOnceWithOneCheckAllowed_QueueAndAllGetIn()
    {
        var hasher = new CountingHasher();
        await using var app = await StartedWith(hasher, checksAtOnce: 1);

        var statuses = await SignInTogetherAsync(app, 12);

        Assert.All(statuses, s => Assert.Equal(HttpStatusCode.Redirect, s));
        Assert.Equal(1, hasher.MostAtOnce);
    }

    [Fact]
    public async Task SignIn_RightPassword_HashesItOnce()
    {
        var hasher = new CountingHasher();
        await using var app = await StartedWith(hasher, checksAtOnce: 2);
        var before = hasher.Checks;

        Assert.Equal([HttpStatusCode.Redirect], await SignInTogetherAsync(app, 1));
        Assert.Equal(1, hasher.Checks - before);
    }

    [Fact]
    public async Task SignIn_TwelveAtOnceWithTwelveChecksAllowed_ChecksOverlap()
    {
        // The same crowd without the queue: the checks run together (what the queue above prevents).
        var hasher = new CountingHasher();
        await using var app = await StartedWith(hasher, checksAtOnce: 12);

        var statuses = await SignInTogetherAsync(app, 12);

        Assert.All(statuses, s => Assert.Equal(HttpStatusCode.Redirect, s));
        Assert.True(hasher.MostAtOnce > 1, $"at most {hasher.MostAtOnce} check(s) ran at once");
    }
}
