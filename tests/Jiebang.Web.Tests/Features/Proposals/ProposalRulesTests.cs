using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Jiebang.Domain.Identifiers;
using Jiebang.Domain.Integrity;
using Jiebang.Domain.Rounds;
using Jiebang.Domain.Units;
using Jiebang.Web.Data;
using Jiebang.Web.Features.Access;
using Jiebang.Web.Features.Blacklist;
using Jiebang.Web.Features.PersonalData;
using Jiebang.Web.Features.Proposals;
using Jiebang.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Jiebang.Web.Tests.Features.Proposals;

/// <summary>
/// The annex-4 rules as an applicant meets them: while filling (the save's findings), at submit and again when
/// the proposal is loaded for a recommendation, with the 2024 preset round's numbers (caps 300/500/200 万元,
/// 80 % and 60 % self-funding, the 2022 mountain list, no indirect costs, the project ending 2026-05-31).
/// Each test makes its own call and its own units, so that no two share a round, a unit or a leader.
/// </summary>
[Trait("Category", "Database")]
public sealed class ProposalRulesTests(AppWithPersonas host) : IClassFixture<AppWithPersonas>
{
    const string Transfer = "科技成果转移转化";          // cap 200
    const string Regional = "区域科技创新体系建设";      // cap 300
    const string Base = "科技创新基地建设";              // cap 500
    const string Hangzhou = "330106";                 // 西湖区, on no list
    const string Longquan = "331181";                 // on every list
    const string Pingyang = "330326";                 // on the 2022 mountain list, off the 2024 and 2025 lists
    const string MountainIslandListsVersion = Domain.Regions.MountainIslandLists.Mountain26Of2022; // the 2024 preset's

    static int units = Random.Shared.Next(1_000_000, 9_000_000);

    static CancellationToken Ct => TestContext.Current.CancellationToken;

    static async Task<JsonElement> Json(HttpResponseMessage response) => await response.Content.ReadFromJsonAsync<JsonElement>(Ct);

    sealed record Applicant(HttpClient Client, int UnitId, string Uscc);

    /// <summary>A call of this test's own with the 2024 preset's settings, open now.</summary>
    async Task<int> CallAsync(string regionListVersion = MountainIslandListsVersion)
    {
        await using var db = host.App.CreateDbContext();
        var now = host.App.Clock.GetUtcNow();
        var preset = RoundPresets.CentralGuidanceFund2024;
        var round = new Round
        {
            Title = "测试：中央引导资金储备项目", Kind = RoundKind.ProposalCall, OpensAt = now.AddDays(-1), ClosesAt = now.AddDays(30),
            Forms = [.. preset.Forms], TaxonomyKey = preset.TaxonomyKey,
            Settings = preset.Settings with
            {
                CapsByCategory = new(preset.Settings.CapsByCategory),
                Quotas = [],
                RegionListVersion = regionListVersion,
            },
            CreatedAt = now, UpdatedAt = now,
        };
        db.Rounds.Add(round);
        await db.SaveChangesAsync(Ct);
        return round.Id;
    }

    /// <summary>A registered, approved unit of this test's own and its applicant, signed in.</summary>
    async Task<Applicant> ApplicantAsync(UnitType type = UnitType.Enterprise, string region = Hangzhou, bool agricultural = false)
    {
        var n = Interlocked.Increment(ref units);
        var uscc = Code(region, n);
        var userName = $"rules-{n}";
        using (var scope = host.App.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<JiebangDbContext>();
            var unit = new Unit
            {
                Name = $"规则测试单位{n}", Uscc = uscc, Type = type, RegionCode = region, IsAgricultural = agricultural,
                Status = UnitStatus.Approved, ContactName = "联系人",
                ContactPhoneProtected = scope.ServiceProvider.GetRequiredService<PersonalDataProtector>().Protect("13905781234"),
            };
            db.Units.Add(unit);
            await db.SaveChangesAsync(Ct);
            var users = scope.ServiceProvider.GetRequiredService<UserManager<JiebangUser>>();
            var user = new JiebangUser { UserName = userName, UnitId = unit.Id, FullName = userName };
            Assert.True((await users.CreateAsync(user, Personas.Password)).Succeeded);
            await users.AddToRoleAsync(user, Roles.Applicant);
            return new Applicant(await host.App.SignedInAsync(userName), unit.Id, uscc);
        }
    }

    /// <summary>A USCC with both its check characters: 91, the region, an organisation code, the check.</summary>
    static string Code(string region, int n)
    {
        var organisation = n.ToString("D8", CultureInfo.InvariantCulture);
        var first17 = $"91{region}{organisation}{Uscc.OrganisationCodeCheckDigit(organisation)}";
        return first17 + Uscc.CheckCharacter(first17);
    }

    /// <summary>A resident ID number of someone born on <paramref name="birth"/>; an odd sequence is a man.</summary>
    static string Id(string birth, string sequence = "013")
    {
        var first17 = "330102" + birth.Replace("-", "", StringComparison.Ordinal) + sequence;
        return first17 + ResidentId.CheckCharacter(first17);
    }

    /// <summary>Every field of form v2 filled in, with the budget given in 万元 as typed.</summary>
    static JsonObject Values(string total, string subsidy, string self)
    {
        var values = TestCalls.CompleteValues();
        values["leaderOngoingCentralGuidance"] = "no";
        values["leaderProvincialThisYear"] = "no";
        values["totalBudget"] = total;
        values["subsidyRequested"] = subsidy;
        values["selfFunding"] = self;
        values["budgetRows"] = new JsonArray(new JsonObject { ["category"] = "equipment", ["subsidy"] = subsidy, ["selfFunded"] = self, ["indirect"] = "no" });
        return values;
    }

    static JsonObject Valid() => Values("1000", "200", "800");

    async Task<int> StartAsync(Applicant applicant, int roundId, string category)
    {
        var started = await applicant.Client.PostAsJsonAsync("/api/proposals", new { roundId, category }, Ct);
        Assert.Equal(HttpStatusCode.Created, started.StatusCode);
        return (await Json(started)).GetProperty("id").GetInt32();
    }

    /// <summary>Saves the draft as the autosave does and answers its findings.</summary>
    async Task<List<JsonElement>> SaveAsync(Applicant applicant, int id, JsonObject values, int? recommender = null)
    {
        var saved = await applicant.Client.PutAsJsonAsync($"/api/proposals/{id}/draft",
            new { values, recommenderUnitId = recommender ?? host.Personas.Association }, Ct);
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        return [.. (await Json(saved)).GetProperty("findings").EnumerateArray()];
    }

    /// <summary>Submits; the refused findings, or none when it was accepted.</summary>
    async Task<List<JsonElement>> SubmitAsync(Applicant applicant, int id)
    {
        var response = await applicant.Client.PostAsync($"/api/proposals/{id}/submit", null, Ct);
        if (response.IsSuccessStatusCode) return [];
        Assert.Contains(response.StatusCode, new[] { HttpStatusCode.UnprocessableEntity, HttpStatusCode.Conflict });
        List<JsonElement> refused = [.. (await Json(response)).GetProperty("findings").EnumerateArray()];
        Assert.NotEmpty(refused);
        return refused;
    }

    /// <summary>An entry as staff import it: looked up by its keyed hash, an ID number kept encrypted and masked.</summary>
    async Task BlacklistAsync(BlacklistIdentifierKind kind, string identifier, string name, string source, DateOnly listedOn, DateOnly? expiresOn)
    {
        using var scope = host.App.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<JiebangDbContext>();
        var identifiers = scope.ServiceProvider.GetRequiredService<BlacklistIdentifiers>();
        db.BlacklistEntries.Add(new BlacklistRecord
        {
            Kind = kind, IdentifierHash = identifiers.Hash(kind, identifier), IdentifierShown = BlacklistIdentifiers.Shown(kind, identifier),
            IdentifierProtected = identifiers.Protect(kind, identifier), Name = name, Source = source, ListedOn = listedOn, ExpiresOn = expiresOn,
            ImportedAt = host.App.Clock.GetUtcNow(),
        });
        await db.SaveChangesAsync(Ct);
    }

    static JsonElement? Find(IEnumerable<JsonElement> findings, string code) =>
        findings.Where(f => f.GetProperty("code").GetString() == code).Select(f => (JsonElement?)f).FirstOrDefault();

    static string Codes(IEnumerable<JsonElement> findings) => string.Join(", ", findings.Select(f => f.GetProperty("code").GetString()));

    [Theory]
    [InlineData("200.000001", "800", "1000.000001", false)] // one fen over the cap
    [InlineData("200", "800", "1000", true)]
    public async Task Submit_SubsidyInTransferCategory_IsRefusedOverTheCapNamingIt(string subsidy, string self, string total, bool accepted)
    {
        var round = await CallAsync();
        var applicant = await ApplicantAsync();
        var id = await StartAsync(applicant, round, Transfer);
        await SaveAsync(applicant, id, Values(total, subsidy, self));

        var refused = await SubmitAsync(applicant, id);
        if (accepted)
        {
            Assert.True(refused.Count == 0, Codes(refused));
            return;
        }
        var cap = Find(refused, "PROPOSAL_SUBSIDY_OVER_CAP") ?? throw new Xunit.Sdk.XunitException(Codes(refused));
        Assert.Equal("subsidyRequested", cap.GetProperty("field").GetString());
        Assert.Contains("200", cap.GetProperty("message").GetString());
        Assert.Contains(Transfer, cap.GetProperty("message").GetString());
        Assert.Equal("error", cap.GetProperty("severity").GetString());
    }

    [Theory]
    [InlineData("799.90", "200.10", false)] // 79.99 %
    [InlineData("800", "200", true)]        // exactly 80 %
    public async Task Submit_EnterpriseSelfFunding_BelowEightyPercentIsRefused(string self, string subsidy, bool accepted)
    {
        var round = await CallAsync();
        var applicant = await ApplicantAsync();
        var id = await StartAsync(applicant, round, Regional);
        var whileFilling = await SaveAsync(applicant, id, Values("1000", subsidy, self));
        Assert.Equal(!accepted, Find(whileFilling, "PROPOSAL_SELF_FUNDING_BELOW_SHARE") is not null);

        var refused = await SubmitAsync(applicant, id);
        if (accepted)
        {
            Assert.True(refused.Count == 0, Codes(refused));
            return;
        }
        var share = Find(refused, "PROPOSAL_SELF_FUNDING_BELOW_SHARE") ?? throw new Xunit.Sdk.XunitException(Codes(refused));
        Assert.Equal("selfFunding", share.GetProperty("field").GetString());
        Assert.Contains("79.99", share.GetProperty("message").GetString());
        Assert.Contains("80", share.GetProperty("message").GetString());
    }

    [Fact]
    public async Task Submit_AgriculturalEnterpriseAtSixtyPercent_IsAccepted_AndAnOtherEnterpriseIsNot()
    {
        var round = await CallAsync();
        var farm = await ApplicantAsync(agricultural: true);
        var id = await StartAsync(farm, round, Base);
        await SaveAsync(farm, id, Values("1000", "400", "600"));
        var refused = await SubmitAsync(farm, id);
        Assert.True(refused.Count == 0, Codes(refused));

        var factory = await ApplicantAsync();
        var other = await StartAsync(factory, round, Base);
        await SaveAsync(factory, other, Values("1000", "400", "600"));
        Assert.NotNull(Find(await SubmitAsync(factory, other), "PROPOSAL_SELF_FUNDING_BELOW_SHARE"));
    }

    [Theory]
    [InlineData(Longquan, MountainIslandListsVersion, true)]
    [InlineData(Pingyang, MountainIslandListsVersion, true)]
    [InlineData(Pingyang, Domain.Regions.MountainIslandLists.MountainIsland202505, false)] // left the list in between
    [InlineData(Longquan, Domain.Regions.MountainIslandLists.MountainIsland202505, true)]
    public async Task Submit_UnitInAMountainCountyAtSixtyPercent_FollowsTheRoundsListVersion(string county, string listVersion, bool accepted)
    {
        var round = await CallAsync(listVersion);
        var applicant = await ApplicantAsync(region: county);
        var id = await StartAsync(applicant, round, Base);
        await SaveAsync(applicant, id, Values("1000", "400", "600"));
        var refused = await SubmitAsync(applicant, id);
        if (accepted) Assert.True(refused.Count == 0, Codes(refused));
        else Assert.NotNull(Find(refused, "PROPOSAL_SELF_FUNDING_BELOW_SHARE"));
    }

    [Theory]
    [InlineData(null, true)]          // open-ended
    [InlineData("2024-03-20", true)]  // its last day is today (China)
    [InlineData("2024-03-19", false)] // expired yesterday
    public async Task Submit_PartnerOnTheBlacklist_BlocksAndNamesTheEntryWhileInForce(string? expiresOn, bool blocks)
    {
        var round = await CallAsync();
        var applicant = await ApplicantAsync();
        var partner = Code(Hangzhou, Interlocked.Increment(ref units));
        await BlacklistAsync(BlacklistIdentifierKind.Uscc, partner, "失信合作企业", "信用中国", new DateOnly(2023, 5, 1),
            expiresOn is null ? null : DateOnly.Parse(expiresOn, CultureInfo.InvariantCulture));
        var id = await StartAsync(applicant, round, Regional);
        var values = Valid();
        values["partners"] = new JsonArray(new JsonObject { ["unitName"] = "合作企业", ["uscc"] = partner, ["division"] = "样品测试", ["receivesFunds"] = "no" });
        var whileFilling = await SaveAsync(applicant, id, values);
        Assert.Equal(blocks, Find(whileFilling, "PROPOSAL_BLACKLISTED") is not null);

        var refused = await SubmitAsync(applicant, id);
        if (!blocks)
        {
            Assert.True(refused.Count == 0, Codes(refused));
            return;
        }
        var entry = Find(refused, "PROPOSAL_BLACKLISTED") ?? throw new Xunit.Sdk.XunitException(Codes(refused));
        Assert.Equal("partners[0].uscc", entry.GetProperty("field").GetString());
        var message = entry.GetProperty("message").GetString();
        Assert.Contains("失信合作企业", message);
        Assert.Contains("信用中国", message);
        Assert.Contains("2023-05-01", message);
    }

    [Fact]
    public async Task TeamMemberOnTheBlacklist_IsFoundAtTheirRow_TheirNumberKeptEncryptedAndThroughWord()
    {
        var round = await CallAsync();
        var applicant = await ApplicantAsync();
        var member = Id("1985-07-15", "028"); // a woman
        await BlacklistAsync(BlacklistIdentifierKind.ResidentId, member, "失信人员", "科技部科研诚信系统", new DateOnly(2023, 6, 1), new DateOnly(2026, 5, 31));
        var id = await StartAsync(applicant, round, Regional);
        var values = Valid();
        values["team"] = new JsonArray(
            new JsonObject { ["name"] = "李四", ["idNumber"] = Id("1990-01-01"), ["title"] = "工程师", ["unit"] = "本单位", ["task"] = "工艺开发" },
            new JsonObject { ["name"] = "王芳", ["idNumber"] = member, ["title"] = "工程师", ["unit"] = "本单位", ["task"] = "测试" });
        var found = Find(await SaveAsync(applicant, id, values), "PROPOSAL_BLACKLISTED");
        Assert.Equal("team[1].idNumber", found?.GetProperty("field").GetString());
        Assert.Contains("王芳", found?.GetProperty("message").GetString());
        await using (var db = host.App.CreateDbContext())
            Assert.DoesNotContain(member, (await db.Proposals.FindAsync([id], Ct))!.DraftJson);

        // Form v2 through Word and back into another proposal: the rules find the member there too.
        var bytes = await applicant.Client.GetByteArrayAsync($"/api/proposals/{id}/docx", Ct);
        var copy = await StartAsync(applicant, round, Regional);
        var imported = await applicant.Client.PostAsync($"/api/proposals/{copy}/docx",
            new MultipartFormDataContent { { new ByteArrayContent(bytes), "file", "proposal.docx" } }, Ct);
        Assert.True(imported.IsSuccessStatusCode, await imported.Content.ReadAsStringAsync(Ct));
        var afterImport = (await Json(imported)).GetProperty("findings").EnumerateArray().ToList();
        Assert.Equal("team[1].idNumber", Find(afterImport, "PROPOSAL_BLACKLISTED")?.GetProperty("field").GetString());
    }

    [Fact]
    public async Task Submit_LeaderRetiringBeforeTheProjectEnds_IsAnErrorUnlessTheCommitmentLetterIsAttached()
    {
        var round = await CallAsync();
        var applicant = await ApplicantAsync();
        var id = await StartAsync(applicant, round, Regional);
        var values = Valid();
        values["leaderIdNumber"] = Id("1964-06-01"); // a man: 60 in 2024-06, before the project ends on 2026-05-31
        var whileFilling = await SaveAsync(applicant, id, values);
        var retires = Find(whileFilling, "PROPOSAL_LEADER_RETIRES_WITHIN_PROJECT") ?? throw new Xunit.Sdk.XunitException(Codes(whileFilling));
        Assert.Equal(("leaderIdNumber", "error"), (retires.GetProperty("field").GetString(), retires.GetProperty("severity").GetString()));
        Assert.NotNull(Find(await SubmitAsync(applicant, id), "PROPOSAL_LEADER_RETIRES_WITHIN_PROJECT"));

        values["retirementCommitmentLetter"] = "1";
        var withLetter = Find(await SaveAsync(applicant, id, values), "PROPOSAL_LEADER_RETIRES_WITHIN_PROJECT");
        Assert.Equal("warning", withLetter?.GetProperty("severity").GetString()); // formal review reads the letter
        var refused = await SubmitAsync(applicant, id);
        Assert.True(refused.Count == 0, Codes(refused));
    }

    [Fact]
    public async Task Submit_LeaderOfAnOngoingCentralGuidanceProject_IsAnError_AProvincialProjectThisYearAWarning()
    {
        var round = await CallAsync();
        var applicant = await ApplicantAsync();
        var id = await StartAsync(applicant, round, Regional);
        var values = Valid();
        values["leaderProvincialThisYear"] = "yes";
        var warned = Find(await SaveAsync(applicant, id, values), "PROPOSAL_LEADER_PROVINCIAL_THIS_YEAR");
        Assert.Equal(("leaderProvincialThisYear", "warning"), (warned?.GetProperty("field").GetString(), warned?.GetProperty("severity").GetString()));

        values["leaderOngoingCentralGuidance"] = "yes";
        await SaveAsync(applicant, id, values);
        var refused = await SubmitAsync(applicant, id);
        Assert.Equal("leaderOngoingCentralGuidance", Find(refused, "PROPOSAL_LEADER_ONGOING_CENTRAL_GUIDANCE")?.GetProperty("field").GetString());
        Assert.Null(Find(refused, "PROPOSAL_LEADER_PROVINCIAL_THIS_YEAR")); // a warning never blocks

        values["leaderOngoingCentralGuidance"] = "no";
        await SaveAsync(applicant, id, values);
        Assert.Empty(await SubmitAsync(applicant, id));
    }

    [Fact]
    public async Task Submit_SameUnitAndLeaderThroughASecondRecommender_IsAnErrorOnTheSecondOnly()
    {
        var round = await CallAsync();
        var applicant = await ApplicantAsync();
        var first = await StartAsync(applicant, round, Regional);
        await SaveAsync(applicant, first, Valid(), host.Personas.Association);
        Assert.Empty(await SubmitAsync(applicant, first));

        var second = await StartAsync(applicant, round, Regional);
        var values = Valid();
        values["projectName"] = "另一个名称的同一项目";
        var whileFilling = await SaveAsync(applicant, second, values, host.Personas.Bureau);
        Assert.Equal("recommenderUnitId", Find(whileFilling, "PROPOSAL_SECOND_CHANNEL")?.GetProperty("field").GetString());
        Assert.NotNull(Find(await SubmitAsync(applicant, second), "PROPOSAL_SECOND_CHANNEL"));

        // As a recommendation checks it again: the first, submitted earlier, is not the second.
        using var scope = host.App.Services.CreateScope();
        var loaded = (await scope.ServiceProvider.GetRequiredService<ProposalStore>().LoadAsync(first, Ct))!;
        var findings = loaded.Findings(loaded.Draft);
        Assert.DoesNotContain(findings, f => f.Code == "PROPOSAL_SECOND_CHANNEL");
        Assert.DoesNotContain(findings, f => f.IsError);
    }

    [Fact]
    public async Task Submit_SameProjectThroughTwoRecommendersAtTheSameMoment_OnlyOneGoesThrough()
    {
        var round = await CallAsync();
        for (var attempt = 0; attempt < 3; attempt++)
        {
            var applicant = await ApplicantAsync();
            var first = await StartAsync(applicant, round, Regional);
            await SaveAsync(applicant, first, Valid(), host.Personas.Association);
            var second = await StartAsync(applicant, round, Regional);
            var values = Valid();
            values["projectName"] = "另一个名称的同一项目";
            await SaveAsync(applicant, second, values, host.Personas.Bureau);

            var answers = await Task.WhenAll(SubmitAsync(applicant, first), SubmitAsync(applicant, second));

            Assert.Single(answers, refused => refused.Count == 0);
            Assert.Single(answers, refused => Find(refused, "PROPOSAL_SECOND_CHANNEL") is not null);
        }
    }

    [Fact]
    public async Task Submit_SameLeaderAndNameFromTwoUnitsThroughTwoRecommendersAtTheSameMoment_OnlyOneGoesThrough()
    {
        // Two units, one leader, one project name: the leader's submits take turns, so the later one sees the first.
        var round = await CallAsync();
        for (var attempt = 0; attempt < 3; attempt++)
        {
            var (one, other) = (await ApplicantAsync(), await ApplicantAsync());
            var first = await StartAsync(one, round, Regional);
            await SaveAsync(one, first, Valid(), host.Personas.Association);
            var second = await StartAsync(other, round, Regional);
            await SaveAsync(other, second, Valid(), host.Personas.Bureau);

            var answers = await Task.WhenAll(SubmitAsync(one, first), SubmitAsync(other, second));

            Assert.Single(answers, refused => refused.Count == 0);
            Assert.Single(answers, refused => Find(refused, "PROPOSAL_SECOND_CHANNEL") is not null);
        }
    }

    [Fact]
    public async Task Submit_IndirectCostsFromTheFund_AreAnErrorAtTheBudgetRows()
    {
        var round = await CallAsync();
        var applicant = await ApplicantAsync();
        var id = await StartAsync(applicant, round, Regional);
        var values = Valid();
        values["budgetRows"] = new JsonArray(
            new JsonObject { ["category"] = "equipment", ["subsidy"] = "190", ["selfFunded"] = "800", ["indirect"] = "no" },
            new JsonObject { ["category"] = "indirect", ["subsidy"] = "10", ["selfFunded"] = "0", ["indirect"] = "yes" });
        var found = Find(await SaveAsync(applicant, id, values), "PROPOSAL_INDIRECT_COSTS_FROM_FUND");
        Assert.Equal("budgetRows", found?.GetProperty("field").GetString());
    }

    [Fact]
    public async Task Recommend_ApplicantBlacklistedAfterSubmitting_IsRefusedAtTheCountyNamingTheEntry()
    {
        var round = await CallAsync();
        var levels = await Recommendation.TestLevels.CountyUnderCityAsync(host.App, "331102", "331100");
        var applicant = await ApplicantAsync(region: Longquan);
        var id = await StartAsync(applicant, round, Regional);
        await SaveAsync(applicant, id, Valid(), levels.County);
        Assert.Empty(await SubmitAsync(applicant, id));

        await BlacklistAsync(BlacklistIdentifierKind.Uscc, applicant.Uscc, "失信申报单位", "信用中国", new DateOnly(2024, 3, 19), null);
        var county = await host.App.SignedInAsync(levels.CountyUser);
        var refused = await county.PostAsJsonAsync($"/api/recommend/proposals/{id}/recommend", new { opinion = "同意推荐" }, Ct);
        Assert.False(refused.IsSuccessStatusCode);
        var entry = Find((await Json(refused)).GetProperty("findings").EnumerateArray(), "PROPOSAL_BLACKLISTED");
        Assert.Equal("applicantUscc", entry?.GetProperty("field").GetString());
        Assert.Contains("失信申报单位", entry?.GetProperty("message").GetString());
    }

    [Fact]
    public async Task EditPage_RuleFindings_ShowWhileFillingBesideTheirFieldsWithWarningsMarked()
    {
        var round = await CallAsync();
        var applicant = await ApplicantAsync();
        var id = await StartAsync(applicant, round, Transfer);
        var posted = new Dictionary<string, string>
        {
            ["RecommenderUnitId"] = host.Personas.Association.ToString(CultureInfo.InvariantCulture),
            ["f.totalBudget"] = "1000", ["f.subsidyRequested"] = "300", ["f.selfFunding"] = "700",
            ["f.budgetRows[0].category"] = "equipment", ["f.budgetRows[0].subsidy"] = "300", ["f.budgetRows[0].selfFunded"] = "700",
            ["f.budgetRows[0].indirect"] = "no", ["f.leaderProvincialThisYear"] = "yes",
        };
        var autosave = await applicant.Client.PostFormAsync($"/Proposals/Edit/{id}?handler=Autosave", posted, $"/Proposals/Edit/{id}");
        Assert.Equal(HttpStatusCode.OK, autosave.StatusCode);
        var findings = (await Json(autosave)).GetProperty("findings").EnumerateArray().ToList();
        Assert.Equal("subsidyRequested", Find(findings, "PROPOSAL_SUBSIDY_OVER_CAP")?.GetProperty("field").GetString());
        Assert.Equal("selfFunding", Find(findings, "PROPOSAL_SELF_FUNDING_BELOW_SHARE")?.GetProperty("field").GetString());
        Assert.Equal("warning", Find(findings, "PROPOSAL_LEADER_PROVINCIAL_THIS_YEAR")?.GetProperty("severity").GetString());

        var page = WebUtility.HtmlDecode(await (await applicant.Client.PostFormAsync($"/Proposals/Edit/{id}?handler=Save", posted,
            $"/Proposals/Edit/{id}")).Content.ReadAsStringAsync(Ct));
        Assert.Matches("data-findings-for=\"subsidyRequested\"[^>]*>\\s*<div class=\"text-danger\">\\s*[^<]*200", page);
        Assert.Matches("data-findings-for=\"leaderProvincialThisYear\"[^>]*>\\s*<div class=\"text-warning-emphasis\">\\s*<span class=\"badge text-bg-warning me-1\">提示</span>", page);
    }

    /// <summary>A draft saved without a leader's number keeps "none" rather than null, so that no start reads it for the backfill.</summary>
    [Fact]
    public async Task SaveProposalDraft_WithoutALeaderNumber_StoresNoHashRatherThanNull()
    {
        var round = await CallAsync();
        var values = Valid();
        Assert.True(values.Remove("leaderIdNumber"));
        var applicant = await ApplicantAsync();
        var id = await StartAsync(applicant, round, Regional);

        await SaveAsync(applicant, id, values);

        await using var db = host.App.CreateDbContext();
        Assert.Equal(ProposalModel.NoLeaderIdHash,
            await db.Proposals.Where(p => p.Id == id).Select(p => EF.Property<string?>(p, ProposalModel.LeaderIdHash)).SingleAsync(Ct));
    }

    /// <summary>
    /// A proposal saved before the leader's hash was kept has none, and another unit's proposal of the same leader
    /// through a second recommender does not find it; the start's backfill gives it its hash back, and then it does.
    /// </summary>
    [Fact]
    public async Task LeaderIdHashBackfill_ProposalWithoutItsHash_GetsItBackAndTheOneChannelRuleSeesIt()
    {
        var round = await CallAsync();
        var leader = Id("1976-04-12", "035");
        var values = Valid();
        values["leaderIdNumber"] = leader;
        values["projectName"] = "竹缠绕复合压力管道成套装备研制";
        var first = await ApplicantAsync();
        var firstId = await StartAsync(first, round, Regional);
        await SaveAsync(first, firstId, values, host.Personas.Association);
        Assert.Empty(await SubmitAsync(first, firstId));
        await using (var db = host.App.CreateDbContext())
            await db.Proposals.Where(p => p.Id == firstId)
                .ExecuteUpdateAsync(s => s.SetProperty(p => EF.Property<string?>(p, ProposalModel.LeaderIdHash), (string?)null), Ct);

        var second = await ApplicantAsync();
        var secondId = await StartAsync(second, round, Regional);
        Assert.Null(Find(await SaveAsync(second, secondId, values, host.Personas.Bureau), "PROPOSAL_SECOND_CHANNEL"));

        using (var scope = host.App.Services.CreateScope())
        {
            Assert.True((await scope.ServiceProvider.GetRequiredService<LeaderIdHashBackfill>().RunAsync(Ct)).Filled >= 1);
            var db = scope.ServiceProvider.GetRequiredService<JiebangDbContext>();
            var stored = await db.Proposals.Where(p => p.Id == firstId).Select(p => EF.Property<string?>(p, ProposalModel.LeaderIdHash)).SingleAsync(Ct);
            Assert.Equal(scope.ServiceProvider.GetRequiredService<BlacklistIdentifiers>().Hash(BlacklistIdentifierKind.ResidentId, leader), stored);
        }
        Assert.Equal("recommenderUnitId",
            Find(await SaveAsync(second, secondId, values, host.Personas.Bureau), "PROPOSAL_SECOND_CHANNEL")?.GetProperty("field").GetString());
        Assert.NotNull(Find(await SubmitAsync(second, secondId), "PROPOSAL_SECOND_CHANNEL"));
    }
}
