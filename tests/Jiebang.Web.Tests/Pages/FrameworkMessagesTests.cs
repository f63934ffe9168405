using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Jiebang.Domain.Rounds;
using Jiebang.Domain.Rules;
using Jiebang.Domain.Units;
using Jiebang.Web.Features.Accounts;
using Jiebang.Web.Features.Security;
using Jiebang.Web.Tests.Infrastructure;

namespace Jiebang.Web.Tests.Pages;

/// <summary>
/// A form posted empty or with a value that cannot be read shows our messages, in the page's
/// language, each once: never ASP.NET Core's own English ones (issue 8, item 4).
/// </summary>
public sealed partial class FrameworkMessagesTests(AppWithPersonas host) : IClassFixture<AppWithPersonas>
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;
    static readonly CultureInfo Chinese = CultureInfo.GetCultureInfo("zh-CN");
    static readonly string[] FrameworkPhrases =
        ["field is required", "is not valid for", "must be a number", "is invalid", "was not provided", "value is required", "data-val-"];

    static string Zh(RuleError error) => error.Message(Chinese);

    /// <summary>The messages of the page's validation summary, after checking the page holds no framework text.</summary>
    static async Task<List<string>> MessagesAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.Content.ReadAsStringAsync(Ct);
        Assert.Contains("lang=\"zh-CN\"", page);
        foreach (var phrase in FrameworkPhrases) Assert.DoesNotContain(phrase, page, StringComparison.OrdinalIgnoreCase);
        var summary = Summary().Match(page);
        Assert.True(summary.Success, "no error summary with errors");
        var messages = Item().Matches(summary.Groups[1].Value).Select(m => WebUtility.HtmlDecode(m.Groups[1].Value)).ToList();
        Assert.Equal(messages.Distinct(), messages); // each once
        Assert.All(messages, m => Assert.Matches(Han(), m));
        return messages;
    }

    [Fact]
    public async Task Register_EmptyForm_ShowsOurChineseMessagesOnly_EachOnce()
    {
        var response = await host.App.NewClient().PostFormAsync("/Units/Register", new Dictionary<string, string>
        {
            ["Input.Name"] = "", ["Input.Uscc"] = "", ["Input.Type"] = "Enterprise", ["Input.RegionCode"] = "",
            ["Input.ContactName"] = "", ["Input.ContactPhone"] = "", ["Input.ContactEmail"] = "",
            ["Input.UserName"] = "", ["Input.Password"] = "",
        });

        var messages = await MessagesAsync(response);
        Assert.Contains(Zh(UnitErrors.NameRequired.At("name")), messages);
        Assert.Contains(Zh(UnitErrors.ContactRequired.At("contactName")), messages);
        Assert.Contains(Zh(AccountErrors.UserNameRequired.At("userName")), messages);
    }

    [Fact]
    public async Task Register_UnknownUnitType_SaysTheValueIsNotValid_InChinese()
    {
        var response = await host.App.NewClient().PostFormAsync("/Units/Register", new Dictionary<string, string>
        {
            ["Input.Name"] = "", ["Input.Type"] = "Spaceship",
        });

        Assert.Contains(Zh(RequestErrors.ValueInvalid.At("", "Spaceship")), await MessagesAsync(response));
    }

    [Fact]
    public async Task CreateAccount_UnitNotANumberAndEmptyFields_ShowOurChineseMessagesOnly_EachOnce()
    {
        var admin = await host.App.SignedInAsync("admin");
        var response = await admin.PostFormAsync("/Accounts/Create", new Dictionary<string, string>
        {
            ["Input.UnitId"] = "abc", ["Input.Role"] = "", ["Input.FullName"] = "", ["Input.Mobile"] = "",
            ["Input.ResidentId"] = "", ["Input.UserName"] = "", ["Input.Password"] = "",
        });

        var messages = await MessagesAsync(response);
        Assert.Contains(Zh(RequestErrors.ValueInvalid.At("", "abc")), messages);
        Assert.Contains(Zh(AccountErrors.UserNameRequired.At("userName")), messages);
        Assert.Contains(Zh(AccountErrors.FullNameRequired.At("fullName")), messages);
    }

    [Fact]
    public async Task RoundEdit_DateNotADateAndDeadlineEmpty_ShowOurChineseMessagesOnly_AndSaveNothing()
    {
        var staff = await host.App.SignedInAsync("staff");
        var response = await staff.PostFormAsync("/Rounds/Edit", new Dictionary<string, string>
        {
            ["Input.Title"] = "框架消息测试批次", ["Input.Kind"] = "DemandSolicitation", ["Input.OpensAtChina"] = "12abc",
            ["Input.ClosesAtChina"] = "", ["Input.Forms"] = "annex2@1", ["Input.TaxonomyKey"] = "longquan-2025", ["Input.SettingsJson"] = "{}",
        });

        var messages = await MessagesAsync(response);
        Assert.Equal([Zh(RequestErrors.ValueInvalid.At("", "12abc")), Zh(RequestErrors.ValueMissing.At(""))], messages);
        await using var db = host.App.CreateDbContext();
        Assert.DoesNotContain(db.Rounds, r => r.Title == "框架消息测试批次");
    }

    [Fact]
    public async Task RoundEdit_SettingsNotJson_NamesThePlaceOnce_WithoutTheParsersEnglish()
    {
        var staff = await host.App.SignedInAsync("staff");
        var response = await staff.PostFormAsync("/Rounds/Edit", new Dictionary<string, string>
        {
            ["Input.Title"] = "框架消息测试批次", ["Input.Kind"] = "DemandSolicitation", ["Input.OpensAtChina"] = "2025-03-18T09:00",
            ["Input.ClosesAtChina"] = "2025-04-15T17:30", ["Input.Forms"] = "annex2@1", ["Input.TaxonomyKey"] = "longquan-2025",
            ["Input.SettingsJson"] = "{\n  x",
        });

        var messages = await MessagesAsync(response);
        Assert.Equal([Zh(RoundErrors.SettingsJson.At("settingsJson", 2, 3))], messages);
    }

    [GeneratedRegex("<div class=\"[^\"]*jb-error-summary[^\"]*\"[^>]*>(.*?)</div>", RegexOptions.Singleline)]
    private static partial Regex Summary();

    [GeneratedRegex("<li>\\s*(?:<a [^>]*>)?(.*?)(?:</a>)?\\s*</li>", RegexOptions.Singleline)]
    private static partial Regex Item();

    [GeneratedRegex(@"\p{IsCJKUnifiedIdeographs}")]
    private static partial Regex Han();
}
