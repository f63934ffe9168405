using System.Net.Http.Headers;
using System.Security.Cryptography;
using Jiebang.Web.Data;
using Jiebang.Web.Features.Audit;
using Jiebang.Web.Features.Files;
using Jiebang.Web.Features.Operations;
using Jiebang.Web.Features.PersonalData;
using Jiebang.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Writer;

namespace Jiebang.Web.Tests.Features.Operations;

/// <summary>`jiebang backup` then `jiebang restore` into another database, file store and key directory.</summary>
[Trait("Category", "Database")]
public sealed class BackupRestoreTests : IAsyncLifetime
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;
    readonly JiebangFactory _source = new();
    readonly JiebangFactory _target = new();
    readonly string _archive = Path.Combine(Path.GetTempPath(), $"jiebang-backup-{Guid.NewGuid():N}.tar.gz");
    Personas _personas = null!;

    public async ValueTask InitializeAsync()
    {
        await _source.InitializeAsync();
        await _target.InitializeAsync();
        _personas = await Personas.CreateAsync(_source.Services);
    }

    async Task<BackupManifest> BackUpSourceWithADemandAndAScanAsync()
    {
        var id = await TestDemands.SubmittedAsync(_source, _personas.UnitA);
        var owner = await _source.SignedInAsync("applicant-a");
        var builder = new PdfDocumentBuilder();
        builder.AddPage(PageSize.A4);
        var file = new ByteArrayContent(builder.Build());
        file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        (await owner.PostAsync($"/api/demands/{id}/scans", new MultipartFormDataContent { { file, "file", "盖章件.pdf" } }, Ct)).EnsureSuccessStatusCode();
        await _source.Services.GetRequiredService<AuditChainer>().ChainPendingAsync(cancellationToken: Ct);
        using var scope = _source.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<PlatformBackup>().WriteAsync(_archive, Ct);
    }

    /// <summary>The operator restores the key backup before the first start of the new server.</summary>
    void CopyKeysToTarget()
    {
        Directory.CreateDirectory(_target.KeysDirectory);
        foreach (var key in Directory.EnumerateFiles(_source.KeysDirectory))
            File.Copy(key, Path.Combine(_target.KeysDirectory, Path.GetFileName(key)));
    }

    async Task<Jiebang.Web.Features.Outcome<BackupManifest>> RestoreAsync(bool force = false)
    {
        using var scope = _target.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<PlatformRestore>().RestoreAsync(_archive, force, Ct);
    }

    static async Task<object> RecordsAsync(JiebangDbContext db, long lastAuditId) => new
    {
        Units = await db.Units.OrderBy(u => u.Id).Select(u => new { u.Id, u.Name, u.Uscc, u.ContactPhoneProtected }).ToListAsync(Ct),
        Users = await db.Users.OrderBy(u => u.Id).Select(u => new { u.Id, u.UserName, u.PasswordHash }).ToListAsync(Ct),
        Demands = await db.Demands.OrderBy(d => d.Id).Select(d => new { d.Id, d.Status, d.DraftJson }).ToListAsync(Ct),
        Versions = await db.DemandVersions.OrderBy(v => v.Id).Select(v => new { v.Id, v.ContentHash, v.ReceiptNumber }).ToListAsync(Ct),
        Attachments = await db.Attachments.OrderBy(a => a.Id).Select(a => new { a.Id, a.Sha256, a.Version }).ToListAsync(Ct),
        Audit = await db.AuditEntries.Where(a => a.Id <= lastAuditId).OrderBy(a => a.Id).Select(a => new { a.Id, a.Action, a.Hash }).ToListAsync(Ct),
    };

    [Fact]
    public async Task BackupThenRestore_GivesTheSameRecordsFilesAndAnAuditThatVerifies()
    {
        var manifest = await BackUpSourceWithADemandAndAScanAsync();
        CopyKeysToTarget();

        var restored = await RestoreAsync();

        Assert.True(restored.Succeeded, string.Join("; ", restored.Errors));
        await using var before = _source.CreateDbContext();
        await using var after = _target.CreateDbContext();
        var lastAuditId = await before.AuditEntries.MaxAsync(a => a.Id, Ct);
        Assert.Equal(System.Text.Json.JsonSerializer.Serialize(await RecordsAsync(before, lastAuditId)),
            System.Text.Json.JsonSerializer.Serialize(await RecordsAsync(after, lastAuditId)));
        var store = _target.Services.GetRequiredService<FileStore>();
        foreach (var sha in await after.Attachments.Select(a => a.Sha256).ToListAsync(Ct))
        {
            await using var stream = store.OpenRead(sha);
            Assert.Equal(sha, Convert.ToHexStringLower(await SHA256.HashDataAsync(stream, Ct)));
        }
        Assert.NotEmpty(manifest.Files);
        var phone = (await after.Units.FirstAsync(u => u.ContactPhoneProtected != "", Ct)).ContactPhoneProtected;
        Assert.NotNull(_target.Services.GetRequiredService<PersonalDataProtector>().TryUnprotect(phone));
        await _target.Services.GetRequiredService<AuditChainer>().ChainPendingAsync(cancellationToken: Ct);
        var verdict = await AuditChain.VerifyAsync(after, _target.Services.GetRequiredService<AuditChainFiles>(), Ct);
        Assert.True(verdict.IsIntact, verdict.Problem);
        Assert.True(await after.AuditEntries.AnyAsync(a => a.Action == "platform.restored", Ct));
    }

    [Fact]
    public async Task Restore_WithoutTheKeys_IsRefusedAndChangesNothing()
    {
        await BackUpSourceWithADemandAndAScanAsync();

        var restored = await RestoreAsync();

        Assert.Contains(restored.Errors, e => e.Code == "BACKUP_KEY_MISSING");
        await using var db = _target.CreateDbContext();
        Assert.False(await db.Units.AnyAsync(Ct));
    }

    [Fact]
    public async Task Restore_IntoADatabaseInUse_IsRefusedUnlessForced()
    {
        await BackUpSourceWithADemandAndAScanAsync();
        CopyKeysToTarget();
        await Personas.CreateAsync(_target.Services);

        var refused = await RestoreAsync();
        var forced = await RestoreAsync(force: true);

        Assert.Contains(refused.Errors, e => e.Code == "BACKUP_TARGET_NOT_EMPTY");
        Assert.True(forced.Succeeded, string.Join("; ", forced.Errors));
    }

    [Fact]
    public async Task Restore_ADamagedArchive_IsRefused()
    {
        await BackUpSourceWithADemandAndAScanAsync();
        CopyKeysToTarget();
        var bytes = await File.ReadAllBytesAsync(_archive, Ct);
        await File.WriteAllBytesAsync(_archive, bytes[..(bytes.Length / 2)], Ct);

        var restored = await RestoreAsync();

        Assert.False(restored.Succeeded);
        Assert.Contains(restored.Errors, e => e.Code is "BACKUP_ARCHIVE_UNREADABLE" or "BACKUP_DAMAGED");
    }

    public async ValueTask DisposeAsync()
    {
        await _source.DisposeAsync();
        await _target.DisposeAsync();
        File.Delete(_archive);
    }
}
