namespace Jiebang.Cli;

/// <summary>Dispatches `jiebang &lt;command&gt;`; each command returns the process exit code.</summary>
public static class Commands
{
    /// <summary>
    /// Runs one command. <paramref name="input"/> is what `-` reads (standard input when null).
    /// Exit codes: 0 success, 1 findings (some input invalid), 2 usage error. <paramref name="clock"/> gives
    /// today's date for the checks that need it (the system clock when null).
    /// </summary>
    public static Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, TextReader? input = null,
        Func<IServiceProvider>? services = null, TimeProvider? clock = null) =>
        args switch
        {
            ["check", "uscc", .. var rest] => CheckUsccCommand.RunAsync(rest, input ?? Console.In, output, error),
            ["check", "id", .. var rest] => CheckIdCommand.RunAsync(rest, input ?? Console.In, output, error,
                CheckIdCommand.ChinaToday(clock ?? TimeProvider.System)),
            ["check", "retirement", .. var rest] => CheckRetirementCommand.RunAsync(rest, output, error),
            ["setup", .. var rest] => WithApp(services,
                s => SetupCommand.RunAsync(s, rest, input ?? Console.In, output, error)),
            ["backup", var archive] => WithApp(services,
                s => BackupCommands.BackupAsync(s, archive, output)),
            ["restore", .. var rest] => WithApp(services,
                s => BackupCommands.RestoreAsync(s, rest, output, error)),
            ["migrate"] => WithServices(services, s => MigrateCommand.RunAsync(s, output)),
            ["audit", "verify"] => WithServices(services, s => AuditVerifyCommand.RunAsync(s, output)),
            ["reindex"] => WithServices(services, s => ReindexCommand.RunAsync(s, output)),
            ["help" or "--help" or "-h"] => PrintUsageAsync(output, ExitCodes.Success),
            _ => PrintUsageAsync(error, ExitCodes.Usage),
        };

    // One line per command, English then Chinese.
    internal const string Usage = """
        usage: jiebang <command>
          check uscc CODE...        check unified social credit codes (GB 32100-2015)
          check uscc --file FILE    the same, one code per line; FILE "-" reads standard input
          check id NUMBER...        check resident identity card numbers (GB 11643-1999):
                                    NUMBER<TAB>valid<TAB>birth date<TAB>male|female, or NUMBER<TAB>invalid<TAB>reason
          check id --file FILE      the same, one number per line; FILE "-" reads standard input
          check retirement --birth YYYY-MM --category male|female55|female50 [--academician]
                                    statutory retirement month and age (2025 schedule; academicians 70)
          setup --bureau NAME --uscc CODE --region CODE --short-name NAME --admin USER --admin-name NAME
                [--address A] [--contact-name N] [--contact-phone P] [--contact-email E] [--admin-password-file FILE|-]
                                    first run on an empty database: the bureau's unit and its first administrator
          backup FILE.tar.gz        database, stored files and audit anchor in one archive (keys are backed up apart)
          restore FILE.tar.gz [--force]  into an empty database (--force replaces one in use); app stopped, keys restored first
          migrate                   apply database migrations and load reference data
          audit verify              check the audit trail's hash chain; names the first broken entry
          reindex                   rebuild the similarity (查重) records and sketches
        database: Database__Provider (Sqlite|Postgres), ConnectionStrings__Sqlite or ConnectionStrings__Postgres
        exit codes: 0 all valid, 1 some invalid, 2 usage error

        用法：jiebang <命令>
          check uscc 代码...        校验统一社会信用代码（GB 32100-2015）
          check uscc --file 文件    同上，每行一个代码；文件为“-”时从标准输入读取
          check id 号码...          校验居民身份证号码（GB 11643-1999），有效时输出出生日期和性别
          check id --file 文件      同上，每行一个号码；文件为“-”时从标准输入读取
          check retirement --birth 年-月 --category male|female55|female50 [--academician]
                                    法定退休年月和年龄（2025年起渐进式延迟退休；院士70周岁）
          setup --bureau 名称 --uscc 代码 --region 区划代码 --short-name 简称 --admin 用户名 --admin-name 姓名 …
                                    空数据库首次运行：创建科技局单位及首个管理员账号
          backup 文件.tar.gz        将数据库、已上传文件和审计锚点备份为一个文件（密钥另行备份）
          restore 文件.tar.gz [--force]  恢复到空数据库（--force 覆盖已有数据）；须先停止平台并恢复密钥
          migrate                   执行数据库迁移并载入基础数据
          audit verify              核验审计日志哈希链，指出第一条断裂的记录
          reindex                   重建查重索引
        退出码：0 全部有效，1 存在无效代码或号码，2 用法错误
        """;

    static async Task<int> WithServices(Func<IServiceProvider>? services, Func<IServiceProvider, Task<int>> command)
    {
        var provider = services?.Invoke() ?? CliServices.Build();
        try { return await command(provider); }
        finally { if (services is null && provider is IAsyncDisposable d) await d.DisposeAsync(); }
    }

    /// <summary>Runs a command with the web app's whole service set (Identity, keys, use cases), built once and disposed after.</summary>
    static async Task<int> WithApp(Func<IServiceProvider>? services, Func<IServiceProvider, Task<int>> command)
    {
        if (services is not null) return await command(services());
        await using var app = CliServices.BuildApp();
        return await command(app.Services);
    }

    internal static async Task<int> PrintUsageAsync(TextWriter writer, int exitCode)
    {
        await writer.WriteLineAsync(Usage);
        return exitCode;
    }
}

/// <summary>The process exit codes every command uses.</summary>
public static class ExitCodes
{
    public const int Success = 0;
    public const int Findings = 1;
    public const int Usage = 2;
}
