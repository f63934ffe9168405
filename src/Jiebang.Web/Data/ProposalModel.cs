using Jiebang.Domain.Filings;
using Jiebang.Domain.Guidelines;
using Jiebang.Domain.Proposals;
using Jiebang.Domain.Proposals.Recommendation;
using Microsoft.EntityFrameworkCore;

namespace Jiebang.Web.Data;

/// <summary>The proposal's tables: the filing, its versions and its events, as a demand's are kept.</summary>
public static class ProposalModel
{
    /// <summary>
    /// The shadow column of <see cref="Proposal"/> with the leader's hashed ID number (64 hex digits);
    /// <see cref="NoLeaderIdHash"/> when there is none to compare by; null while it was never worked out (a row saved
    /// before the column existed, or started and not saved since), which the start's backfill reads and fills.
    /// </summary>
    public const string LeaderIdHash = "LeaderIdHash";

    /// <summary>The leader hash of a proposal without a leader's number (or of a form no longer known): empty, never a hash.</summary>
    public const string NoLeaderIdHash = "";

    /// <summary>
    /// The leader hash of a proposal whose number this installation's keys cannot decrypt (another installation's,
    /// or keys missing at the start that read it): never a hash, and kept apart from <see cref="NoLeaderIdHash"/> so
    /// that setting these back to null has the next start try them again.
    /// </summary>
    public const string UnreadableLeaderIdHash = "?";

    /// <summary>Whether a stored leader hash is one (64 hex digits) rather than one of the values for none.</summary>
    public static bool IsLeaderIdHash(string? stored) => stored is { Length: 64 };

    public static void Configure(ModelBuilder builder)
    {
        builder.Entity<Proposal>(proposal =>
        {
            proposal.HasIndex(p => new { p.RoundId, p.Status });
            proposal.HasIndex(p => p.OwnerUnitId);
            proposal.HasIndex(p => p.RecommenderUnitId);
            proposal.HasIndex(p => p.HolderUnitId);
            proposal.HasIndex(p => p.GuidelineItemId);
            proposal.Property(p => p.ConcurrencyStamp).IsConcurrencyToken();
            proposal.Property(p => p.Title).HasMaxLength(200);
            proposal.Property(p => p.Category).HasMaxLength(50);
            proposal.Property(p => p.FormKey).HasMaxLength(64);
            // The keyed hash of the leader's ID number (BlacklistIdentifiers.Hash), kept at each save so that
            // the one-channel rule compares leaders across a round without decrypting anyone's number.
            proposal.Property<string?>(LeaderIdHash).HasMaxLength(64).IsRequired(false);
            proposal.HasIndex(LeaderIdHash);
            proposal.HasMany(p => p.Versions).WithOne().HasForeignKey(v => v.FilingId);
            proposal.HasMany(p => p.Events).WithOne().HasForeignKey(e => e.FilingId);
            proposal.Navigation(p => p.Versions).HasField("_versions").UsePropertyAccessMode(PropertyAccessMode.Field);
            proposal.Navigation(p => p.Events).HasField("_events").UsePropertyAccessMode(PropertyAccessMode.Field);
            proposal.HasMany(p => p.Levels).WithOne().HasForeignKey(l => l.ProposalId);
            proposal.Navigation(p => p.Levels).HasField("_levels").UsePropertyAccessMode(PropertyAccessMode.Field);
            proposal.HasOne<Round>().WithMany().HasForeignKey(p => p.RoundId).OnDelete(DeleteBehavior.Restrict);
            proposal.HasOne<Unit>().WithMany().HasForeignKey(p => p.OwnerUnitId).OnDelete(DeleteBehavior.Restrict);
            proposal.HasOne<Unit>().WithMany().HasForeignKey(p => p.RecommenderUnitId).OnDelete(DeleteBehavior.Restrict);
            proposal.HasOne<GuidelineItem>().WithMany().HasForeignKey(p => p.GuidelineItemId).OnDelete(DeleteBehavior.Restrict);
        });
        // One version number per proposal: a concurrent double submit fails here instead of making two.
        builder.Entity<FilingVersion<ProposalStatus>>(version =>
        {
            version.ToTable("ProposalVersions");
            version.Property(v => v.FilingId).HasColumnName("ProposalId");
            version.HasIndex(v => new { v.FilingId, v.Number }).IsUnique();
        });
        // A proposal reaches each level once; a level's lists and its quota count read by round and unit.
        builder.Entity<LevelRecommendation>(level =>
        {
            level.ToTable("ProposalLevels");
            level.HasIndex(l => new { l.ProposalId, l.UnitId }).IsUnique();
            level.HasIndex(l => new { l.RoundId, l.UnitId, l.Decision });
            level.Property(l => l.Reason).HasMaxLength(2000);
            level.HasOne<Unit>().WithMany().HasForeignKey(l => l.UnitId).OnDelete(DeleteBehavior.Restrict);
            level.HasOne<ProposalBatch>().WithMany().HasForeignKey(l => l.BatchId).OnDelete(DeleteBehavior.Restrict);
        });
        builder.Entity<ProposalBatch>(batch =>
        {
            batch.HasIndex(b => new { b.RoundId, b.UnitId });
            batch.Property(b => b.Opinion).HasMaxLength(2000);
            batch.Property(b => b.ConcurrencyStamp).IsConcurrencyToken();
            batch.HasOne<Round>().WithMany().HasForeignKey(b => b.RoundId).OnDelete(DeleteBehavior.Restrict);
            batch.HasOne<Unit>().WithMany().HasForeignKey(b => b.UnitId).OnDelete(DeleteBehavior.Restrict);
            // What reached a level: its received list reads by this. No foreign key, as HolderUnitId has none: SQLite
            // cannot add one to a table in place (units are never deleted).
            batch.HasIndex(b => b.SentToUnitId);
        });
        builder.Entity<QuotaUse>(use =>
        {
            use.HasKey(u => new { u.RoundId, u.UnitId });
            use.HasOne<Round>().WithMany().HasForeignKey(u => u.RoundId).OnDelete(DeleteBehavior.Cascade);
            use.HasOne<Unit>().WithMany().HasForeignKey(u => u.UnitId).OnDelete(DeleteBehavior.Restrict);
        });
        builder.Entity<FilingEvent<ProposalStatus>>(e =>
        {
            e.ToTable("ProposalEvents");
            e.Property(v => v.FilingId).HasColumnName("ProposalId");
        });
    }
}
