using System.Text.Json;
using Jiebang.Domain.Demands;
using Jiebang.Domain.Filings;
using Jiebang.Domain.Guidelines;
using Jiebang.Domain.Proposals;
using Jiebang.Domain.Rounds;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Jiebang.Web.Data;

/// <summary>
/// The one model of the platform. Each provider has a thin subclass with its own migrations
/// (<see cref="SqliteJiebangDbContext"/>, <see cref="PostgresJiebangDbContext"/>).
/// </summary>
public abstract class JiebangDbContext(DbContextOptions options)
    : IdentityDbContext<JiebangUser>(options), IDataProtectionKeyContext
{
    public DbSet<Unit> Units => Set<Unit>();
    public DbSet<Region> Regions => Set<Region>();
    public DbSet<Round> Rounds => Set<Round>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<AuditChainHead> AuditChainHeads => Set<AuditChainHead>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();
    public DbSet<Demand> Demands => Set<Demand>();
    public DbSet<FilingVersion<DemandStatus>> DemandVersions => Set<FilingVersion<DemandStatus>>();
    public DbSet<FilingEvent<DemandStatus>> DemandEvents => Set<FilingEvent<DemandStatus>>();
    public DbSet<BureauIdentity> BureauIdentities => Set<BureauIdentity>();
    public DbSet<GuidelineItem> GuidelineItems => Set<GuidelineItem>();
    public DbSet<Proposal> Proposals => Set<Proposal>();
    public DbSet<FilingVersion<ProposalStatus>> ProposalVersions => Set<FilingVersion<ProposalStatus>>();
    public DbSet<FilingEvent<ProposalStatus>> ProposalEvents => Set<FilingEvent<ProposalStatus>>();
    public DbSet<RecommendationBatch> RecommendationBatches => Set<RecommendationBatch>();
    public DbSet<FormDefinitionRecord> FormDefinitions => Set<FormDefinitionRecord>();
    public DbSet<TaxonomyRecord> Taxonomies => Set<TaxonomyRecord>();
    public DbSet<Attachment> Attachments => Set<Attachment>();
    public DbSet<SimilarityRecord> SimilarityRecords => Set<SimilarityRecord>();
    public DbSet<BlacklistRecord> BlacklistEntries => Set<BlacklistRecord>();
    public DbSet<Domain.Proposals.Recommendation.LevelRecommendation> ProposalLevels => Set<Domain.Proposals.Recommendation.LevelRecommendation>();
    public DbSet<Domain.Proposals.Recommendation.ProposalBatch> ProposalBatches => Set<Domain.Proposals.Recommendation.ProposalBatch>();
    public DbSet<QuotaUse> QuotaUses => Set<QuotaUse>();
    public DbSet<LetterTemplate> LetterTemplates => Set<LetterTemplate>();
    public DbSet<SignInFailure> SignInFailures => Set<SignInFailure>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.Entity<Unit>(unit =>
        {
            unit.HasIndex(u => u.Uscc).IsUnique();
            unit.HasIndex(u => new { u.Name, u.Id }); // the inbox's sort by unit
            unit.Property(u => u.Name).HasMaxLength(100);
            unit.Property(u => u.Uscc).HasMaxLength(18);
            unit.Property(u => u.RegionCode).HasMaxLength(6);
            unit.HasOne<Region>().WithMany().HasForeignKey(u => u.RegionCode).OnDelete(DeleteBehavior.Restrict);
        });
        builder.Entity<Region>().HasKey(r => r.Code);
        builder.Entity<Round>(round =>
        {
            round.HasIndex(r => r.PresetKey).IsUnique();
            round.Property(r => r.Settings).HasConversion(
                s => JsonSerializer.Serialize(s, JsonSerializerOptions.Web),
                s => JsonSerializer.Deserialize<RoundSettings>(s, JsonSerializerOptions.Web) ?? new RoundSettings());
            round.Property(r => r.Forms).HasConversion(JsonList<string>(), ListComparer<string>());
            round.Property(r => r.Stages).HasConversion(JsonList<RoundStage>(), ListComparer<RoundStage>());
        });
        builder.Entity<JiebangUser>()
            .HasOne<Unit>().WithMany().HasForeignKey(u => u.UnitId).OnDelete(DeleteBehavior.Restrict);
        builder.Entity<Demand>(demand =>
        {
            demand.HasIndex(d => new { d.RoundId, d.Status });
            demand.HasIndex(d => d.RecommenderUnitId);
            // The inbox reads these instead of the wide rows (the draft's JSON and search text): its pages walk the first
            // (newest first; a round's, the second) or the third (by unit, through Units' name index), its chart counts read the fourth. Each
            // holds what staff's visibility reads (the reached-the-bureau marker and the owner unit).
            demand.HasIndex(d => new { d.UpdatedAt, d.Id, d.ReachedBureauAt, d.OwnerUnitId });
            demand.HasIndex(d => new { d.RoundId, d.UpdatedAt, d.Id, d.ReachedBureauAt, d.OwnerUnitId }); // a round's list, its export
            demand.HasIndex(d => new { d.OwnerUnitId, d.Id, d.ReachedBureauAt });
            demand.HasIndex(d => new { d.Area, d.Directions, d.ReachedBureauAt, d.OwnerUnitId, d.Status, d.RecommenderUnitId, d.RoundId });
            demand.Property(d => d.ConcurrencyStamp).IsConcurrencyToken();
            demand.Property(d => d.Title).HasMaxLength(200);
            demand.Property(d => d.Area).HasMaxLength(100);
            demand.HasMany(d => d.Versions).WithOne().HasForeignKey(v => v.FilingId);
            demand.HasMany(d => d.Events).WithOne().HasForeignKey(e => e.FilingId);
            demand.Navigation(d => d.Versions).HasField("_versions").UsePropertyAccessMode(PropertyAccessMode.Field);
            demand.Navigation(d => d.Events).HasField("_events").UsePropertyAccessMode(PropertyAccessMode.Field);
            demand.HasOne<Round>().WithMany().HasForeignKey(d => d.RoundId).OnDelete(DeleteBehavior.Restrict);
            demand.HasOne<Unit>().WithMany().HasForeignKey(d => d.OwnerUnitId).OnDelete(DeleteBehavior.Restrict);
        });
        // One version number per demand: a concurrent double submit fails here instead of making two.
        builder.Entity<FilingVersion<DemandStatus>>(version =>
        {
            version.ToTable("DemandVersions");
            version.Property(v => v.FilingId).HasColumnName("DemandId");
            version.HasIndex(v => new { v.FilingId, v.Number }).IsUnique();
        });
        builder.Entity<FilingEvent<DemandStatus>>(e =>
        {
            e.ToTable("DemandEvents");
            e.Property(v => v.FilingId).HasColumnName("DemandId");
        });
        builder.Entity<BureauIdentity>(bureau =>
        {
            bureau.Property(b => b.Id).ValueGeneratedNever();
            bureau.Property(b => b.ShortName).HasMaxLength(50);
            bureau.Property(b => b.Address).HasMaxLength(200);
            bureau.Property(b => b.ContactName).HasMaxLength(50);
            bureau.Property(b => b.ContactPhone).HasMaxLength(30);
            bureau.Property(b => b.ContactEmail).HasMaxLength(254);
            bureau.HasOne<Unit>().WithMany().HasForeignKey(b => b.UnitId).OnDelete(DeleteBehavior.Restrict);
        });
        builder.Entity<GuidelineItem>(item =>
        {
            item.HasIndex(i => new { i.CallRoundId, i.Status });
            item.HasIndex(i => new { i.CallRoundId, i.Number });
            item.Property(i => i.WithdrawReason).HasMaxLength(GuidelineRules.MaxText);
            item.Property(i => i.ConcurrencyStamp).IsConcurrencyToken();
            item.Property(i => i.Name).HasMaxLength(200);
            item.Property(i => i.Area).HasMaxLength(100);
            item.Property(i => i.Direction).HasMaxLength(200);
            item.Property(i => i.FundingWan).HasPrecision(12, 2);
            item.HasOne<Round>().WithMany().HasForeignKey(i => i.CallRoundId).OnDelete(DeleteBehavior.Restrict);
            item.OwnsMany(i => i.Sources, source =>
            {
                source.ToTable("GuidelineItemSources");
                source.WithOwner().HasForeignKey(s => s.GuidelineItemId);
                source.HasKey(s => new { s.GuidelineItemId, s.DemandId });
                source.HasOne<Demand>().WithMany().HasForeignKey(s => s.DemandId).OnDelete(DeleteBehavior.Restrict);
                source.HasIndex(s => s.DemandId);
            });
            item.Navigation(i => i.Sources).HasField("_sources").UsePropertyAccessMode(PropertyAccessMode.Field);
        });
        ProposalModel.Configure(builder);
        SignInFailure.Configure(builder);
        builder.Entity<FormDefinitionRecord>().HasKey(f => new { f.Key, f.Version });
        builder.Entity<TaxonomyRecord>().HasKey(t => t.Key);
        builder.Entity<RecommendationBatch>().HasIndex(b => new { b.RoundId, b.RecommenderUnitId });
        builder.Entity<Attachment>(attachment =>
        {
            attachment.HasIndex(a => new { a.OwnerType, a.OwnerId });
            attachment.Property(a => a.Sha256).HasMaxLength(64);
            attachment.Property(a => a.FileName).HasMaxLength(200);
        });
        builder.Entity<BlacklistRecord>(BlacklistRecord.Configure);
        builder.Entity<LetterTemplate>(LetterTemplate.Configure);
        builder.Entity<SimilarityRecord>(record =>
        {
            record.HasIndex(r => new { r.SourceType, r.SourceId });
            record.HasIndex(r => r.IndexedAt);
            record.Property(r => r.Title).HasMaxLength(300);
        });
        builder.Entity<AuditEntry>(audit =>
        {
            audit.Property(a => a.Action).HasMaxLength(64);
            audit.HasIndex(a => new { a.EntityType, a.EntityId });
        });
        builder.Entity<AuditChainHead>().Property(h => h.Id).ValueGeneratedNever();
    }

    /// <summary>A list kept as one JSON array column, compared by content.</summary>
    static ValueConverter<List<T>, string> JsonList<T>() => new(
        list => JsonSerializer.Serialize(list, JsonSerializerOptions.Web),
        json => JsonSerializer.Deserialize<List<T>>(json, JsonSerializerOptions.Web) ?? new List<T>());

    static ValueComparer<List<T>> ListComparer<T>() => new(
        (a, b) => a!.SequenceEqual(b!), list => list.Aggregate(0, (hash, item) => HashCode.Combine(hash, item)), list => list.ToList());
}
