using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Jiebang.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Jiebang.Web.Tests.Features.Accounts;

[Trait("Category", "Database")]
public sealed class CreateAccountTests(AppWithPersonas host) : IClassFixture<AppWithPersonas>
{
    object Expert(string userName, string? residentId, string role = "Expert", int? unit = null) => new
    {
        unitId = unit ?? host.Personas.UnitA, userName, fullName = "评审专家", mobile = "138 0571 1234",
        residentId, role, password = "expert-2024-pw",
    };

    [Fact]
    public async Task Create_ExpertWithResidentId_StoresItEncryptedAndShowsItMasked()
    {
        var admin = await host.App.SignedInAsync("admin");
        var created = await admin.PostAsJsonAsync("/api/accounts", Expert("expert-new", "11010519491231002x"), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken)).GetProperty("id").GetString()!;

        await using (var db = host.App.CreateDbContext())
        {
            var user = await db.Users.SingleAsync(u => u.Id == id, TestContext.Current.CancellationToken);
            Assert.DoesNotContain("11010519491231002X", user.ResidentIdProtected);
            Assert.DoesNotContain("13805711234", user.MobileProtected);
        }
        var list = await admin.GetStringAsync("/api/accounts", TestContext.Current.CancellationToken);
        Assert.Contains("1101**********002X", list);
        Assert.Contains("138****1234", list);
        Assert.DoesNotContain("11010519491231002X", list);

        var reveal = await admin.PostAsync($"/api/accounts/{id}/resident-id/reveal", null, TestContext.Current.CancellationToken);
        Assert.Contains("11010519491231002X", await reveal.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        await using var after = host.App.CreateDbContext();
        Assert.True(await after.AuditEntries.AnyAsync(a => a.Action == "personal.revealed" && a.EntityId == id && a.Reason == "residentId",
            TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Create_BadResidentIdAndUnfitRole_AreRefusedWithTheirRules()
    {
        var admin = await host.App.SignedInAsync("admin");
        var response = await admin.PostAsJsonAsync("/api/accounts", Expert("staff-in-enterprise", "110105194912310021", "Staff"),
            TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.Contains("ID_CHECK", body);
        Assert.Contains("ACCOUNT_ROLE_UNFIT", body);
    }
}
