using System.Globalization;
using System.IO.Compression;
using System.Text;
using Jiebang.Domain.Identifiers;
using Jiebang.Domain.Integrity;
using Jiebang.Web.Data;
using Jiebang.Web.Features.Access;
using Jiebang.Web.Features.Blacklist;
using Jiebang.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MiniExcelLibs;

namespace Jiebang.Web.Tests.Features.Blacklist;

/// <summary>Each test has an app of its own, so that one's entries never meet another's.</summary>
[Trait("Category", "Database")]
public sealed class ImportBlacklistTests : IAsyncLifetime
{
    readonly AppWithPersonas host = new();

    public ValueTask InitializeAsync() => host.InitializeAsync();
    public ValueTask DisposeAsync() => host.DisposeAsync();

    static CancellationToken Ct => TestContext.Current.CancellationToken;

    static readonly string PersonId = Id("1980-02-29", "024");
    const string UnitCode = "91331181MA2E0T3K5K";

    static string Id(string birth, string sequence)
    {
        var first17 = "331181" + DateOnly.ParseExact(birth, "yyyy-MM-dd", CultureInfo.InvariantCulture).ToString("yyyyMMdd", CultureInfo.InvariantCulture) + sequence;
        return first17 + ResidentId.CheckCharacter(first17);
    }

    async Task<Actor> ActorAsync(string userName, string role)
    {
        await using var db = host.App.CreateDbContext();
        var user = await db.Users.SingleAsync(u => u.UserName == userName, Ct);
        return new Actor(user.Id, userName, user.UnitId, new HashSet<string> { role });
    }

    async Task<T> WithAsync<T>(Func<ImportBlacklist, Task<T>> work)
    {
        using var scope = host.App.Services.CreateScope();
        return await work(scope.ServiceProvider.GetRequiredService<ImportBlacklist>());
    }

    static MemoryStream Csv(string text) => new(Encoding.UTF8.GetBytes(text));

    string Sample() =>
        "类型,证件号码,名称,来源,列入日期,有效期至\n"
        + $"统一社会信用代码,{UnitCode},测试企业甲,信用中国,2023-05-01,\n"
        + $"居民身份证号码,{PersonId},王五,科技部科研诚信系统,2023-06-01,2026-05-31\n"
        + $",{PersonId[..17]}0,赵六,信用中国,2023-06-01,\n"                // wrong check character
        + $"统一社会信用代码,{UnitCode},测试企业甲,信用中国,2023-05-01,\n"   // twice in the file
        + $"统一社会信用代码,91331181MA2BDE018F,测试企业乙,,2099-01-01,2098-01-01\n";

    [Fact]
    public async Task Preview_ChecksEveryRow_AndSavesNothing()
    {
        var staff = await ActorAsync("staff", Roles.Staff);
        var preview = (await WithAsync(i => i.PreviewAsync(staff, Csv(Sample()), Ct))).Value!;

        Assert.Equal([2, 3], preview.ToAdd.Select(r => r.Line));
        Assert.Equal([5], preview.Duplicates.Select(r => r.Line));
        Assert.Equal([4, 6], preview.Refused.Select(r => r.Line));
        Assert.Equal(BlacklistIdentifierKind.ResidentId, preview.ToAdd[1].Kind);
        Assert.Equal(PersonId[..4] + "**********" + PersonId[14..], preview.ToAdd[1].Display);
        var zh = CultureInfo.GetCultureInfo("zh-CN");
        Assert.StartsWith("第4行 证件号码：居民身份证号码：第18位校验码", preview.Refused[0].Errors[0].Message(zh));
        var line6 = preview.Refused[1].Errors.Select(e => e.Message(zh)).ToList();
        Assert.Contains("第6行 来源：必填。", line6);
        Assert.Contains(line6, m => m.StartsWith("第6行 列入日期：2099-01-01晚于今天", StringComparison.Ordinal));
        Assert.Contains(line6, m => m.StartsWith("第6行 有效期至：2098-01-01早于列入日期2099-01-01", StringComparison.Ordinal));

        await using var db = host.App.CreateDbContext();
        Assert.False(await db.BlacklistEntries.AnyAsync(Ct));
    }

    [Fact]
    public async Task Commit_AddsTheRowsEncryptedWithOneAuditEntry_AndASecondImportFindsDuplicates()
    {
        var staff = await ActorAsync("staff", Roles.Staff);
        var preview = (await WithAsync(i => i.PreviewAsync(staff, Csv(Sample()), Ct))).Value!;
        Assert.Equal(2, (await WithAsync(i => i.CommitAsync(staff, preview.Token, Ct))).Value);

        await using (var db = host.App.CreateDbContext())
        {
            var person = await db.BlacklistEntries.SingleAsync(e => e.Kind == BlacklistIdentifierKind.ResidentId, Ct);
            Assert.Equal(PersonId[..4] + "**********" + PersonId[14..], person.IdentifierShown);
            Assert.NotNull(person.IdentifierProtected);
            Assert.DoesNotContain(PersonId, person.IdentifierProtected);
            Assert.DoesNotContain(PersonId, person.IdentifierHash);
            Assert.Equal(new DateOnly(2026, 5, 31), person.ExpiresOn);
            var audit = await db.AuditEntries.SingleAsync(a => a.Action == "blacklist.imported", Ct);
            Assert.DoesNotContain(PersonId, audit.After);
        }

        var again = await WithAsync(i => i.CommitAsync(staff, preview.Token, Ct));
        Assert.Equal("BLACKLIST_PREVIEW_NOT_FOUND", Assert.Single(again.Errors).Code);
        var second = (await WithAsync(i => i.PreviewAsync(staff, Csv(Sample()), Ct))).Value!;
        Assert.Empty(second.ToAdd);
        Assert.Equal([2, 3, 5], second.Duplicates.Select(r => r.Line));
    }

    [Fact]
    public async Task Find_LooksEntriesUpByKeyedHash_ForTheProposalRules()
    {
        var staff = await ActorAsync("staff", Roles.Staff);
        var preview = (await WithAsync(i => i.PreviewAsync(staff, Csv(Sample()), Ct))).Value!;
        await WithAsync(i => i.CommitAsync(staff, preview.Token, Ct));

        using var scope = host.App.Services.CreateScope();
        var queries = scope.ServiceProvider.GetRequiredService<BlacklistQueries>();
        var found = await queries.FindAsync([(BlacklistIdentifierKind.ResidentId, PersonId.ToLowerInvariant()),
            (BlacklistIdentifierKind.Uscc, "91331181MA2BDE018F")], Ct);
        var entry = Assert.Single(found);
        Assert.Equal(PersonId, entry.Identifier);
        Assert.True(entry.Matches(BlacklistIdentifierKind.ResidentId, PersonId, new DateOnly(2026, 5, 31)));
        Assert.False(entry.Matches(BlacklistIdentifierKind.ResidentId, PersonId, new DateOnly(2026, 6, 1)));
    }

    [Fact]
    public async Task PreviewAndCommit_ByAnApplicant_AreForbidden()
    {
        var applicant = await ActorAsync("applicant-a", Roles.Applicant);
        Assert.True((await WithAsync(i => i.PreviewAsync(applicant, Csv(Sample()), Ct))).IsForbidden);
        Assert.True((await WithAsync(i => i.CommitAsync(applicant, new string('a', 32), Ct))).IsForbidden);
    }

    [Fact]
    public async Task Commit_OfAnotherStaffMembersPreview_IsNotFound()
    {
        var staff = await ActorAsync("staff", Roles.Staff);
        var admin = await ActorAsync("admin", Roles.Admin);
        var preview = (await WithAsync(i => i.PreviewAsync(staff, Csv(Sample()), Ct))).Value!;
        Assert.Equal("BLACKLIST_PREVIEW_NOT_FOUND", Assert.Single((await WithAsync(i => i.CommitAsync(admin, preview.Token, Ct))).Errors).Code);
    }

    [Fact]
    public async Task Preview_Workbook_ReadsDatesAndRefusesAnIdTypedAsNumber()
    {
        var staff = await ActorAsync("staff", Roles.Staff);
        var workbook = new MemoryStream();
        await workbook.SaveAsAsync(new[]
        {
            new Dictionary<string, object?> { ["证件号码"] = PersonId, ["名称"] = "王五", ["来源"] = "信用中国", ["列入日期"] = new DateTime(2024, 1, 2), ["有效期至"] = null },
            new Dictionary<string, object?> { ["证件号码"] = 331181198002290243d, ["名称"] = "赵六", ["来源"] = "信用中国", ["列入日期"] = "2024/1/2", ["有效期至"] = "2025年1月2日" },
        }, cancellationToken: Ct);
        workbook.Position = 0;
        var preview = (await WithAsync(i => i.PreviewAsync(staff, workbook, Ct))).Value!;
        var added = Assert.Single(preview.ToAdd);
        Assert.Equal(new DateOnly(2024, 1, 2), added.ListedOn);
        Assert.Null(added.ExpiresOn);
        Assert.Equal("BLACKLIST_IDENTIFIER_AS_NUMBER", Assert.Single(Assert.Single(preview.Refused).Errors).Code);
    }

    [Fact]
    public async Task Preview_WorkbookThatExpandsPastTheBound_IsRefusedBeforeParsing()
    {
        var staff = await ActorAsync("staff", Roles.Staff);
        var bomb = new MemoryStream();
        using (var zip = new ZipArchive(bomb, ZipArchiveMode.Create, leaveOpen: true))
        {
            await using var part = await zip.CreateEntry("xl/worksheets/sheet1.xml", CompressionLevel.SmallestSize).OpenAsync(Ct);
            var zeros = new byte[1024 * 1024];
            for (var i = 0; i < 51; i++) await part.WriteAsync(zeros, Ct);
        }
        Assert.True(bomb.Length < BlacklistFile.MaxBytes);
        bomb.Position = 0;
        var outcome = await WithAsync(i => i.PreviewAsync(staff, bomb, Ct));
        Assert.Equal("BLACKLIST_FILE_EXPANDS_TOO_LARGE", Assert.Single(outcome.Errors).Code);
    }

    [Theory]
    [InlineData("", "BLACKLIST_FILE_EMPTY")]
    [InlineData("证件号码,名称,列入日期\n91331181MA2E0T3K5K,某公司,2024-01-01\n", "BLACKLIST_COLUMN_MISSING")]
    public async Task Preview_BadFile_IsRefusedAsAWhole(string text, string code)
    {
        var staff = await ActorAsync("staff", Roles.Staff);
        var outcome = await WithAsync(i => i.PreviewAsync(staff, Csv(text), Ct));
        Assert.Equal(code, Assert.Single(outcome.Errors).Code);
    }

    [Fact]
    public async Task Preview_TabSeparatedGb18030_IsRead()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var staff = await ActorAsync("staff", Roles.Staff);
        var tsv = $"证件号码\t名称\t来源\t列入日期\n{UnitCode}\t测试企业甲\t信用中国\t2024-01-01\n";
        var outcome = await WithAsync(i => i.PreviewAsync(staff, new MemoryStream(Encoding.GetEncoding("GB18030").GetBytes(tsv)), Ct));
        Assert.Equal("测试企业甲", Assert.Single(outcome.Value!.ToAdd).Name);
    }

    [Fact]
    public async Task Page_ShowsEntriesToStaffWithIdNumbersMasked()
    {
        var staff = await ActorAsync("staff", Roles.Staff);
        var preview = (await WithAsync(i => i.PreviewAsync(staff, Csv(Sample()), Ct))).Value!;
        await WithAsync(i => i.CommitAsync(staff, preview.Token, Ct));
        var client = await host.App.SignedInAsync("staff");
        var page = await client.GetStringAsync("/Blacklist", Ct);
        Assert.Contains("王五", page);
        Assert.Contains(PersonId[..4] + "**********", page);
        Assert.DoesNotContain(PersonId, page);
    }
}
