using System.Collections;
using System.Globalization;
using System.Reflection;
using System.Resources;
using System.Text.RegularExpressions;
using Jiebang.Domain.Rules;
using Jiebang.Web.Features;

namespace Jiebang.Web.Tests.Features;

/// <summary>
/// Every rule a person can be told about is an entry of an errors catalogue (the *Errors classes of
/// the domain and the web app): a unique code with a clause, and a text in Chinese and in English.
/// </summary>
public sealed partial class ErrorCatalogueTests
{
    static readonly Assembly[] Assemblies = [typeof(ErrorCode).Assembly, typeof(ApiResults).Assembly];
    static readonly ResourceManager Messages = new("Jiebang.Domain.Resources.RuleMessages", typeof(ErrorCode).Assembly);
    static readonly CultureInfo Chinese = CultureInfo.GetCultureInfo("zh-CN"), English = CultureInfo.GetCultureInfo("en-US");

    /// <summary>Each catalogued code with where it is declared (DemandErrors.Filing.NotEditable).</summary>
    static List<(string Where, ErrorCode Code)> Catalogue()
    {
        var found = new List<(string, ErrorCode)>();
        foreach (var type in Assemblies.SelectMany(a => a.GetTypes()).Where(t => t.IsClass && t.Name.EndsWith("Errors", StringComparison.Ordinal)))
            foreach (var field in type.GetFields(BindingFlags.Public | BindingFlags.Static))
                Add(found, $"{type.Name}.{field.Name}", field.GetValue(null));
        return found;
    }

    static void Add(List<(string, ErrorCode)> found, string where, object? value)
    {
        if (value is ErrorCode code) found.Add((where, code));
        else if (value is not null && value.GetType().Name.EndsWith("Errors", StringComparison.Ordinal))
            foreach (var property in value.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.PropertyType == typeof(ErrorCode)))
                found.Add(($"{where}.{property.Name}", (ErrorCode)property.GetValue(value)!));
    }

    public static TheoryData<string> Entries() => [.. Catalogue().Select(e => e.Where)];

    static ErrorCode Entry(string where) => Catalogue().Single(e => e.Where == where).Code;

    [Fact]
    public void Catalogue_FindsTheCataloguesOfBothAssemblies()
    {
        var owners = Catalogue().Select(e => e.Where.Split('.')[0]).ToHashSet();
        Assert.Superset(new HashSet<string> { "DemandErrors", "UnitErrors", "IdentifierErrors", "FormErrors", "AccessErrors", "AccountErrors" }, owners);
    }

    [Fact]
    public void Codes_AreUnique()
    {
        var twice = Catalogue().GroupBy(e => e.Code.Code).Where(g => g.Count() > 1).Select(g => string.Join(", ", g.Select(e => e.Where)));
        Assert.Empty(twice);
    }

    [Theory]
    [MemberData(nameof(Entries))]
    public void Entry_HasAClause_OrCitesTheForms(string where)
    {
        var code = Entry(where);
        Assert.True(code.ClauseFromForm || !string.IsNullOrWhiteSpace(code.Clause), $"{where} ({code.Code}) cites no clause");
    }

    [Theory]
    [MemberData(nameof(Entries))]
    public void Entry_HasChineseAndEnglishTexts_WithTheSamePlaceholders(string where)
    {
        var code = Entry(where).Code;
        var english = Messages.GetString(code, English);
        var neutral = Messages.GetString(code, CultureInfo.InvariantCulture);
        var chinese = Messages.GetString(code, Chinese);
        Assert.False(string.IsNullOrWhiteSpace(english), $"{code} has no en-US text");
        Assert.Equal(neutral, english);
        Assert.False(string.IsNullOrWhiteSpace(chinese), $"{code} has no zh-CN text");
        Assert.Matches(Han(), chinese);
        Assert.Equal(Placeholders(english!), Placeholders(chinese!));
    }

    [Fact]
    public void Texts_AreAllCatalogued()
    {
        var codes = Catalogue().Select(e => e.Code.Code).ToHashSet();
        foreach (var culture in new[] { CultureInfo.InvariantCulture, Chinese })
        {
            var orphans = Messages.GetResourceSet(culture, createIfNotExists: true, tryParents: false)!
                .Cast<DictionaryEntry>().Select(e => (string)e.Key).Where(k => !codes.Contains(k)).ToList();
            Assert.True(orphans.Count == 0, $"texts of no catalogued code ({culture.Name}): {string.Join(", ", orphans)}");
        }
    }

    [Fact]
    public void FormRule_WithoutTheFormsClause_IsAMistakeOfTheCaller()
    {
        Assert.Throws<InvalidOperationException>(() => Domain.Forms.FormErrors.Required.At("title", "标题"));
        Assert.Equal("annex 2", Domain.Forms.FormErrors.Required.AtClause(Clause.Annex(2), "title", "标题").Clause);
    }

    static List<int> Placeholders(string format) =>
        [.. Placeholder().Matches(format.Replace("{{", "").Replace("}}", "")).Select(m => int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)).Distinct().Order()];

    [GeneratedRegex(@"\{(\d+)[^}]*\}")]
    private static partial Regex Placeholder();

    [GeneratedRegex(@"\p{IsCJKUnifiedIdeographs}")]
    private static partial Regex Han();
}
