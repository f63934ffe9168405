using Jiebang.Web.Features.Setup;

namespace Jiebang.Web.Features.Calls;

/// <summary>
/// The bureau's contact printed on the home page and every public call page, from the identity
/// `jiebang setup` recorded (for Longquan, the notice's own: "报送龙泉市科技局综合业务科（联系人：孙亮，
/// 邮箱：…）" [notice §4.3]); none before setup, so no instance ever shows another bureau's contact.
/// </summary>
public sealed record BureauContact(string Name, string Person, string Email, string? Phone, string? Address)
{
    public static async Task<BureauContact?> OfAsync(BureauProfile bureau, CancellationToken cancellationToken) =>
        await bureau.GetAsync(cancellationToken) is { } view
            ? new(view.Name, view.ContactName, view.ContactEmail, NullIfEmpty(view.ContactPhone), NullIfEmpty(view.Address))
            : null;

    static string? NullIfEmpty(string value) => value.Length == 0 ? null : value;
}
