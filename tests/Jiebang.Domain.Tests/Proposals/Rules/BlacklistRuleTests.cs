using System.Globalization;
using Jiebang.Domain.Integrity;
using Jiebang.Domain.Proposals.Rules;
using static Jiebang.Domain.Tests.Proposals.Rules.ProposalRulesFixture;

namespace Jiebang.Domain.Tests.Proposals.Rules;

public sealed class BlacklistRuleTests
{
    static readonly string MemberId = Id("1980-02-29", male: false);

    static BlacklistEntry Entry(BlacklistIdentifierKind kind, string id, DateOnly? expiresOn) =>
        new(kind, id, "王五", "信用中国", new DateOnly(2023, 1, 1), expiresOn);

    static ProposalFacts WithTeam() => Valid() with { Team = [new TeamMemberFacts("王五", MemberId)] };

    static ProposalRoundParameters With(params BlacklistEntry[] entries) => Round() with { Blacklist = entries };

    [Fact]
    public void Check_EntryThatExpiredTheDayBefore_DoesNotMatch()
    {
        var entry = Entry(BlacklistIdentifierKind.ResidentId, MemberId, Today.AddDays(-1));
        Assert.Null(Check(WithTeam(), With(entry)).Find(ProposalErrors.Blacklisted));
    }

    [Fact]
    public void Check_EntryExpiringToday_StillMatchesAndNamesTheEntry()
    {
        var entry = Entry(BlacklistIdentifierKind.ResidentId, MemberId.ToLowerInvariant(), Today);
        var finding = Check(WithTeam(), With(entry)).Find(ProposalErrors.Blacklisted);
        Assert.NotNull(finding);
        Assert.Equal("team[0].idNumber", finding.Field);
        var message = finding.Message(CultureInfo.GetCultureInfo("zh-CN"));
        Assert.StartsWith("团队成员：“王五”在失信记录中", message);
        Assert.Contains("信用中国", message);
        Assert.Contains("有效期至2024-03-20", message);
        Assert.Contains(MemberId[..4] + "**********", message); // the number is masked
    }

    [Fact]
    public void Check_EntryNotYetListed_DoesNotMatch()
    {
        var entry = Entry(BlacklistIdentifierKind.ResidentId, MemberId, null) with { ListedOn = Today.AddDays(1) };
        Assert.Null(Check(WithTeam(), With(entry)).Find(ProposalErrors.Blacklisted));
    }

    [Fact]
    public void Check_OpenEndedEntryOfTheUnit_Blocks()
    {
        var entry = Entry(BlacklistIdentifierKind.Uscc, "91331181-ma2e0t3k5k", null);
        Assert.Equal("unit.uscc", Check(Valid(), With(entry)).Find(ProposalErrors.Blacklisted)?.Field);
    }

    [Fact]
    public void Check_EntryOfAPartner_Blocks()
    {
        var entry = Entry(BlacklistIdentifierKind.Uscc, "91350100M000100Y43", null);
        var facts = Valid() with { Partners = [new PartnerFacts("福州某公司", "91350100M000100Y43")] };
        Assert.Equal("partners[0].uscc", Check(facts, With(entry)).Find(ProposalErrors.Blacklisted)?.Field);
    }

    [Fact]
    public void Check_UsccEntryWithTheSameCharactersAsAnId_DoesNotMatchAPerson()
    {
        var entry = Entry(BlacklistIdentifierKind.Uscc, MemberId, null);
        Assert.Null(Check(WithTeam(), With(entry)).Find(ProposalErrors.Blacklisted));
    }
}
