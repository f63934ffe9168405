using System.Data.Common;
using System.Text.Json.Nodes;
using Jiebang.Domain.Identifiers;
using Jiebang.Domain.Integrity;
using Jiebang.Domain.Proposals;
using Jiebang.Domain.Rounds;
using Jiebang.Web.Data;
using Jiebang.Web.Features.Blacklist;
using Jiebang.Web.Features.Forms;
using Jiebang.Web.Features.PersonalData;
using Jiebang.Web.Features.Proposals;
using Jiebang.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace Jiebang.Web.Tests.Features.Proposals;

/// <summary>
/// The start's backfill of the leaders' hashes costs nothing once done: every row it reads gets a value (the hash, none, or
/// unreadable), so the next start reads no proposal, and a number another installation encrypted is not read again.
/// </summary>
[Trait("Category", "Database")]
public sealed class LeaderIdHashBackfillTests(LeaderIdHashBackfillTests.App host) : IClassFixture<LeaderIdHashBackfillTests.App>
{
    static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>An app whose database commands, in a test's own flow, are counted with the rows they read.</summary>
    public sealed class App : IAsyncLifetime
    {
        public Commands Commands { get; } = new();
        public JiebangFactory Factory { get; }
        public Personas Personas { get; private set; } = null!;

        public App() => Factory = new JiebangFactory
        {
            TestServices = services =>
            {
                services.ConfigureDbContext<SqliteJiebangDbContext>(o => o.AddInterceptors(Commands));
                services.ConfigureDbContext<PostgresJiebangDbContext>(o => o.AddInterceptors(Commands));
            },
        };

        public async ValueTask InitializeAsync()
        {
            await Factory.InitializeAsync();
            Factory.NewClient(); // the first start
            Personas = await Personas.CreateAsync(Factory.Services);
        }

        public ValueTask DisposeAsync() => Factory.DisposeAsync();
    }

    /// <summary>
    /// The commands sent to the database within <see cref="OfAsync"/>'s flow only, each with whether it answered any row
    /// (a query) or changed any (an update).
    /// </summary>
    public sealed class Commands : DbCommandInterceptor
    {
        readonly AsyncLocal<List<(string Sql, bool AnyRow)>?> _sent = new();

        public async Task<List<(string Sql, bool AnyRow)>> OfAsync(Func<Task> work)
        {
            var sent = _sent.Value = [];
            try { await work(); }
            finally { _sent.Value = null; }
            return sent;
        }

        public override DbDataReader ReaderExecuted(DbCommand command, CommandExecutedEventData eventData, DbDataReader result)
        {
            _sent.Value?.Add((command.CommandText, result.HasRows));
            return result;
        }

        public override ValueTask<DbDataReader> ReaderExecutedAsync(DbCommand command, CommandExecutedEventData eventData, DbDataReader result,
            CancellationToken cancellationToken = default) => ValueTask.FromResult(ReaderExecuted(command, eventData, result));

        public override int NonQueryExecuted(DbCommand command, CommandExecutedEventData eventData, int result)
        {
            _sent.Value?.Add((command.CommandText, result > 0));
            return result;
        }

        public override ValueTask<int> NonQueryExecutedAsync(DbCommand command, CommandExecutedEventData eventData, int result,
            CancellationToken cancellationToken = default) => ValueTask.FromResult(NonQueryExecuted(command, eventData, result));
    }

    /// <summary>What the app does to its database at a start: migrate, seed, and the backfill.</summary>
    Task StartAsync() => DatabaseSetup.MigrateAndSeedAsync(host.Factory.Services, Ct);

    /// <summary>A proposal stored as before the leader's hash was kept (null), with these draft values.</summary>
    async Task<int> ProposalWithoutItsHashAsync(int round, Func<FormPhones, Domain.Forms.FormDefinition, JsonObject> draft)
    {
        using var scope = host.Factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<JiebangDbContext>();
        var form = (await scope.ServiceProvider.GetRequiredService<FormRegistry>().FormAsync("proposal", 2, Ct))!;
        var now = host.Factory.Clock.GetUtcNow();
        var proposal = Proposal.Start(round, host.Personas.UnitA, ProposalTarget.InCategory("科技成果转移转化"), form.Key, form.Version, now);
        proposal.SaveDraft(draft(scope.ServiceProvider.GetRequiredService<FormPhones>(), form).ToJsonString(), "回填测试项目", null, now);
        db.Proposals.Add(proposal);
        await db.SaveChangesAsync(Ct);
        await db.Proposals.Where(p => p.Id == proposal.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(p => EF.Property<string?>(p, ProposalModel.LeaderIdHash), (string?)null), Ct);
        return proposal.Id;
    }

    async Task<int> RoundAsync()
    {
        await using var db = host.Factory.CreateDbContext();
        var now = host.Factory.Clock.GetUtcNow();
        var round = new Round
        {
            Title = "测试：回填负责人", Kind = RoundKind.ProposalCall, OpensAt = now.AddDays(-1), ClosesAt = now.AddDays(30),
            Forms = ["proposal@2"], TaxonomyKey = RoundPresets.CentralGuidanceFund2024.TaxonomyKey, CreatedAt = now, UpdatedAt = now,
        };
        db.Rounds.Add(round);
        await db.SaveChangesAsync(Ct);
        return round.Id;
    }

    async Task<string?> StoredHashAsync(int id)
    {
        await using var db = host.Factory.CreateDbContext();
        return await db.Proposals.Where(p => p.Id == id).Select(p => EF.Property<string?>(p, ProposalModel.LeaderIdHash)).SingleAsync(Ct);
    }

    static string LeaderId(string sequence)
    {
        var first17 = "33010219760412" + sequence;
        return first17 + ResidentId.CheckCharacter(first17);
    }

    static IEnumerable<(string Sql, bool AnyRow)> OfProposals(IEnumerable<(string Sql, bool AnyRow)> sent) =>
        sent.Where(c => c.Sql.Contains("\"Proposals\"", StringComparison.Ordinal));

    [Fact]
    public async Task Start_AfterTheStartThatFilledTheHashes_ReadsNoProposal()
    {
        var round = await RoundAsync();
        var leader = LeaderId("035");
        var readable = await ProposalWithoutItsHashAsync(round, (phones, form) => phones.Protect(form, new JsonObject { ["leaderIdNumber"] = leader }));
        var none = await ProposalWithoutItsHashAsync(round, (_, _) => new JsonObject { ["projectName"] = "无负责人号码" });
        var foreign = await ProposalWithoutItsHashAsync(round, (_, _) => new JsonObject
        {
            ["leaderIdNumber"] = "enc:" + new PersonalDataProtector(new EphemeralDataProtectionProvider()).Protect(LeaderId("051")),
        });

        var first = await host.Commands.OfAsync(StartAsync);

        Assert.Contains(OfProposals(first), c => c.AnyRow && c.Sql.StartsWith("SELECT", StringComparison.Ordinal)); // the rows without their hash
        Assert.Contains(OfProposals(first), c => c.AnyRow && c.Sql.StartsWith("UPDATE", StringComparison.Ordinal));
        using (var scope = host.Factory.Services.CreateScope())
            Assert.Equal(scope.ServiceProvider.GetRequiredService<BlacklistIdentifiers>().Hash(BlacklistIdentifierKind.ResidentId, leader),
                await StoredHashAsync(readable));
        Assert.Equal(ProposalModel.NoLeaderIdHash, await StoredHashAsync(none));
        Assert.Equal(ProposalModel.UnreadableLeaderIdHash, await StoredHashAsync(foreign));

        var second = await host.Commands.OfAsync(StartAsync);

        var sent = OfProposals(second).ToList();
        Assert.NotEmpty(sent); // the backfill still looks
        Assert.All(sent, c => Assert.False(c.AnyRow, $"a start after the first read or wrote a proposal: {c.Sql}"));
        Assert.DoesNotContain(sent, c => c.Sql.Contains("UPDATE", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task Backfill_ANumberOfAnotherInstallation_IsNotReadAgainUntilSetBackToNull()
    {
        var round = await RoundAsync();
        var foreign = await ProposalWithoutItsHashAsync(round, (_, _) => new JsonObject
        {
            ["leaderIdNumber"] = "enc:" + new PersonalDataProtector(new EphemeralDataProtectionProvider()).Protect(LeaderId("077")),
        });
        using var scope = host.Factory.Services.CreateScope();
        var backfill = scope.ServiceProvider.GetRequiredService<LeaderIdHashBackfill>();

        Assert.Equal(new LeaderIdHashBackfill.Done(1, 0, 1), await backfill.RunAsync(Ct));
        Assert.Equal(new LeaderIdHashBackfill.Done(0, 0, 0), await backfill.RunAsync(Ct));
        Assert.Equal(ProposalModel.UnreadableLeaderIdHash, await StoredHashAsync(foreign));

        // As the start's warning tells an operator whose keys were missing at that start: set back to null, it is tried again.
        await using (var db = host.Factory.CreateDbContext())
            await db.Proposals.Where(p => p.Id == foreign)
                .ExecuteUpdateAsync(s => s.SetProperty(p => EF.Property<string?>(p, ProposalModel.LeaderIdHash), (string?)null), Ct);
        Assert.Equal(new LeaderIdHashBackfill.Done(1, 0, 1), await backfill.RunAsync(Ct));
    }
}
