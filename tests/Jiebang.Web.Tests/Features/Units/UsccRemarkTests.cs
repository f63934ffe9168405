using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Jiebang.Domain.Identifiers;
using Jiebang.Web.Tests.Infrastructure;

namespace Jiebang.Web.Tests.Features.Units;

/// <summary>A unit whose code was issued outside Zhejiang registers, with a remark staff see when approving.</summary>
[Trait("Category", "Database")]
public sealed class UsccRemarkTests(AppWithPersonas host) : IClassFixture<AppWithPersonas>
{
    /// <summary>A valid code from its first 16 characters: the organisation code's check digit, then the code's check character.</summary>
    static string Code(string first16)
    {
        var first17 = first16 + Uscc.OrganisationCodeCheckDigit(first16.AsSpan(8, 8));
        return first17 + Uscc.CheckCharacter(first17);
    }

    async Task<int> RegisterAsync(string uscc, string userName)
    {
        var response = await host.App.NewClient().PostAsJsonAsync("/api/units", new
        {
            name = "省外登记测试有限公司", uscc, type = "Enterprise", regionCode = "331181", contactName = "张三",
            contactPhone = "13905781111", contactEmail = "a@example.cn", userName, password = "register-2024-pw",
        }, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken)).GetProperty("id").GetInt32();
    }

    [Fact]
    public async Task Register_CodeIssuedInBeijing_IsRegisteredWithARemarkStaffSeeWhenApproving()
    {
        var id = await RegisterAsync(Code("91110108MA01XY2B"), "beijing-unit");
        var staff = await host.App.SignedInAsync("staff");
        var page = WebUtility.HtmlDecode(await staff.GetStringAsync($"/Units/Details/{id}", TestContext.Current.CancellationToken));
        Assert.Contains("第3–4位为11，登记管理机关不在浙江省（33）", page);
        Assert.Contains("省外登记", WebUtility.HtmlDecode(await staff.GetStringAsync("/Units", TestContext.Current.CancellationToken)));

        var review = await staff.PostAsJsonAsync($"/api/units/{id}/review", new { decision = "Approve" }, TestContext.Current.CancellationToken);
        Assert.True(review.IsSuccessStatusCode, await review.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Register_CodeIssuedInZhejiang_HasNoRemark()
    {
        var id = await RegisterAsync(Code("91331181MA2BDX0C"), "zhejiang-unit");
        var staff = await host.App.SignedInAsync("staff");
        var page = await staff.GetStringAsync($"/Units/Details/{id}", TestContext.Current.CancellationToken);
        Assert.DoesNotContain("uscc-remark", page);
    }
}
