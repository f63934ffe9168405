using Microsoft.AspNetCore.Identity;

namespace Jiebang.Web.Data;

/// <summary>A person with an account; belongs to exactly one unit.</summary>
public sealed class JiebangUser : IdentityUser
{
    public int UnitId { get; set; }
    public string FullName { get; set; } = "";
    /// <summary>Encrypted mobile number (PIPL personal information).</summary>
    public string MobileProtected { get; set; } = "";
    /// <summary>Encrypted resident ID number, when the person gave one (experts, project leaders).</summary>
    public string? ResidentIdProtected { get; set; }
    /// <summary>Demo accounts sign in only in Development.</summary>
    public bool IsDemo { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}
