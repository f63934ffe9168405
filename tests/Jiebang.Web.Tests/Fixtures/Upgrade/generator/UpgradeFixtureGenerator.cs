// Not compiled in this project (see the .csproj): make-upgrade-fixture.sh copies this file into a
// checkout of the commit that makes the fixture and runs it there, once per provider.
#pragma warning disable xUnit1051, EF1002 // a one-off generator, not a test
using System.Diagnostics;
using System.Text.Json;
using Jiebang.Domain.Demands;
using Jiebang.Web.Data;
using Jiebang.Web.Features.Access;
using Jiebang.Web.Features.Audit;
using Jiebang.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Jiebang.Web.Tests.Fixtures;

public sealed class UpgradeFixtureGenerator
{
    [Fact]
    public async Task Generate()
    {
        var output = Environment.GetEnvironmentVariable("JIEBANG_FIXTURE_OUT")
            ?? throw new InvalidOperationException("Set JIEBANG_FIXTURE_OUT to the fixture folder.");
        await using var app = new JiebangFactory { Environment = "Development" };
        await app.InitializeAsync();
        _ = app.CreateClient(); // starts the host: migrates, seeds reference and demo data
        var now = app.Clock.GetUtcNow();

        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<JiebangDbContext>();
        var round = await db.Rounds.SingleAsync(r => r.PresetKey == "longquan-demand-2024");
        var window = new RoundWindow(round.OpensAt, round.ClosesAt);
        async Task<(int Unit, string User)> Of(string userName)
        {
            var user = await db.Users.SingleAsync(u => u.UserName == userName);
            return (user.UnitId, user.Id);
        }
        var ent1 = await Of("ent1");
        var ent2 = await Of("ent2");
        var assoc = await Of("assoc1");
        var staff = await Of("staff");

        async Task<Demand> Filed(string title, (int Unit, string User) owner, int? recommender, bool submit)
        {
            var kind = recommender is null ? DemandKind.EnterpriseOwn : DemandKind.IndustryCommon;
            var demand = Demand.Start(round.Id, owner.Unit, "annex2", 1, kind, recommender, now);
            var json = JsonSerializer.Serialize(new { demandName = title, area = "新材料" });
            demand.SaveDraft(json, new DemandSummary(title, "新材料", "高分子材料", title), kind, recommender, now);
            db.Demands.Add(demand);
            await db.SaveChangesAsync();
            if (submit) Check(demand.Submit(window, false, owner.User, owner.Unit, now));
            await db.SaveChangesAsync();
            return demand;
        }

        await Filed("升级夹具：草稿", ent1, null, submit: false);
        await Filed("升级夹具：已提交直报", ent1, null, submit: true);
        var recommended = await Filed("升级夹具：推荐单位已遴选", ent2, assoc.Unit, submit: true);
        Check(recommended.Screen(ScreeningDecision.Accept, null, assoc.User, assoc.Unit, now));
        var forwarded = await Filed("升级夹具：已报送科技局", ent2, assoc.Unit, submit: true);
        Check(forwarded.Screen(ScreeningDecision.Accept, null, assoc.User, assoc.Unit, now));
        var batch = new RecommendationBatch { RoundId = round.Id, RecommenderUnitId = assoc.Unit, Opinion = "同意推荐", SubmittedAt = now, SubmittedByUserId = assoc.User };
        db.RecommendationBatches.Add(batch);
        await db.SaveChangesAsync();
        Check(forwarded.Forward(batch.Id, assoc.User, assoc.Unit, now));
        var returned = await Filed("升级夹具：退回修改", ent1, null, submit: true);
        Check(returned.Review(ScreeningDecision.Return, "请补充指标", staff.User, staff.Unit, now));
        var rejected = await Filed("升级夹具：不予受理", ent1, null, submit: true);
        Check(rejected.Review(ScreeningDecision.Reject, "不属于征集范围", staff.User, staff.Unit, now));
        var accepted = await Filed("升级夹具：已受理（第二版）", ent1, null, submit: true);
        Check(accepted.Review(ScreeningDecision.Return, "请修改", staff.User, staff.Unit, now));
        accepted.SaveDraft("""{"demandName":"升级夹具：已受理（第二版）","area":"新材料","budget":"200"}""",
            new DemandSummary("升级夹具：已受理（第二版）", "新材料", "高分子材料", "第二版"), DemandKind.EnterpriseOwn, null, now);
        Check(accepted.Submit(window, false, ent1.User, ent1.Unit, now));
        Check(accepted.Review(ScreeningDecision.Accept, null, staff.User, staff.Unit, now));
        await db.SaveChangesAsync();

        db.Attachments.Add(new Attachment
        {
            OwnerType = nameof(Demand), OwnerId = forwarded.Id, Kind = "stamped-scan", FileName = "盖章扫描件.pdf",
            Sha256 = new string('a', 64), ContentType = "application/pdf", Size = 1234, PageCount = 2, UploadedAt = now,
            UploadedByUserId = ent2.User,
        });
        db.SimilarityRecords.Add(new SimilarityRecord
        {
            SourceType = "Project", Title = "升级夹具：历史立项项目", UnitName = "浙江示例大学", Year = 2023, Department = "省科技厅",
            Channel = "省科技厅", Text = "高分子材料改性", Sketch = [1, 2, 3, 4], IndexedAt = now,
        });
        var audit = scope.ServiceProvider.GetRequiredService<AuditTrail>();
        var staffActor = new Actor(staff.User, "孙亮", staff.Unit, new HashSet<string> { Roles.Staff });
        audit.Record(staffActor, "demand.reviewed", nameof(Demand), accepted.Id.ToString(), reason: "升级夹具");
        audit.Record(staffActor, "round.updated", nameof(Round), round.Id.ToString(), before: new { title = round.Title }, after: new { title = round.Title });
        await db.SaveChangesAsync();

        Directory.CreateDirectory(output);
        if (app.Database.Provider == "Sqlite")
        {
            var file = Path.Combine(output, "upgrade.sqlite");
            if (File.Exists(file)) File.Delete(file);
            await db.Database.ExecuteSqlRawAsync($"VACUUM INTO '{file}'");
        }
        else
        {
            var connection = new NpgsqlConnectionStringBuilder(app.Database.ConnectionString);
            var dump = Process.Start(new ProcessStartInfo("pg_dump",
                ["--no-owner", "--no-privileges", "--inserts", "-h", connection.Host!, "-U", connection.Username!,
                 "-f", Path.Combine(output, "upgrade.postgres.sql"), connection.Database!])
            { Environment = { ["PGPASSWORD"] = connection.Password } })!;
            await dump.WaitForExitAsync();
            if (dump.ExitCode != 0) throw new InvalidOperationException($"pg_dump exited {dump.ExitCode}");
        }
    }

    static void Check(object? refused)
    {
        if (refused is not null) throw new InvalidOperationException(refused.ToString());
    }
}
