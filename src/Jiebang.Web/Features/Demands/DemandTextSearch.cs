using Jiebang.Domain.Demands;
using Jiebang.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Jiebang.Web.Features.Demands;

/// <summary>The text search every demand list shares (the bureau's inbox, a recommending unit's screening list).</summary>
public static class DemandTextSearch
{
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
