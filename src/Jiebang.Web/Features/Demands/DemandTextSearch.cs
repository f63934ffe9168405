using Jiebang.Domain.Demands;
using Jiebang.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Jiebang.Web.Features.Demands;

/// <summary>The text search every demand list shares (the bureau's inbox, a recommending unit's screening list).</summary>
public static class DemandTextSearch
{
    /// <summary>The most characters a list searches by: a name or a phrase, not a document (a URL can carry one).</summary>
    public const int MaxText = 100;

    /// <summary>The text a list searches by and carries in its links: trimmed, and its first <see cref="MaxText"/> characters.</summary>
    [return: System.Diagnostics.CodeAnalysis.NotNullIfNotNull(nameof(text))]
    public static string? Bounded(string? text)
    {
        var trimmed = text?.Trim();
        if (trimmed is null || trimmed.Length <= MaxText) return trimmed;
        // Never half of a character outside the BMP.
        return trimmed[..(char.IsHighSurrogate(trimmed[MaxText - 1]) ? MaxText - 1 : MaxText)];
    }

    /// <summary>Whether <see cref="Bounded"/> cuts the text, which the list then says.</summary>
    public static bool IsCut(string? text) => text is not null && text.Trim().Length > MaxText;

    /// <summary>
    /// The words in the name or the search text, case and all, as string.Contains finds them; each database through its
    /// trigram index. PostgreSQL: LIKE '%…%' (% _ \ escaped), which pg_trgm's GIN indexes serve (Contains becomes strpos()
    /// there, which no index serves). SQLite: the FTS5 trigram table (Data/Migrations/DemandSearchSql.cs) for three
    /// characters or more, instr() over the rows for fewer, which have no trigram.
    /// </summary>
    public static IQueryable<Demand> WithText(this IQueryable<Demand> demands, JiebangDbContext db, string text)
    {
        if (db.Database.IsNpgsql())
        {
            var pattern = "%" + text.Replace(@"\", @"\\").Replace("%", @"\%").Replace("_", @"\_") + "%";
            return demands.Where(d => EF.Functions.Like(d.Title, pattern, @"\") || EF.Functions.Like(d.SearchText, pattern, @"\"));
        }
        if (text.EnumerateRunes().Count() < 3) return demands.Where(d => d.Title.Contains(text) || d.SearchText.Contains(text));
        var phrase = "\"" + text.Replace("\"", "\"\"") + "\"";
        var found = db.Database.SqlQuery<int>($"SELECT rowid AS \"Value\" FROM \"DemandSearch\" WHERE \"DemandSearch\" MATCH {phrase}");
        return demands.Where(d => found.Contains(d.Id));
    }
}
