using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Jiebang.Web.Data;

/// <summary>
/// A letter a recommending level generates for its batch (推荐函, 承诺书) [annex 4 §4.2]: the notice prints no
/// text of its own, so the platform ships plain ones that bureau staff edit. The body holds named
/// placeholders ({推荐单位}, {项目数}, {项目清单}, {日期} …) filled when the letter is generated.
/// </summary>
public sealed class LetterTemplate
{
    public const int MaxKeyChars = 64, MaxTitleChars = 100, MaxBodyChars = 8000;

    public int Id { get; set; }
    public required string Key { get; set; }
    public required string Title { get; set; }
    public required string Body { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public string? UpdatedByUserId { get; set; }
    public Guid ConcurrencyStamp { get; set; } = Guid.NewGuid();

    public static void Configure(EntityTypeBuilder<LetterTemplate> template)
    {
        template.HasIndex(t => t.Key).IsUnique();
        template.Property(t => t.Key).HasMaxLength(MaxKeyChars);
        template.Property(t => t.Title).HasMaxLength(MaxTitleChars);
        template.Property(t => t.Body).HasMaxLength(MaxBodyChars);
        template.Property(t => t.ConcurrencyStamp).IsConcurrencyToken();
    }
}
