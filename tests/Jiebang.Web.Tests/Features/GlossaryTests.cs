using System.Globalization;
using System.Resources;
using Jiebang.Domain.Demands;
using Jiebang.Web.Data;
using Jiebang.Web.Features.Demands;
using Jiebang.Web.Tests.Infrastructure;

namespace Jiebang.Web.Tests.Features;

/// <summary>One name for one thing (docs/glossary.md, "One name for one thing").</summary>
[Trait("Category", "Database")]
public sealed class GlossaryTests(AppWithPersonas host) : IClassFixture<AppWithPersonas>
{
    static readonly ResourceManager Shared = new("Jiebang.Web.Resources.SharedResource", typeof(Program).Assembly);
    static readonly CultureInfo Chinese = new("zh-CN"), English = new("en-US");

    [Fact]
    public void DemandKindsAndStates_AreNamedInThePagesAsInTheExportsAndMessages()
    {
        foreach (var status in Enum.GetValues<DemandStatus>())
        {
            Assert.Equal(DemandTerms.Status(status).Zh, Shared.GetString($"DemandStatus_{status}", Chinese));
            Assert.Equal(DemandTerms.Status(status).En, Shared.GetString($"DemandStatus_{status}", English));
        }
        foreach (var kind in Enum.GetValues<DemandKind>())
        {
            Assert.Equal(DemandTerms.Kind(kind).Zh, Shared.GetString($"DemandKind_{kind}", Chinese));
            Assert.Equal(DemandTerms.Kind(kind).En, Shared.GetString($"DemandKind_{kind}", English));
        }
        Assert.Equal(DemandTerms.DirectToBureau.Zh, Shared.GetString("DirectToBureauText", Chinese));
    }

    [Fact]
    public void NoChineseText_UsesAWordTheGlossarySetsAside()
    {
        var avoided = AvoidedWords();
        Assert.Contains("本单位技术需求", avoided); // the table was read
        var texts = Shared.GetResourceSet(Chinese, true, false)!.Cast<System.Collections.DictionaryEntry>()
            .Select(e => (Key: (string)e.Key, Value: e.Value as string ?? "")).ToList();
        Assert.NotEmpty(texts);
        var offending = texts.SelectMany(t => avoided.Where(w => t.Value.Contains(w, StringComparison.Ordinal)).Select(w => $"{t.Key}: {w}")).ToList();
        Assert.True(offending.Count == 0, string.Join("; ", offending));
    }

    [Fact]
    public async Task ARoundPastItsDeadline_SaysClosed_NotNotOpen()
    {
        var now = host.App.Clock.GetUtcNow();
        await using (var db = host.App.CreateDbContext())
        {
            db.Rounds.Add(new Round
            {
                Title = "术语测试：已结束的征集", Kind = Domain.Rounds.RoundKind.DemandSolicitation, OpensAt = now.AddDays(-30), ClosesAt = now.AddDays(-1),
                Forms = ["annex2@1"], TaxonomyKey = "longquan-2024", CreatedAt = now, UpdatedAt = now,
            });
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        }
        var staff = await host.App.SignedInAsync("staff");
        var page = await staff.GetStringAsync("/Rounds", TestContext.Current.CancellationToken);
        var row = page[page.IndexOf("术语测试：已结束的征集", StringComparison.Ordinal)..];
        row = row[..row.IndexOf("</tr>", StringComparison.Ordinal)];
        Assert.Contains("已截止", row);
        Assert.DoesNotContain("未开放", row);
    }

    /// <summary>The last column of the glossary's "One name for one thing" table.</summary>
    static IReadOnlyList<string> AvoidedWords()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "docs", "glossary.md"))) dir = dir.Parent;
        Assert.NotNull(dir);
        var lines = File.ReadAllLines(Path.Combine(dir.FullName, "docs", "glossary.md"));
        var start = Array.FindIndex(lines, l => l.StartsWith("## One name for one thing", StringComparison.Ordinal));
        return lines.Skip(start).Where(l => l.StartsWith('|') && !l.StartsWith("| use", StringComparison.Ordinal) && !l.StartsWith("|---", StringComparison.Ordinal))
            .Select(l => l.Split('|', StringSplitOptions.TrimEntries)[^2]).Where(w => w.Length > 0).ToList();
    }
}
