using System.Net;
using System.Net.Http.Json;
using Jiebang.Web.Data;
using Jiebang.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Jiebang.Web.Tests.Features.Units;

[Trait("Category", "Database")]
public sealed class ReviewUnitTests(AppWithPersonas host) : IClassFixture<AppWithPersonas>
{
    async Task<int> RegisterAsync(string uscc, string userName, bool confirm = false)
    {
        var response = await host.App.NewClient().PostAsJsonAsync("/api/units", new
        {
            name = "待审核单位" + userName, uscc, type = "Enterprise", regionCode = "331181", contactName = "李四",
            contactPhone = "0578-7123456", userName, password = "review-2024-pw", confirmUnusualCode = confirm,
        }, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        await using var db = host.App.CreateDbContext();
        return await db.Units.Where(u => u.Uscc == uscc).Select(u => u.Id).SingleAsync(TestContext.Current.CancellationToken);
    }

    static Dictionary<string, string> Credentials(string user) =>
        new() { ["Input.UserName"] = user, ["Input.Password"] = "review-2024-pw" };

    [Fact]
    public async Task PendingUnit_CannotSignIn_UntilStaffApprove()
    {
        var id = await RegisterAsync("52331181MA28J1D23W", "pending-user");
        var before = await host.App.NewClient().PostFormAsync("/Account/Login", Credentials("pending-user"));
        Assert.Contains("等待科技局审核", await before.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));

        var staff = await host.App.SignedInAsync("staff");
        var review = await staff.PostAsJsonAsync($"/api/units/{id}/review", new { decision = "Approve" }, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, review.StatusCode);

        var after = await host.App.NewClient().PostFormAsync("/Account/Login", Credentials("pending-user"));
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        await using var db = host.App.CreateDbContext();
        var entry = await db.AuditEntries.SingleAsync(a => a.Action == "unit.approved" && a.EntityId == id.ToString(),
            TestContext.Current.CancellationToken);
        Assert.Contains("Pending", entry.Before);
        Assert.Contains("Approved", entry.After);
        Assert.Equal("staff", entry.ActorName);
    }

    [Fact]
    public async Task Reject_WithoutReason_IsRefused_AndWithReasonIsRecorded()
    {
        var id = await RegisterAsync("913311811000001390", "reject-user");
        var staff = await host.App.SignedInAsync("staff");
        var bare = await staff.PostAsJsonAsync($"/api/units/{id}/review", new { decision = "Reject" }, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, bare.StatusCode);
        Assert.Contains("UNIT_REJECT_REASON_REQUIRED", await bare.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));

        var reasoned = await staff.PostAsJsonAsync($"/api/units/{id}/review", new { decision = "Reject", reason = "营业执照与名称不符" },
            TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, reasoned.StatusCode);
        var signIn = await host.App.NewClient().PostFormAsync("/Account/Login", Credentials("reject-user"));
        Assert.Contains("未通过审核", await signIn.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task UnitWithFailedCheckCharacter_IsApprovedOnlyWithAReason()
    {
        var id = await RegisterAsync("91350100M000100Y44", "pilot-review", confirm: true);
        var staff = await host.App.SignedInAsync("staff");
        var bare = await staff.PostAsJsonAsync($"/api/units/{id}/review", new { decision = "Approve" }, TestContext.Current.CancellationToken);
        Assert.Contains("UNIT_OVERRIDE_REASON_REQUIRED", await bare.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));

        var reasoned = await staff.PostAsJsonAsync($"/api/units/{id}/review",
            new { decision = "Approve", reason = "福建早期试点代码，已核对营业执照原件" }, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, reasoned.StatusCode);
        await using var db = host.App.CreateDbContext();
        var unit = await db.Units.SingleAsync(u => u.Id == id, TestContext.Current.CancellationToken);
        Assert.Equal("福建早期试点代码，已核对营业执照原件", unit.UsccOverrideReason);
    }

    [Fact]
    public async Task RevealPhone_ByOwnUnit_ShowsItAndIsAudited_ButMaskedOtherwise()
    {
        var applicant = await host.App.SignedInAsync("applicant-a");
        // Other tests of this class edit the contact; set the phone this test reads.
        var set = await applicant.PutAsJsonAsync($"/api/units/{host.Personas.UnitA}/contact",
            new { contactName = "赵一", contactPhone = "13905781234", contactEmail = "a@example.cn" }, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, set.StatusCode);
        var view = await applicant.GetFromJsonAsync<System.Text.Json.JsonElement>($"/api/units/{host.Personas.UnitA}",
            TestContext.Current.CancellationToken);
        Assert.Equal("139****1234", view.GetProperty("contactPhoneMasked").GetString());

        var reveal = await applicant.PostAsync($"/api/units/{host.Personas.UnitA}/contact-phone/reveal", null, TestContext.Current.CancellationToken);
        Assert.Contains("13905781234", await reveal.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        await using var db = host.App.CreateDbContext();
        Assert.True(await db.AuditEntries.AnyAsync(a => a.Action == "personal.revealed" && a.EntityId == host.Personas.UnitA.ToString(),
            TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task UpdateContact_OwnUnit_SavesThePhoneEncryptedAndAuditsWithoutIt()
    {
        var applicant = await host.App.SignedInAsync("applicant-a");
        var bad = await applicant.PutAsJsonAsync($"/api/units/{host.Personas.UnitA}/contact",
            new { contactName = "", contactPhone = "12", contactEmail = "not-an-email" }, TestContext.Current.CancellationToken);
        var body = await bad.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.Contains("UNIT_CONTACT_REQUIRED", body);
        Assert.Contains("UNIT_EMAIL_FORMAT", body);

        var ok = await applicant.PutAsJsonAsync($"/api/units/{host.Personas.UnitA}/contact",
            new { contactName = "赵新", contactPhone = "0578-7654321", contactEmail = "zhao@example.cn" }, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        await using var db = host.App.CreateDbContext();
        var unit = await db.Units.SingleAsync(u => u.Id == host.Personas.UnitA, TestContext.Current.CancellationToken);
        Assert.Equal("赵新", unit.ContactName);
        Assert.DoesNotContain("7654321", unit.ContactPhoneProtected);
        var entry = await db.AuditEntries.OrderBy(a => a.Id).LastAsync(a => a.Action == "unit.contact_updated", TestContext.Current.CancellationToken);
        Assert.DoesNotContain("7654321", entry.After);
    }

    [Fact]
    public async Task EditUnit_ByStaff_NeedsAReason_AndIsAudited()
    {
        var staff = await host.App.SignedInAsync("staff");
        var edit = new
        {
            name = "测试企业乙（更名后）", uscc = "91331181MA2BDE018F", type = "Enterprise", regionCode = "331181",
            isAgricultural = true, isHighTech = false, isTechSme = true,
        };
        var bare = await staff.PutAsJsonAsync($"/api/units/{host.Personas.UnitB}", edit, TestContext.Current.CancellationToken);
        Assert.Contains("UNIT_EDIT_REASON_REQUIRED", await bare.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));

        var reasoned = await staff.PutAsJsonAsync($"/api/units/{host.Personas.UnitB}",
            new { edit.name, edit.uscc, edit.type, edit.regionCode, edit.isAgricultural, edit.isHighTech, edit.isTechSme, reason = "按新营业执照更名" },
            TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, reasoned.StatusCode);
        await using var db = host.App.CreateDbContext();
        Assert.Equal("测试企业乙（更名后）", (await db.Units.SingleAsync(u => u.Id == host.Personas.UnitB, TestContext.Current.CancellationToken)).Name);
        var entry = await db.AuditEntries.SingleAsync(a => a.Action == "unit.edited", TestContext.Current.CancellationToken);
        Assert.Equal("按新营业执照更名", entry.Reason);
        Assert.Contains("测试企业乙", entry.Before);

        var applicant = await host.App.SignedInAsync("applicant-a");
        var refused = await applicant.PutAsJsonAsync($"/api/units/{host.Personas.UnitA}", edit, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
    }
}
