namespace Jiebang.Web.Data;

/// <summary>
/// The bureau that runs this instance, set once by `jiebang setup`: its unit, and what the public
/// pages, the footer and generated documents print of it. One row; none before setup.
/// </summary>
public sealed class BureauIdentity
{
    public const int TheOne = 1;

    public int Id { get; set; } = TheOne;
    public int UnitId { get; set; }
    /// <summary>The short name in the footer and on documents (龙泉市科技局).</summary>
    public required string ShortName { get; set; }
    public string Address { get; set; } = "";
    /// <summary>The office's public contact (a person's name as the notice prints it, and the office phone).</summary>
    public string ContactName { get; set; } = "";
    public string ContactPhone { get; set; } = "";
    public string ContactEmail { get; set; } = "";
    public DateTimeOffset SetUpAt { get; set; }
}
