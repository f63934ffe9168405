using Jiebang.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Jiebang.Cli.Tests;

/// <summary>`jiebang setup` on an empty SQLite database, as an operator runs it on their first day.</summary>
public sealed class SetupCommandTests : IDisposable
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;
    readonly string _directory = Directory.CreateTempSubdirectory("jiebang-setup-").FullName;

    Microsoft.AspNetCore.Builder.WebApplication App() => CliServices.BuildApp(
    [
        new("Database:Provider", "Sqlite"),
        new("ConnectionStrings:Sqlite", $"Data Source={Path.Combine(_directory, "app.db")};Pooling=False"),
        new("Keys:Directory", Path.Combine(_directory, "keys")),
        new("Storage:Root", Path.Combine(_directory, "files")),
    ]);

    static readonly string[] Longquan =
    [
        "setup", "--bureau", "龙泉市科学技术局", "--uscc", "113311810020000041", "--region", "331181",
        "--short-name", "龙泉市科技局", "--contact-name", "孙亮", "--contact-email", "2191290347@qq.com",
        "--admin", "admin", "--admin-name", "系统管理员",
    ];

    async Task<(int Code, string Output, string Error)> RunAsync(string[] args, string? stdin = null)
    {
        await using var app = App();
        var (output, error) = (new StringWriter(), new StringWriter());
        var code = await Commands.RunAsync(args, output, error, new StringReader(stdin ?? ""), () => app.Services);
        return (code, output.ToString(), error.ToString());
    }

    [Fact]
    public async Task Setup_EmptyDatabase_CreatesTheBureauAndAnAdministratorWithAGeneratedPassword()
    {
        var (code, output, error) = await RunAsync(Longquan);

        Assert.True(code == ExitCodes.Success, $"setup: {code} {error} {output}");
        Assert.Contains("初始密码（仅显示一次）", output);
        Assert.True(File.Exists(Path.Combine(_directory, "keys", "data-protection.key")), "a new installation's key is made by setup");
        Assert.True(File.Exists(Path.Combine(_directory, "keys", "lookup.key")), "and its lookup key");
        await using var app = App();
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<JiebangDbContext>();
        var bureau = await db.BureauIdentities.SingleAsync(Ct);
        var unit = await db.Units.SingleAsync(u => u.Id == bureau.UnitId, Ct);
        Assert.Equal(("龙泉市科学技术局", "龙泉市科技局", UnitStatus.Approved), (unit.Name, bureau.ShortName, unit.Status));
        var admin = await db.Users.SingleAsync(Ct);
        Assert.Equal((unit.Id, false, false), (admin.UnitId, admin.TwoFactorEnabled, admin.IsDemo));
        Assert.Contains(await db.AuditEntries.Select(a => a.Action).ToListAsync(Ct), a => a == "platform.setup");
    }

    [Fact]
    public void GeneratedPassword_EveryDraw_HoldsADigitAndALowerCaseLetter()
    {
        // Without the redraw, one password in 23 had no digit and setup refused its own password.
        var drawn = Enumerable.Range(0, 2000).Select(_ => SetupCommand.GeneratePassword()).ToList();

        Assert.All(drawn, p => Assert.True(p.Length == 20 && p.Any(char.IsAsciiDigit) && p.Any(char.IsAsciiLetterLower), p));
        Assert.Equal(2000, drawn.Distinct().Count());
    }

    [Fact]
    public async Task Setup_SecondRun_IsRefusedAndDuplicatesNothing()
    {
        var first = await RunAsync(Longquan);
        Assert.True(first.Code == ExitCodes.Success, $"first setup: {first.Code} {first.Error} {first.Output}");

        var (code, _, error) = await RunAsync([.. Longquan[..^4], "--admin", "admin2", "--admin-name", "另一人"]);

        Assert.Equal(ExitCodes.Findings, code);
        Assert.Contains("已为龙泉市科技局完成初始化", error);
        await using var app = App();
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<JiebangDbContext>();
        Assert.Equal((1, 1), (await db.Units.CountAsync(Ct), await db.Users.CountAsync(Ct)));
    }

    [Fact]
    public async Task Setup_BadCodeAndWeakPassword_NamesEachFieldInChinese()
    {
        var args = Longquan.Select(a => a == "113311810020000041" ? "113311810020000042" : a).ToArray();

        var (code, _, error) = await RunAsync([.. args, "--admin-password-file", "-"], stdin: "short");

        Assert.Equal(ExitCodes.Findings, code);
        Assert.Contains("uscc\t", error);
        Assert.Contains("password\t", error);
        Assert.Contains("统一社会信用代码", error);
    }

    [Fact]
    public async Task Setup_WithoutBureauOrAdmin_IsAUsageError()
    {
        Assert.Equal(ExitCodes.Usage, (await RunAsync(["setup", "--bureau", "某局"])).Code);
        Assert.Equal(ExitCodes.Usage, (await RunAsync(["setup", "--bureau"])).Code);
        Assert.Equal(ExitCodes.Usage, (await RunAsync(["setup", "--unknown", "x"])).Code);
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }
}
