namespace Jiebang.Web.Features.Calls;

/// <summary>
/// The bureau's contact printed on every public call page (configuration section "Bureau"). The
/// default is the Longquan notice's own: "报送龙泉市科技局综合业务科（联系人：孙亮，邮箱：…）" [notice §4.3].
/// </summary>
public sealed class BureauContact
{
    public const string Section = "Bureau";

    public string Name { get; set; } = "龙泉市科学技术局";
    public string Department { get; set; } = "综合业务科";
    public string Person { get; set; } = "孙亮";
    public string Email { get; set; } = "2191290347@qq.com";
    public string? Phone { get; set; }
    public string? Address { get; set; }
}
