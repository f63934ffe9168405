using System.Globalization;
using System.Security.Cryptography;
using Jiebang.Web.Data;
using Jiebang.Web.Features.Security;
using Jiebang.Web.Features.Setup;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Jiebang.Cli;

/// <summary>
/// `jiebang setup --bureau NAME --uscc CODE --region CODE --short-name NAME --admin USER --admin-name NAME …`:
/// migrates the database, then creates the bureau's unit with its identity and the first administrator
/// (who enrols an authenticator at first sign-in). Without --admin-password-file a strong password is
/// generated and printed once. A second run is refused (exit 1).
/// </summary>
static class SetupCommand
{
    static readonly CultureInfo Chinese = CultureInfo.GetCultureInfo("zh-CN");

    static readonly Dictionary<string, Action<SetUpPlatform.Input, string>> Options = new()
    {
        ["--bureau"] = (i, v) => i.BureauName = v,
        ["--uscc"] = (i, v) => i.Uscc = v,
        ["--region"] = (i, v) => i.RegionCode = v,
        ["--short-name"] = (i, v) => i.ShortName = v,
        ["--address"] = (i, v) => i.Address = v,
        ["--contact-name"] = (i, v) => i.ContactName = v,
        ["--contact-phone"] = (i, v) => i.ContactPhone = v,
        ["--contact-email"] = (i, v) => i.ContactEmail = v,
        ["--admin"] = (i, v) => i.AdminUserName = v,
        ["--admin-name"] = (i, v) => i.AdminFullName = v,
    };

    public static async Task<int> RunAsync(IServiceProvider services, string[] args, TextReader stdin, TextWriter output, TextWriter error)
    {
        var input = new SetUpPlatform.Input();
        string? passwordFile = null;
        for (var i = 0; i < args.Length; i += 2)
        {
            if (i + 1 >= args.Length) return await Commands.PrintUsageAsync(error, ExitCodes.Usage);
            if (args[i] == "--admin-password-file") passwordFile = args[i + 1];
            else if (Options.TryGetValue(args[i], out var set)) set(input, args[i + 1]);
            else return await Commands.PrintUsageAsync(error, ExitCodes.Usage);
        }
        if (input.BureauName.Length == 0 || input.AdminUserName.Length == 0) return await Commands.PrintUsageAsync(error, ExitCodes.Usage);

        var generated = passwordFile is null;
        input.AdminPassword = passwordFile switch
        {
            null => GeneratePassword(),
            "-" => (await stdin.ReadLineAsync())?.Trim() ?? "",
            _ => File.Exists(passwordFile) ? (await File.ReadAllTextAsync(passwordFile)).Trim() : "",
        };

        await DatabaseSetup.MigrateAndSeedAsync(services);
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<JiebangDbContext>();
        var keys = scope.ServiceProvider.GetRequiredService<KeyFiles>();
        // A new installation gets its key here; an installed one whose key is missing must restore it, not replace it.
        var newInstallation = !await db.BureauIdentities.AnyAsync() && !await db.DataProtectionKeys.AnyAsync();
        foreach (var name in new[] { KeyFiles.DataProtection, KeyFiles.Lookup })
        {
            if (newInstallation && keys.CreateForNewInstallation(name))
                await output.WriteLineAsync($"key created / 已创建密钥文件：{keys.PathOf(name)}（请另行备份 / back it up apart from the database）");
            if (keys.IsAvailable(name)) continue;
            await error.WriteLineAsync(keys.MissingMessage(name));
            return ExitCodes.Findings;
        }
        var outcome = await scope.ServiceProvider.GetRequiredService<SetUpPlatform>().HandleAsync(input);
        if (!outcome.Succeeded)
        {
            foreach (var finding in outcome.Errors)
                await error.WriteLineAsync($"{finding.Field}\t{finding.Message(Chinese)}");
            return ExitCodes.Findings;
        }
        await output.WriteLineAsync($"set up / 初始化完成：{input.BureauName.Trim()}（{input.ShortName.Trim()}）");
        await output.WriteLineAsync($"administrator / 管理员：{input.AdminUserName.Trim()}");
        if (generated)
            await output.WriteLineAsync($"password (shown once) / 初始密码（仅显示一次）：{input.AdminPassword}");
        await output.WriteLineAsync("next / 下一步：sign in and enrol an authenticator app / 登录并绑定身份验证器");
        return ExitCodes.Success;
    }

    // 20 characters from an alphabet without look-alikes (0/O, 1/l/I): about 110 bits. Drawn again until it holds
    // the digit and the lower-case letter the password rules require (one draw in 23 lacks a digit).
    internal static string GeneratePassword()
    {
        const string alphabet = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        while (true)
        {
            var password = RandomNumberGenerator.GetString(alphabet, 20);
            if (password.Any(char.IsAsciiDigit) && password.Any(char.IsAsciiLetterLower)) return password;
        }
    }
}
