using Jiebang.Domain.Integrity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Jiebang.Web.Data;

/// <summary>
/// A stored blacklist entry (失信记录). A USCC is kept as it is; a resident ID number is personal data:
/// <see cref="IdentifierProtected"/> holds it encrypted and <see cref="IdentifierShown"/> masked. Every
/// lookup goes through <see cref="IdentifierHash"/>, an HMAC of the kind and the normalised identifier
/// keyed with the lookup key file, so that the database alone does not let anyone test numbers.
/// </summary>
public sealed class BlacklistRecord
{
    public long Id { get; set; }
    public BlacklistIdentifierKind Kind { get; set; }
    public required string IdentifierHash { get; set; }
    public required string IdentifierShown { get; set; }
    public string? IdentifierProtected { get; set; }
    public required string Name { get; set; }
    public required string Source { get; set; }
    public DateOnly ListedOn { get; set; }
    public DateOnly? ExpiresOn { get; set; }
    public DateTimeOffset ImportedAt { get; set; }
    public string? ImportedByUserId { get; set; }

    public static void Configure(EntityTypeBuilder<BlacklistRecord> record)
    {
        record.ToTable("BlacklistEntries");
        record.HasIndex(r => r.IdentifierHash);
        // One entry per identifier, source and date: importing the same list twice adds nothing.
        record.HasIndex(r => new { r.IdentifierHash, r.Source, r.ListedOn }).IsUnique();
        record.Property(r => r.IdentifierHash).HasMaxLength(64);
        record.Property(r => r.IdentifierShown).HasMaxLength(18);
        record.Property(r => r.Name).HasMaxLength(100);
        record.Property(r => r.Source).HasMaxLength(100);
    }
}
