using System.Text.Json;
using Jiebang.Domain.Integrity;
using Jiebang.Domain.Rounds;
using Jiebang.Domain.Rules;
using Jiebang.Web.Data;
using Jiebang.Web.Features.Access;
using Jiebang.Web.Features.Audit;
using Jiebang.Web.Features.Files;
using Jiebang.Web.Features.PersonalData;
using Microsoft.EntityFrameworkCore;

namespace Jiebang.Web.Features.Blacklist;

/// <summary>
/// Staff import blacklist entries: the file is read and every row checked, then a preview shows the rows
/// to add, the rows refused with their reasons and the duplicates (already stored, or twice in the file);
/// nothing is saved until staff confirm, and then all rows and one audit entry commit together. Between
/// preview and confirmation the upload waits encrypted (it holds ID numbers), under a random token.
/// </summary>
public sealed class ImportBlacklist(JiebangDbContext db, BlacklistIdentifiers identifiers, PersonalDataProtector protector,
    FileStore files, AuditTrail audit, TimeProvider clock)
{
    public sealed record Preview(string Token, IReadOnlyList<BlacklistFile.Row> ToAdd, IReadOnlyList<BlacklistFile.Row> Refused,
        IReadOnlyList<BlacklistFile.Row> Duplicates);

    string PathOf(string token) => Path.Combine(files.Root, "imports", "blacklist-" + token);

    DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().ToOffset(ChinaTime.Offset).DateTime);

    public async Task<Outcome<Preview>> PreviewAsync(Actor actor, Stream content, CancellationToken cancellationToken = default)
    {
        if (Permissions.WhyNotManageBlacklist(actor) is { } denied) return denied;
        var bytes = await ReadBoundedAsync(content, cancellationToken);
        if (bytes is null) return BlacklistErrors.FileTooLarge.At("file", BlacklistFile.MaxBytes / 1024 / 1024);
        var token = Guid.NewGuid().ToString("N");
        var preview = await PreviewOfAsync(token, bytes, cancellationToken);
        if (!preview.Succeeded) return preview;
        Directory.CreateDirectory(Path.GetDirectoryName(PathOf(token))!);
        var stored = JsonSerializer.Serialize(new Stored(actor.UserId, Convert.ToBase64String(bytes)));
        await File.WriteAllTextAsync(PathOf(token), protector.Protect(stored), cancellationToken);
        return preview;
    }

    public async Task<Outcome<int>> CommitAsync(Actor actor, string token, CancellationToken cancellationToken = default)
    {
        if (Permissions.WhyNotManageBlacklist(actor) is { } denied) return denied;
        if (token.Length != 32 || !token.All(char.IsAsciiHexDigit) || !File.Exists(PathOf(token)))
            return BlacklistErrors.PreviewNotFound.At("token");
        var stored = protector.TryUnprotect(await File.ReadAllTextAsync(PathOf(token), cancellationToken)) is { } json
            ? JsonSerializer.Deserialize<Stored>(json) : null;
        if (stored is null || stored.UserId != actor.UserId) return BlacklistErrors.PreviewNotFound.At("token");

        var preview = await PreviewOfAsync(token, Convert.FromBase64String(stored.Content), cancellationToken);
        if (!preview.Succeeded) return preview.Errors.ToList();
        var now = clock.GetUtcNow();
        var rows = preview.Value!.ToAdd;
        var added = await db.InOneTransactionAsync(async () =>
        {
            foreach (var row in rows)
                db.BlacklistEntries.Add(new BlacklistRecord
                {
                    Kind = row.Kind!.Value, IdentifierHash = identifiers.Hash(row.Kind.Value, row.Identifier),
                    IdentifierShown = row.Display, IdentifierProtected = identifiers.Protect(row.Kind.Value, row.Identifier),
                    Name = row.Name, Source = row.Source, ListedOn = row.ListedOn!.Value, ExpiresOn = row.ExpiresOn,
                    ImportedAt = now, ImportedByUserId = actor.UserId,
                });
            audit.Record(actor, "blacklist.imported", nameof(BlacklistRecord), "",
                after: new
                {
                    added = rows.Count, refused = preview.Value.Refused.Count, duplicates = preview.Value.Duplicates.Count,
                    entries = rows.Select(r => new { r.Kind, identifier = r.Display, r.Name, r.Source, r.ListedOn, r.ExpiresOn })
                });
            await db.SaveChangesAsync(cancellationToken);
            return rows.Count;
        }, cancellationToken);
        File.Delete(PathOf(token));
        return added;
    }

    sealed record Stored(string? UserId, string Content);

    async Task<Outcome<Preview>> PreviewOfAsync(string token, byte[] bytes, CancellationToken cancellationToken)
    {
        var read = BlacklistFile.Read(bytes, Today);
        if (!read.Succeeded) return read.Errors.ToList();
        var rows = read.Value!;
        var refused = rows.Where(r => r.Errors.Count > 0).ToList();
        var valid = rows.Where(r => r.Errors.Count == 0)
            .Select(r => (Row: r, Key: (Hash: identifiers.Hash(r.Kind!.Value, r.Identifier), r.Source, ListedOn: r.ListedOn!.Value))).ToList();
        var hashes = valid.Select(v => v.Key.Hash).Distinct().ToList();
        var stored = (await db.BlacklistEntries.AsNoTracking().Where(e => hashes.Contains(e.IdentifierHash))
            .Select(e => new { e.IdentifierHash, e.Source, e.ListedOn }).ToListAsync(cancellationToken))
            .Select(e => (e.IdentifierHash, e.Source, e.ListedOn)).ToHashSet();
        var seen = new HashSet<(string, string, DateOnly)>();
        var (toAdd, duplicates) = (new List<BlacklistFile.Row>(), new List<BlacklistFile.Row>());
        foreach (var (row, key) in valid)
            (stored.Contains(key) || !seen.Add(key) ? duplicates : toAdd).Add(row);
        return new Preview(token, toAdd, refused, duplicates);
    }

    static async Task<byte[]?> ReadBoundedAsync(Stream content, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await content.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > BlacklistFile.MaxBytes) return null;
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }
}
