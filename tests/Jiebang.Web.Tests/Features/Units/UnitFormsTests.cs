using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Jiebang.Web.Tests.Infrastructure;

namespace Jiebang.Web.Tests.Features.Units;

/// <summary>
/// What a unit's own people meet on the unit's pages: the region list starts from the bureau's county,
/// required fields are marked for eye and screen reader, and their own phone is shown whole.
/// </summary>
[Trait("Category", "Database")]
public sealed class UnitFormsTests(AppWithPersonas host) : IClassFixture<AppWithPersonas>
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public void RegionChoices_BureauInLongquan_StartWithLongquanThenLishuiThenTheRest()
    {
        var counties = new[]
        {
            new Jiebang.Web.Data.Region { Code = "330102", Name = "上城区", City = "杭州市", Level = "county" },
            new Jiebang.Web.Data.Region { Code = "331102", Name = "莲都区", City = "丽水市", Level = "county" },
            new Jiebang.Web.Data.Region { Code = "331181", Name = "龙泉市", City = "丽水市", Level = "county" },
            new Jiebang.Web.Data.Region { Code = "330782", Name = "义乌市", City = "金华市", Level = "county" },
        };

        var ordered = Jiebang.Web.Features.Units.RegionChoices.StartingFrom(counties, "331181").Select(r => r.Code);

        Assert.Equal(["331181", "331102", "330102", "330782"], ordered);
        Assert.Equal(["330102", "330782", "331102", "331181"], Jiebang.Web.Features.Units.RegionChoices.StartingFrom(counties, null).Select(r => r.Code));
    }

    [Fact]
    public async Task Register_RegionList_StartsFromTheBureausCountyAlreadyChosen()
    {
        var html = WebUtility.HtmlDecode(await host.App.NewClient().GetStringAsync("/Units/Register", Ct));

        var select = Regex.Match(html, "<select[^>]*id=\"Input_RegionCode\"[^>]*>(.*?)</select>", RegexOptions.Singleline);
        Assert.True(select.Success, "no region list");
        var options = Regex.Matches(select.Groups[1].Value, "<option([^>]*)>([^<]*)</option>").ToList();
        Assert.Equal("龙泉市", options[1].Groups[2].Value);
        Assert.Contains("selected", options[1].Groups[1].Value);
        Assert.StartsWith("<optgroup label=\"丽水市\">", select.Groups[1].Value.Split("</option>", 2)[1].Trim());
    }

    [Fact]
    public async Task Register_RequiredFields_AreMarkedAndSaySoToScreenReaders()
    {
        var html = WebUtility.HtmlDecode(await host.App.NewClient().GetStringAsync("/Units/Register", Ct));

        Assert.Contains("标有 * 的为必填项。", html);
        foreach (var id in new[] { "Input_Name", "Input_Uscc", "Input_RegionCode", "Input_ContactName", "Input_ContactPhone", "Input_UserName", "Input_Password" })
            Assert.Matches(new Regex($"<(input|select)[^>]*required[^>]*aria-required=\"true\"[^>]*id=\"{id}\"|<(input|select)[^>]*id=\"{id}\"[^>]*required[^>]*aria-required=\"true\""), html);
        Assert.DoesNotMatch(new Regex("<input[^>]*id=\"Input_ContactEmail\"[^>]*aria-required"), html);
    }

    [Fact]
    public async Task UnitPage_OwnUnit_ShowsItsPhoneWhole_StaffStillSeeItMasked()
    {
        var own = await host.App.SignedInAsync("applicant-a");
        var staff = await host.App.SignedInAsync("staff");
        var url = $"/Units/Details/{host.Personas.UnitA}";

        var ownPage = WebUtility.HtmlDecode(await own.GetStringAsync(url, Ct));
        var staffPage = WebUtility.HtmlDecode(await staff.GetStringAsync(url, Ct));

        Assert.Contains("<span data-testid=\"contact-phone\">13905781234</span>", ownPage);
        Assert.Contains("<span data-testid=\"contact-phone\">139****1234</span>", staffPage);
        var ownView = await own.GetFromJsonAsync<JsonElement>($"/api/units/{host.Personas.UnitA}", Ct);
        Assert.Equal("13905781234", ownView.GetProperty("contactPhone").GetString());
        Assert.Equal("139****1234", ownView.GetProperty("contactPhoneMasked").GetString());
        var staffView = await staff.GetFromJsonAsync<JsonElement>($"/api/units/{host.Personas.UnitA}", Ct);
        Assert.Equal(JsonValueKind.Null, staffView.GetProperty("contactPhone").ValueKind);
    }
}
