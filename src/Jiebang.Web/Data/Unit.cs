using Jiebang.Domain.Units;

namespace Jiebang.Web.Data;

public enum UnitStatus { Pending = 0, Approved = 1, Rejected = 2 }

/// <summary>An organization (单位). A new unit stays pending until bureau staff approve it.</summary>
public sealed class Unit
{
    public int Id { get; set; }
    public required string Name { get; set; }
    /// <summary>The normalised unified social credit code; unique.</summary>
    public required string Uscc { get; set; }
    public UnitType Type { get; set; }
    public required string RegionCode { get; set; }
    public bool IsAgricultural { get; set; }
    public bool IsHighTech { get; set; }
    public bool IsTechSme { get; set; }
    public string ContactName { get; set; } = "";
    /// <summary>Encrypted with <see cref="PersonalData"/>; never stored in clear.</summary>
    public string ContactPhoneProtected { get; set; } = "";
    public string ContactEmail { get; set; } = "";
    public UnitStatus Status { get; set; }
    /// <summary>Set when the code fails its check character (USCC_CHECK) and staff must decide by hand.</summary>
    public string? UsccCheckFailure { get; set; }
    /// <summary>Why staff accepted a code that fails its check (RULES.md: early pilot codes).</summary>
    public string? UsccOverrideReason { get; set; }
    public string? ReviewNote { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? ReviewedAt { get; set; }
    public string? ReviewedByUserId { get; set; }
}
